import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parsePolicySource } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { ajvVerdict } from './support/published-validators.js';

const root = resolve(import.meta.dirname, '..', '..');
const jsonFile = join(root, 'examples', 'json', 'starter.json');
const yamlFile = join(root, 'examples', 'policies', 'starter.yaml');

describe('a policy written as JSON', () => {
  const text = readFileSync(jsonFile, 'utf8');
  const document = JSON.parse(text) as { $schema: string };

  it('names the published schema in "$schema", as a path an editor resolves from the file', () => {
    const schemaFile = resolve(dirname(jsonFile), document.$schema);
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { $id: string };
    expect(schema.$id).toBe('https://schemas.fairpost.dev/1/2020-12/policy.json');
  });

  it('is valid for the schema it names and for parsePolicySource', () => {
    expect(ajvVerdict('2020-12', 'policy', document).errors).toEqual([]);
    const parsed = parsePolicySource(text, { filename: jsonFile });
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });

  it('is the starter policy, word for word, with "$schema" kept rather than dropped', () => {
    const fromJson = parsePolicySource(text, { filename: jsonFile });
    const fromYaml = parsePolicySource(readFileSync(yamlFile, 'utf8'), { filename: yamlFile });
    if (!fromJson.ok || !fromYaml.ok) throw new Error('both files must parse');
    const { $schema, ...rest } = fromJson.policy;
    expect($schema).toBe(document.$schema);
    expect(rest).toEqual(fromYaml.policy);
  });
});
