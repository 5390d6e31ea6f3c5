import { PolicySchema, socialMediaVocabulary } from '@fairpost/core';
import { arbitraryCondition } from '@fairpost/core/testing';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionKeyedByFact } from '../scripts/condition-keyed-by-fact.js';
import { EDITIONS, type Edition, toJsonSchemaDocument } from '../scripts/json-schema-document.js';
import { runs } from '../../../test/support/property-runs.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A validator of one definition of a document, with ajv as an outside tool runs it (strict, every error). */
function conditionValidator(document: Record<string, unknown>, edition: Edition): ValidateFunction {
  const options = { strict: true, allErrors: true } as const;
  const ajv = edition === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  addFormats.default(ajv);
  ajv.addSchema(document);
  const defs = edition === '2020-12' ? '$defs' : 'definitions';
  return ajv.compile({ $ref: `${document.$id as string}#/${defs}/Condition` });
}

const FACTS = socialMediaVocabulary.facts.map((fact) => fact.name);
const VALUES: Json[] = [
  ...new Set(
    socialMediaVocabulary.facts.flatMap((f) => (f.type === 'enum' ? f.values.map((v) => v.value) : [])),
  ),
];

/**
 * Condition-shaped values, mostly wrong: any subset of the keys a condition may have (and a misspelt one), with
 * names and values that are right for some fact and wrong for the others, at any depth, so both schemas are asked
 * about every way a hand-written condition can go wrong.
 */
const arbitraryConditionLike: fc.Arbitrary<Json> = fc.letrec<{ node: Json }>((tie) => {
  const name = fc.constantFrom<Json>(
    ...FACTS,
    'custom.phase',
    'custom.Bad',
    'context.tim',
    'content.isAbusiv',
    3,
  );
  const value = fc.constantFrom<Json>(...VALUES, true, false, 'weekend', 3, null, {});
  const list = fc.oneof(fc.array(value, { maxLength: 3 }), value);
  const children = fc.oneof(fc.array(tie('node'), { maxLength: 3 }), tie('node'));
  return {
    node: fc.oneof(
      { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
      fc.record(
        { fact: name, is: value, in: list, isNot: value, notIn: list, iss: value },
        { requiredKeys: ['fact'] },
      ),
      fc.record({ fact: name, is: value, in: list }, { requiredKeys: [] }),
      fc.record({ all: children, any: children, not: tie('node') }, { requiredKeys: [] }),
      fc.constantFrom<Json>('account.kind', null, [], {}),
    ) as fc.Arbitrary<Json>,
  };
}).node;

describe('the condition schema rewritten for validators', () => {
  for (const edition of EDITIONS) {
    const union = toJsonSchemaDocument(PolicySchema, { name: 'policy', edition });
    const keyed = conditionKeyedByFact(union, edition);
    const byUnion = conditionValidator(union, edition);
    const byKey = conditionValidator(keyed, edition);

    it(`accepts every condition zod's union accepts, in ${edition}`, () => {
      fc.assert(
        fc.property(arbitraryCondition(FACTS, 3), (condition) => {
          expect(byUnion(condition)).toBe(true);
          expect(byKey(condition), JSON.stringify(byKey.errors)).toBe(true);
        }),
        { numRuns: runs(300) },
      );
    });

    it(`agrees with zod's union on hand-broken conditions, in ${edition}`, () => {
      let rejected = 0;
      fc.assert(
        fc.property(arbitraryConditionLike, (condition) => {
          const expected = byUnion(condition);
          expect(byKey(condition), JSON.stringify(condition)).toBe(expected);
          if (!expected) rejected++;
        }),
        { numRuns: runs(1000) },
      );
      expect(rejected).toBeGreaterThan(500);
    });
  }

  it('refuses a document whose conditions are not the union it knows, rather than publish a looser one', () => {
    const union = toJsonSchemaDocument(PolicySchema, { name: 'policy', edition: 'draft-07' });
    const withoutUnion = structuredClone(union);
    (
      (withoutUnion.definitions as Record<string, Record<string, unknown>>).FactTest as Record<
        string,
        unknown
      >
    ).anyOf = undefined;
    expect(() => conditionKeyedByFact(withoutUnion, 'draft-07')).toThrow(
      /FactTest is not a union of fact tests/,
    );
    expect(() => conditionKeyedByFact(union, '2020-12')).toThrow(/there is no \$defs\.Condition/);
  });
});
