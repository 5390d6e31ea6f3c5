import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CUSTOM_FACT_NAME_PATTERN } from '@fairpost/core';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { JsonSchemaDocument } from './json-schema-document.js';

/** The TypeScript type a custom fact's name has in core (`CustomFactName`). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: this string is TypeScript source, a template literal type.
const CUSTOM_FACT_NAME_TYPE = '`custom.${string}`';

/**
 * Generates TypeScript types from a draft-07 schema document with json-schema-to-typescript (draft-07 is the
 * edition it reads best: descriptions beside `$ref` stay on the property), then formats them with Biome, the
 * repository's formatter, so the committed file is readable and byte-stable. The root type is named `typeName`;
 * the others take their names from the schemas' titles.
 * @example
 * const source = await typescriptFromSchema(draft07Policy, { typeName: 'Policy', banner: '...' });
 */
export async function typescriptFromSchema(
  document: JsonSchemaDocument,
  { typeName, banner }: { typeName: string; banner: string },
): Promise<string> {
  const rootId = document.$id;
  const input = withCustomFactTestNames(structuredClone(document)) as JSONSchema;
  const source = await compile(input, typeName, {
    bannerComment: banner,
    format: false,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    customName: (schema) => (schema.$id === rootId ? typeName : undefined),
  });
  return formatTypeScript(source);
}

/**
 * JSON Schema can only say that a custom fact test's `fact` matches a pattern; core types it as the template
 * literal `custom.${string}`. Without this, the generated `Policy` would accept `fact: "account.kind"` with any value
 * through the custom-fact variant, and would not be assignable to core's `Policy`. Only the fact tests' `fact`
 * gets the template type: a custom fact's declared `name` is a plain string in core too.
 */
function withCustomFactTestNames(document: JsonSchemaDocument): JsonSchemaDocument {
  const definitions = document.definitions as Record<string, JsonSchemaDocument> | undefined;
  const variants = definitions?.FactTest?.anyOf;
  if (!Array.isArray(variants)) return document;
  for (const variant of variants as JsonSchemaDocument[]) {
    const fact = (variant.properties as Record<string, JsonSchemaDocument>).fact;
    if (fact?.pattern === CUSTOM_FACT_NAME_PATTERN) fact.tsType = CUSTOM_FACT_NAME_TYPE;
  }
  return document;
}

const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..', '..');

/** Formats TypeScript source with the repository's pinned Biome and settings, through stdin so no file is touched. */
function formatTypeScript(source: string): string {
  const biomePackage = createRequire(join(REPOSITORY_ROOT, 'package.json')).resolve(
    '@biomejs/biome/package.json',
  );
  const biome = join(dirname(biomePackage), 'bin', 'biome');
  try {
    return execFileSync(process.execPath, [biome, 'format', '--stdin-file-path=generated.ts'], {
      input: source,
      encoding: 'utf8',
      cwd: REPOSITORY_ROOT,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`biome could not format the generated types: ${stderr.trim() || String(error)}`);
  }
}
