import { SCHEMA_VERSION } from '@fairpost/core';
import { z } from 'zod';
import { locateUnrepresentable } from './locate-unrepresentable.js';

/** The two published editions: 2020-12 is the reference, draft-07 is for editors and SchemaStore. */
export const EDITIONS = ['2020-12', 'draft-07'] as const;
/** One edition of the JSON Schemas. */
export type Edition = (typeof EDITIONS)[number];

/** A JSON Schema document as plain JSON. */
export type JsonSchemaDocument = { [key: string]: unknown };

/** The stable `$id` of a published schema: the format's major version, the edition and the document name. */
export function schemaId(name: string, edition: Edition): string {
  const major = SCHEMA_VERSION.split('.')[0];
  return `https://schemas.fairpost.dev/${major}/${edition}/${name}.json`;
}

/** Thrown when a zod schema has a part JSON Schema cannot express: the generator refuses a looser schema. */
export class UnrepresentableSchemaError extends Error {
  override readonly name = 'UnrepresentableSchemaError';
}

const TARGETS: Record<Edition, 'draft-2020-12' | 'draft-07'> = {
  '2020-12': 'draft-2020-12',
  'draft-07': 'draft-07',
};
const DEFS_KEY: Record<Edition, '$defs' | 'definitions'> = { '2020-12': '$defs', 'draft-07': 'definitions' };

/**
 * Converts a zod schema to a published JSON Schema document with zod's own `z.toJSONSchema`, refusing anything it
 * cannot represent (`unrepresentable: 'throw'`), then gives it its `$id` and a stable layout: the root schema is
 * the document itself (not a `$ref` to a definition, whose siblings draft-07 would ignore), and the definitions are
 * sorted by name.
 * @example
 * const doc = toJsonSchemaDocument(PolicySchema, { name: 'policy', edition: '2020-12' });
 */
export function toJsonSchemaDocument(
  schema: z.ZodType,
  { name, edition, io = 'output' }: { name: string; edition: Edition; io?: 'input' | 'output' },
): JsonSchemaDocument {
  let generated: JsonSchemaDocument;
  try {
    generated = z.toJSONSchema(schema, {
      target: TARGETS[edition],
      unrepresentable: 'throw',
      io,
    }) as JsonSchemaDocument;
  } catch (error) {
    const found = locateUnrepresentable(schema);
    const where = found
      ? `at ${found.path === '' ? 'the root' : found.path} (a zod ${found.type})`
      : 'somewhere';
    throw new UnrepresentableSchemaError(
      `the ${name} schema cannot be written as JSON Schema ${edition}: ${where}: ${messageOf(error)}. ` +
        'Express it with JSON-representable zod types, or move the check into parsePolicy and document it.',
    );
  }
  return withRootInlined(generated, { id: schemaId(name, edition), defsKey: DEFS_KEY[edition] });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Replaces a root `{ $ref: '#/<defs>/X' }` by X itself when nothing else refers to X, and sorts the definitions. */
function withRootInlined(
  generated: JsonSchemaDocument,
  { id, defsKey }: { id: string; defsKey: '$defs' | 'definitions' },
): JsonSchemaDocument {
  const { $schema, $ref, [defsKey]: defsValue, ...rest } = generated;
  const defs = { ...((defsValue as Record<string, JsonSchemaDocument> | undefined) ?? {}) };
  let root: JsonSchemaDocument = rest;
  const prefix = `#/${defsKey}/`;
  if (typeof $ref === 'string' && $ref.startsWith(prefix)) {
    const rootName = $ref.slice(prefix.length);
    const rootDef = defs[rootName];
    delete defs[rootName];
    if (rootDef && !JSON.stringify(defs).includes(JSON.stringify($ref))) root = { ...rest, ...rootDef };
    else if (rootDef) {
      defs[rootName] = rootDef;
      root = { ...rest, $ref };
    }
  }
  const sortedDefs = Object.fromEntries(
    Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const { title, description, ...body } = root;
  return {
    $schema,
    $id: id,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...body,
    ...(Object.keys(sortedDefs).length > 0 ? { [defsKey]: sortedDefs } : {}),
  };
}
