import { CUSTOM_FACT_NAME_PATTERN } from '@fairpost/core';
import type { JsonSchemaDocument } from './json-schema-document.js';

/**
 * The scenario's one documented post-process. zod has no `patternProperties`, so the scenario schema lets custom
 * facts through with a catch-all, which `z.toJSONSchema` writes as `additionalProperties: <value schema>`. This
 * turns that into `patternProperties: { <custom fact name pattern>: <value schema> }` and closes the object with
 * `additionalProperties: false`, so a misspelt standard fact is an error and `custom.<name>` facts are allowed.
 * Throws when the schema does not have that shape, so a change upstream cannot slip through as a looser schema.
 */
export function customFactsAsPatternProperties(document: JsonSchemaDocument): JsonSchemaDocument {
  const custom = document.additionalProperties;
  if (typeof custom !== 'object' || custom === null || !('properties' in document)) {
    throw new Error(
      `the scenario schema should be an object with a catch-all for custom facts; found additionalProperties ${JSON.stringify(custom)}`,
    );
  }
  const out: JsonSchemaDocument = {};
  for (const [key, value] of Object.entries(document)) {
    if (key === 'additionalProperties') continue;
    out[key] = value;
    if (key === 'properties') {
      out.patternProperties = { [CUSTOM_FACT_NAME_PATTERN]: custom };
      out.additionalProperties = false;
    }
  }
  return out;
}
