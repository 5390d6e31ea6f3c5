import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The two published editions, as an outside tool reads them: files on disk, validated by ajv. */
export const EDITIONS = ['2020-12', 'draft-07'] as const;
export type Edition = (typeof EDITIONS)[number];
export const DOCUMENTS = ['policy', 'scenario', 'decision', 'incident', 'interview-answers'] as const;
export type DocumentName = (typeof DOCUMENTS)[number];

const SCHEMAS_ROOT = join(import.meta.dirname, '..', '..', '..', 'packages', 'schemas', 'json');

/** Reads a published schema file as JSON, as a consumer without Fairpost's code would. */
export function readPublishedSchema(edition: Edition, name: DocumentName): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMAS_ROOT, edition, `${name}.json`), 'utf8'));
}

/**
 * A strict ajv instance for an edition: `Ajv2020` for 2020-12, the default `Ajv` class for draft-07. `allErrors`
 * reports every error instead of stopping at the first, as editors and linters built on ajv do.
 */
export function strictAjv(edition: Edition, { allErrors = false } = {}): Ajv | Ajv2020 {
  const options = { strict: true, allErrors } as const;
  const ajv = edition === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  addFormats.default(ajv);
  return ajv;
}

const cache = new Map<string, ValidateFunction>();

/** The compiled validator of one published document (compiled once per test file), optionally with every error. */
export function publishedValidator(
  edition: Edition,
  name: DocumentName,
  { allErrors = false } = {},
): ValidateFunction {
  const key = `${edition}/${name}/${allErrors}`;
  let validate = cache.get(key);
  if (!validate) {
    validate = strictAjv(edition, { allErrors }).compile(readPublishedSchema(edition, name));
    cache.set(key, validate);
  }
  return validate;
}

/** ajv's verdict on a value, with its errors in one line each for failure messages. */
export function ajvVerdict(
  edition: Edition,
  name: DocumentName,
  value: unknown,
): { valid: boolean; errors: string[] } {
  const validate = publishedValidator(edition, name);
  const valid = validate(value);
  const errors = (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
  return { valid, errors };
}
