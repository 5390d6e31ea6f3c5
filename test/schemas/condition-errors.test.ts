import { socialMediaVocabulary } from '@fairpost/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROKEN_CONDITIONS, ENUM_FACT_NAMES, valuesOf } from './support/broken-conditions.js';
import { basePolicy } from './support/invalid-policies.js';
import { EDITIONS, publishedValidator } from './support/published-validators.js';
import { runs } from '../support/property-runs.js';

/** How long the list of every fact name is: the most an error about a misspelt fact needs to say. */
const FACT_NAMES_LENGTH = socialMediaVocabulary.facts.map((f) => `"${f.name}"`).join(',').length;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Two places a condition can be: a duty's whole `when`, and two levels down in a rule's `when`. */
const PLACES = [
  { name: 'a duty’s condition', pointer: '/duties/0/when', wrap: (c: Json): Json => c },
  {
    name: 'a condition two levels down',
    pointer: '/rules/0/when/all/1/not',
    wrap: (c: Json): Json => ({ not: c }),
  },
] as const;

/** The base policy with `condition` at a place (a rule keeps its first test, so the broken one is nested). */
function policyWith(place: (typeof PLACES)[number], condition: Json): Json {
  const policy = basePolicy() as Record<string, Json>;
  const [rule] = policy.rules as { when: { all: Json[] } }[];
  const [duty] = policy.duties as { when: Json }[];
  if (place.pointer.startsWith('/duties')) duty!.when = place.wrap(condition);
  else rule!.when.all[1] = place.wrap(condition);
  return policy;
}

describe('errors for one broken condition, as ajv reports them (strict, allErrors)', () => {
  for (const edition of EDITIONS) {
    const validate = publishedValidator(edition, 'policy', { allErrors: true });
    for (const place of PLACES) {
      for (const broken of BROKEN_CONDITIONS) {
        it(`${edition}, ${place.name}: ${broken.name}`, () => {
          expect(validate(policyWith(place, broken.condition))).toBe(false);
          const errors = validate.errors ?? [];
          expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(broken.ajv.count);
          const { at, keyword, params, message } = broken.ajv.first;
          expect(errors[0]).toMatchObject({
            instancePath: `${place.pointer}${at}`,
            keyword: typeof keyword === 'string' ? keyword : keyword[edition],
            params,
            message,
          });
          // Every error is about this condition, and none speaks of another fact's values.
          for (const error of errors) expect(error.instancePath.startsWith(place.pointer)).toBe(true);
          // A misspelt fact is answered with the facts there are, so the bound grows with the vocabulary, never
          // with the number of places the condition could have matched.
          expect(JSON.stringify(errors).length).toBeLessThan(800 + FACT_NAMES_LENGTH);
        });
      }
    }

    it(`${edition}: any wrong value of any fact, with any operator, at any depth, gives two errors naming the fact's values`, () => {
      const case_ = fc.record({
        fact: fc.constantFrom(...ENUM_FACT_NAMES),
        operator: fc.constantFrom('is', 'isNot', 'in', 'notIn'),
        wrong: fc.constantFrom<Json>('weekend', 'Staff', '', null, 3, true),
        depth: fc.array(fc.constantFrom('all', 'any', 'not'), { maxLength: 3 }),
      });
      fc.assert(
        fc.property(case_, ({ fact, operator, wrong, depth }) => {
          const list = operator === 'in' || operator === 'notIn';
          let condition: Json = { fact, [operator]: list ? [valuesOf(fact)[0]!, wrong] : wrong };
          let pointer = list ? `/${operator}/1` : `/${operator}`;
          for (const combinator of depth) {
            condition = combinator === 'not' ? { not: condition } : { [combinator]: [condition] };
            pointer = combinator === 'not' ? `/not${pointer}` : `/${combinator}/0${pointer}`;
          }
          const policy = policyWith(PLACES[0], condition);
          expect(validate(policy)).toBe(false);
          expect(validate.errors).toHaveLength(2);
          expect(validate.errors![0]).toMatchObject({
            instancePath: `/duties/0/when${pointer}`,
            keyword: 'enum',
            params: { allowedValues: valuesOf(fact) },
          });
        }),
        { numRuns: runs(200) },
      );
    });
  }
});
