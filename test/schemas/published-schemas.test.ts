import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy, parsePolicySource } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { INVALID_POLICIES, basePolicy } from './support/invalid-policies.js';
import {
  DOCUMENTS,
  EDITIONS,
  ajvVerdict,
  readPublishedSchema,
  strictAjv,
} from './support/published-validators.js';

const POLICIES_DIR = join(import.meta.dirname, '..', '..', 'examples', 'policies');

/** Every example policy that exists now (other files there are renderings and case tables). */
const examplePolicies = readdirSync(POLICIES_DIR)
  .filter((file) => /\.(ya?ml|json)$/.test(file) && !file.includes('.cases.'))
  .sort();

const README = readFileSync(
  join(import.meta.dirname, '..', '..', 'packages', 'schemas', 'README.md'),
  'utf8',
);

describe('the published JSON Schemas, read as an outside tool reads them', () => {
  for (const edition of EDITIONS) {
    for (const name of DOCUMENTS) {
      it(`${edition}/${name}.json compiles in ajv strict mode with its stable $id`, () => {
        const schema = readPublishedSchema(edition, name);
        expect(schema.$id).toBe(`https://schemas.fairpost.dev/1/${edition}/${name}.json`);
        expect(() => strictAjv(edition).compile(schema)).not.toThrow();
      });
    }
  }

  it('finds the example policies to check', () => {
    expect(examplePolicies).toContain('starter.yaml');
  });

  for (const file of examplePolicies) {
    it(`accepts the example policy ${file} in both editions, as parsePolicySource does`, () => {
      const text = readFileSync(join(POLICIES_DIR, file), 'utf8');
      const parsed = parsePolicySource(text, { filename: file });
      expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      const document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', document).errors).toEqual([]);
    });
  }

  it('accepts the base policy of the invalid corpus (so each case breaks exactly one thing)', () => {
    expect(parsePolicy(basePolicy()).ok).toBe(true);
    for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', basePolicy()).errors).toEqual([]);
  });

  for (const { name, mutate, rejectedBy } of INVALID_POLICIES) {
    const policy = basePolicy();
    mutate(policy);
    if (rejectedBy === 'schema') {
      it(`rejects ${name} in both editions, and parsePolicy does too`, () => {
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', policy).valid).toBe(false);
        expect(parsePolicy(policy).ok).toBe(false);
      });
    } else {
      it(`leaves ${name} to parsePolicy, which reports ${rejectedBy.parsePolicyOnly}, and documents it`, () => {
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', policy).errors).toEqual([]);
        const result = parsePolicy(policy);
        expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual([
          rejectedBy.parsePolicyOnly,
        ]);
        expect(README).toContain(`\`${rejectedBy.parsePolicyOnly}\``);
      });
    }
  }
});
