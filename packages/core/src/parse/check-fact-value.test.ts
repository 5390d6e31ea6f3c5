import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factDomain, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { SetFactDefinition } from '../vocabulary/vocabulary-schema.js';
import { checkFactValue, membersInOrder, suggest } from './check-fact-value.js';
import { runs } from '../../../../test/support/property-runs.js';

const facts = [...standardVocabulary.facts.values()];
const topics = standardVocabulary.facts.get('content.topics') as SetFactDefinition;
const members = topics.values.map((m) => m.value);

/** A value of some fact, or something no fact takes. */
const anyValue = fc.oneof(
  fc.constantFrom(...facts.filter((f) => f.type !== 'set').flatMap((f) => factDomain(f))),
  fc.constantFrom(null, undefined, 0, '', 'PERSONAL', ['personal'], { value: 'personal' }),
);

describe('checkFactValue', () => {
  it('accepts exactly the values a one-value fact takes, and says what it expected otherwise', () => {
    fc.assert(
      fc.property(fc.constantFrom(...facts.filter((f) => f.type !== 'set')), anyValue, (fact, value) => {
        const problem = checkFactValue(fact, value);
        expect(problem === undefined).toBe(factDomain(fact).includes(value as never));
        if (problem) expect(problem.message).toContain(`"${fact.name}"`);
      }),
      { numRuns: runs(500) },
    );
  });

  it('accepts a set as an array of distinct members in any order, and points at the first bad or repeated one', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(members),
        fc.option(fc.constantFrom('employr', 42), { nil: undefined }),
        fc.boolean(),
        (given, bad, repeat) => {
          const value = [
            ...given,
            ...(bad === undefined ? [] : [bad]),
            ...(repeat && given.length > 0 ? [given[0]] : []),
          ];
          const problem = checkFactValue(topics, value);
          if (bad === undefined && !(repeat && given.length > 0)) {
            expect(problem).toBeUndefined();
            expect(membersInOrder(topics, given)).toEqual(members.filter((m) => given.includes(m)));
          } else expect(problem?.at).toEqual([given.length]);
          if (bad === 'employr') expect(problem?.message).toContain('did you mean "employer"?');
        },
      ),
      { numRuns: runs(200) },
    );
    expect(checkFactValue(topics, 'employer')?.message).toMatch(/takes an array of its members/);
  });
});

describe('suggest', () => {
  it('finds a name from one slip of the keyboard, and offers nothing for a word unlike them all', () => {
    const names = [...standardVocabulary.facts.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom('drop', 'double', 'upper'),
        (name, at, slip) => {
          const i = at % name.length;
          const typo =
            slip === 'drop'
              ? name.slice(0, i) + name.slice(i + 1)
              : slip === 'double'
                ? name.slice(0, i) + name[i] + name.slice(i)
                : name.toUpperCase();
          const found = suggest(typo, names);
          // Another name may be as close as the one meant; never a farther one.
          expect(found).toBeDefined();
          expect(suggest(typo, [name])).toBe(name);
          expect(suggest(name, names)).toBe(name);
        },
      ),
      { numRuns: runs(300) },
    );
    expect(suggest('zzzzzzzzzzzz', names)).toBeUndefined();
  });
});
