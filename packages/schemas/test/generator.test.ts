import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicySchema, socialMediaVocabulary } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildArtifacts } from '../scripts/build-artifacts.js';
import { customFactsAsPatternProperties } from '../scripts/custom-facts-as-pattern-properties.js';
import {
  type JsonSchemaDocument,
  toJsonSchemaDocument,
  UnrepresentableSchemaError,
} from '../scripts/json-schema-document.js';

const PACKAGE_ROOT = join(import.meta.dirname, '..');
type Node = { [key: string]: unknown };

/** Every subschema of a document, with a readable location, so a property can be checked wherever it is. */
function subschemas(node: unknown, at = '#'): [string, Node][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => subschemas(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: [string, Node][] = [[at, node as Node]];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const') continue;
    found.push(...subschemas(value, `${at}/${key}`));
  }
  return found;
}

/** A property's description, its own or that of the definition it refers to (directly or through allOf). */
function describedBy(property: Node, document: JsonSchemaDocument): string | undefined {
  if (typeof property.description === 'string') return property.description;
  const ref = (property.$ref ?? (property.allOf as Node[] | undefined)?.[0]?.$ref) as string | undefined;
  if (!ref) return undefined;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((n, step) => (n as Node)?.[step], document) as Node | undefined;
  return target ? describedBy(target, document) : undefined;
}

describe('the schema generator', () => {
  it('writes exactly the committed files, byte for byte, and the same bytes every time', async () => {
    const first = await buildArtifacts();
    const second = await buildArtifacts();
    expect(second).toEqual(first);
    expect(first.map((a) => a.path).sort()).toEqual([
      'json/2020-12/decision.json',
      'json/2020-12/incident.json',
      'json/2020-12/interview-answers.json',
      'json/2020-12/policy.json',
      'json/2020-12/scenario.json',
      'json/draft-07/decision.json',
      'json/draft-07/incident.json',
      'json/draft-07/interview-answers.json',
      'json/draft-07/policy.json',
      'json/draft-07/scenario.json',
      'src/generated/decision.generated.ts',
      'src/generated/incident.generated.ts',
      'src/generated/interview-answers.generated.ts',
      'src/generated/policy.generated.ts',
      'src/generated/scenario.generated.ts',
    ]);
    for (const { path, contents } of first) {
      expect(readFileSync(join(PACKAGE_ROOT, path), 'utf8'), `${path} is stale: run pnpm generate`).toBe(
        contents,
      );
      expect(contents.endsWith('\n')).toBe(true);
    }
  });

  it('gives every generated type TSDoc, carried from the schema’s descriptions', async () => {
    for (const { path, contents } of await buildArtifacts()) {
      if (!path.endsWith('.ts')) continue;
      const lines = contents.split('\n');
      const undocumented = lines.filter(
        (line, i) => line.startsWith('export ') && lines[i - 1]?.trim() !== '*/',
      );
      expect(undocumented, path).toEqual([]);
      expect(lines.filter((line) => line.startsWith('export ')).length, path).toBeGreaterThan(0);
    }
  });

  it('refuses a schema JSON Schema cannot represent, naming where it is', () => {
    const withDate = z.object({ rules: z.array(z.object({ id: z.string(), when: z.date() })) });
    expect(() => toJsonSchemaDocument(withDate, { name: 'policy', edition: '2020-12' })).toThrow(
      UnrepresentableSchemaError,
    );
    expect(() => toJsonSchemaDocument(withDate, { name: 'policy', edition: 'draft-07' })).toThrow(
      /the policy schema cannot be written as JSON Schema draft-07: at \.rules\[\]\.when \(a zod date\)/,
    );
    const withTransform = z.object({ title: z.string().transform((s) => s.length) });
    expect(() => toJsonSchemaDocument(withTransform, { name: 'policy', edition: '2020-12' })).toThrow(
      /at \.title/,
    );
  });

  it('refuses to rewrite a scenario schema that has no catch-all for custom facts', () => {
    expect(() =>
      customFactsAsPatternProperties({ type: 'object', properties: {}, additionalProperties: false }),
    ).toThrow(/catch-all for custom facts/);
  });

  for (const edition of ['2020-12', 'draft-07'] as const) {
    for (const name of ['policy', 'scenario', 'decision']) {
      const document = JSON.parse(
        readFileSync(join(PACKAGE_ROOT, 'json', edition, `${name}.json`), 'utf8'),
      ) as JsonSchemaDocument;

      it(`describes every property of ${edition}/${name}.json, and closes every object`, () => {
        const undescribed: string[] = [];
        const open: string[] = [];
        for (const [at, node] of subschemas(document)) {
          // An `if` is a test a validator runs, not a shape anyone writes: its properties need no description.
          if (/\/if(\/|$)/.test(at)) continue;
          if (node.type === 'object' && node.additionalProperties !== false) open.push(at);
          for (const [key, property] of Object.entries((node.properties as Record<string, Node>) ?? {})) {
            // `false` refuses a key (an `includes` test on a one-value fact): there is nothing to describe.
            if ((property as unknown) === false) continue;
            if (!describedBy(property, document)) undescribed.push(`${at}/properties/${key}`);
          }
        }
        expect(undescribed).toEqual([]);
        expect(open).toEqual([]);
      });
    }
  }

  it('gives every standard fact test its fact as a const and only that fact’s values', () => {
    const document = toJsonSchemaDocument(PolicySchema, { name: 'policy', edition: '2020-12' });
    const variants = ((document.$defs as Node).FactTest as Node).anyOf as Node[];
    for (const fact of socialMediaVocabulary.facts) {
      const tests = variants.filter((v) => ((v.properties as Node).fact as Node).const === fact.name);
      expect(tests.map((v) => Object.keys(v.properties as Node)[1])).toEqual(
        fact.type === 'set' ? ['includes', 'includesAny', 'includesAll'] : ['is', 'in', 'isNot', 'notIn'],
      );
      // A set fact's tests take its members; the others take the fact's values.
      const expected =
        fact.type === 'enum' || fact.type === 'set'
          ? { type: 'string', enum: fact.values.map((v) => v.value) }
          : { type: 'boolean' };
      for (const test of tests) {
        const [, operand] = Object.values(test.properties as Node) as Node[];
        expect(operand!.type === 'array' ? operand!.items : operand).toMatchObject(expected);
      }
    }
  });
});
