import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The template's text for a new policy file: its id from the file name, and the file name in its instructions. */
export function policyTemplate(fileName: string): string {
  return readFileSync(templatePath(), 'utf8')
    .replaceAll('__FILE__', fileName)
    .replaceAll('__ID__', policyIdFor(fileName));
}
