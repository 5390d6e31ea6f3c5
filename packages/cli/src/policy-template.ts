import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ID_PATTERN } from '@fairpost/core';
import { CliError } from './cli-error.js';

/**
 * The folder of the progressive policy template shipped with the package. Looked up from this module, which lives in
 * `src/` when run from source and is bundled into `dist/` when built: both sit one level below the package root.
 */
function templatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, 'templates', 'policy.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new CliError('the policy template is missing from this installation of @fairpost/cli');
}

/** A policy id made from a file name: `Our Policy.yaml` → `our-policy`; `policy` when nothing usable is left. */
export function policyIdFor(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ID_PATTERN.test(base) ? base : 'policy';
}

/** Where the published draft-07 policy schema has its stable address. */
export const PUBLISHED_SCHEMA_URL = 'https://schemas.fairpost.dev/1/draft-07/policy.json';

/**
 * The `$schema` an editor can open for a policy written in `dir`: a relative path to the schema file of an installed
 * `@fairpost/schemas` (or of this repository's own package), found by walking up from `dir`; otherwise the
 * published address. A path that resolves gives completion offline, which the address cannot promise.
 */
export function schemaReference(dir: string): string {
  const candidates = [
    'node_modules/@fairpost/schemas/json/draft-07/policy.json',
    'packages/schemas/json/draft-07/policy.json',
  ];
  for (let current = dir, depth = 0; depth < 32; depth++) {
    for (const candidate of candidates) {
      const file = join(current, candidate);
      if (existsSync(file)) return relative(dir, file).split(sep).join('/');
    }
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return PUBLISHED_SCHEMA_URL;
}

/**
 * The template's text for a new policy file: its id from the file name, the file name in its instructions, and a
 * `$schema` line the editor can resolve from `dir`, the folder it is written to.
 */
export function policyTemplate(fileName: string, dir?: string): string {
  const text = readFileSync(templatePath(), 'utf8')
    .replaceAll('__FILE__', fileName)
    .replaceAll('__ID__', policyIdFor(fileName));
  return dir === undefined ? text : text.replace(PUBLISHED_SCHEMA_URL, schemaReference(dir));
}
