import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpace, cubeShare, regionShare, subtractMasks, toMasks } from '../region/region.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  type ConditionalFactRates,
  checkDistribution,
  type FactDistribution,
  type FactRates,
  isConditionalRates,
  spaceWeights,
} from './fact-distribution.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = runs(200);

/**
 * A small space with a distribution over it: each fact independent, or (when `conditional` allows) conditional on an
 * earlier independent fact; the space's fact order is reversed half the time, so a given fact may come after the
 * fact that depends on it.
 */
const setting = (conditional: boolean) =>
  fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      seeds: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), {
        minLength: 4,
        maxLength: 4,
      }),
      links: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 4, maxLength: 4 }),
      reversed: fc.boolean(),
    })
    .map(({ sizes, seeds, links, reversed }) => {
      const facts = sizes.map((_, i) => `f${i}`);
      const domain = (i: number) => Array.from({ length: sizes[i]! }, (_, v) => `v${v}`);
      // Rates from small integers; a zero row total gets a single positive weight so every row is usable.
      const rates = (i: number, row: number): FactRates => {
        const raw = domain(i).map((_, v) => seeds[i]![(row * 3 + v) % 12]!);
        if (!raw.some((r) => r > 0)) raw[0] = 1;
        return Object.fromEntries(domain(i).map((v, k) => [v, raw[k]!]));
      };
      const givenOf = new Map<number, number>();
      const distribution: Record<string, FactDistribution[string]> = {};
      facts.forEach((fact, i) => {
        const link = links[i];
        const candidates = facts.map((_, j) => j).filter((j) => j < i && !givenOf.has(j));
        if (conditional && link !== undefined && candidates.length > 0) {
          const g = candidates[link % candidates.length]!;
          givenOf.set(i, g);
          distribution[fact] = {
            given: facts[g]!,
            rates: Object.fromEntries(domain(g).map((v, row) => [v, rates(i, row)])),
          };
        } else distribution[fact] = rates(i, 0);
      });
      const order = reversed ? [...facts].reverse() : facts;
      const space = createSpace(order, (fact) => domain(Number(fact.slice(1))));
      return { facts, domain, distribution, space, givenOf };
    });

/** The probability of one complete scenario, straight from the distribution (rates normalised per row). */
function pointProbability(distribution: FactDistribution, point: Record<string, string>): number {
  let p = 1;
  for (const [fact, entry] of Object.entries(distribution)) {
    const values: FactRates = isConditionalRates(entry)
      ? (entry as ConditionalFactRates).rates[point[entry.given]!]!
      : (entry as FactRates);
    const total = Object.values(values).reduce((a, b) => a + b, 0);
    p *= (values[point[fact]!] ?? 0) / total;
  }
  return p;
}

/** Every complete scenario of the facts. */
function points(facts: readonly string[], domain: (i: number) => string[]): Record<string, string>[] {
  return facts.reduce<Record<string, string>[]>(
    (acc, fact, i) => acc.flatMap((p) => domain(i).map((v) => ({ ...p, [fact]: v }))),
    [{}],
  );
}

const withCube = (conditional: boolean) =>
  setting(conditional).chain((s) =>
    fc
      .tuple(...s.facts.map((_, i) => fc.subarray(s.domain(i), { minLength: 1 })))
      .map((allowed) => ({ ...s, allowed })),
  );

describe('spaceWeights and cubeShare', () => {
  for (const conditional of [false, true])
    it(`give every cube its brute-force probability (${conditional ? 'with' : 'without'} conditional rates)`, () => {
      fc.assert(
        fc.property(withCube(conditional), ({ facts, domain, distribution, space, allowed }) => {
          const cube = new Map(facts.map((fact, i) => [fact, new Set<string | boolean>(allowed[i]!)]));
          const [mask] = toMasks([cube], space);
          const weights = spaceWeights(space, distribution);
          const expected = points(facts, domain)
            .filter((p) => facts.every((fact, i) => allowed[i]!.includes(p[fact]!)))
            .reduce((sum, p) => sum + pointProbability(distribution, p), 0);
          expect(cubeShare(mask!, space, weights)).toBeCloseTo(expected, 12);
          // Each fact alone is worth its marginal rate.
          facts.forEach((fact, i) => {
            const f = space.index.get(fact)!;
            domain(i).forEach((v, k) => {
              const marginal = points(facts, domain)
                .filter((p) => p[fact] === v)
                .reduce((sum, p) => sum + pointProbability(distribution, p), 0);
              expect(weights![f]![k]).toBeCloseTo(marginal, 12);
            });
          });
        }),
        { numRuns: RUNS },
      );
    });

  it('give the cubes of a partition shares that sum to 1', () => {
    fc.assert(
      fc.property(withCube(true), ({ facts, distribution, space, allowed }) => {
        const cube = new Map(facts.map((fact, i) => [fact, new Set<string | boolean>(allowed[i]!)]));
        const inside = toMasks([cube], space);
        const partition = [...inside, ...subtractMasks([space.full], inside, space)];
        expect(regionShare(partition, space, spaceWeights(space, distribution))).toBeCloseTo(1, 12);
      }),
      { numRuns: RUNS },
    );
  });

  it('leave independent weights as plain per-fact arrays', () => {
    const space = createSpace(['a', 'b'], () => ['x', 'y']);
    const weights = spaceWeights(space, { a: { x: 1, y: 3 } });
    expect(weights).toEqual([
      [0.25, 0.75],
      [0.5, 0.5],
    ]);
    expect(weights && 'conditional' in weights).toBe(false);
  });

  it('weigh a set fact member by member: each member in with its own chance, a member left out at even odds', () => {
    const members = ['employer', 'clients', 'party-politics'];
    const dimensions = members.map((m) => `content.topics[${m}]`);
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc.array(fc.subarray([true, false], { minLength: 1 }), { minLength: 3, maxLength: 3 }),
        (chances, allowed) => {
          const rates = Object.fromEntries(
            members.flatMap((m, i) => (chances[i] === undefined ? [] : [[m, chances[i]]])),
          );
          const space = createSpace(dimensions, () => [true, false]);
          const cube = new Map(dimensions.map((d, i) => [d, new Set<string | boolean>(allowed[i]!)]));
          const [mask] = toMasks([cube], space);
          // Brute force: the members are independent, each in with its chance (0.5 when not given).
          const expected = members.reduce((product, _, i) => {
            const chance = chances[i] ?? 0.5;
            return product * allowed[i]!.reduce((sum, inSet) => sum + (inSet ? chance : 1 - chance), 0);
          }, 1);
          const weights = spaceWeights(space, { 'content.topics': rates });
          expect(cubeShare(mask!, space, weights)).toBeCloseTo(expected, 12);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('use the marginal alone when the given fact is not in the space', () => {
    const space = createSpace(['b'], () => ['x', 'y']);
    const weights = spaceWeights(space, {
      a: { x: 0.25, y: 0.75 },
      b: { given: 'a', rates: { x: { x: 1, y: 0 }, y: { x: 0, y: 1 } } },
    });
    expect(weights).toEqual([[0.25, 0.75]]);
  });
});

describe('checkDistribution with a set fact', () => {
  it('accepts each member’s chance of being in the set, however they add up', () => {
    expect(
      checkDistribution(
        { 'content.topics': { employer: 0.9, clients: 0.8, 'party-politics': 0 } },
        standardVocabulary,
      ),
    ).toEqual([]);
  });

  it('names an unknown member, a chance outside 0 to 1, and conditional rates on either side', () => {
    const issues = checkDistribution(
      {
        'content.topics': { employer: 1.5, clinets: 0.1 },
        'context.time': { given: 'content.topics', rates: {} },
      },
      standardVocabulary,
    );
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['content.topics.employer', 'invalid-value'],
      ['content.topics.clinets', 'invalid-fact-value'],
      ['context.time.given', 'invalid-value'],
    ]);
    expect(issues[2]!.message).toContain('a set fact');
    const conditional = checkDistribution(
      { 'content.topics': { given: 'context.time', rates: {} } } as never,
      standardVocabulary,
    );
    expect(conditional.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['content.topics.given', 'invalid-value'],
    ]);
    expect(conditional[0]!.message).toContain('cannot be conditional');
  });
});

describe('checkDistribution with conditional rates', () => {
  const rows = { organisational: { true: 1 }, 'personal-named': { true: 1 }, personal: { false: 1 } };
  it('accepts rates conditional on an independent fact with a row for every value', () => {
    const values = standardVocabulary.facts.get('account.kind')!;
    const all = Object.fromEntries(
      (values.type === 'enum' ? values.values.map((v) => v.value) : []).map((v) => [
        v,
        { true: 0.1, false: 0.9 },
      ]),
    );
    expect(
      checkDistribution(
        { 'content.identifiesClient': { given: 'account.kind', rates: all } },
        standardVocabulary,
      ),
    ).toEqual([]);
  });

  it('names a missing row, an unknown given fact, a chain and a fact given itself', () => {
    const messages = (d: FactDistribution) => checkDistribution(d, standardVocabulary).map((i) => i.message);
    expect(messages({ 'content.identifiesClient': { given: 'account.kind', rates: rows } })).toEqual([
      expect.stringMatching(/given account\.kind have no row for "pseudonymous"/),
    ]);
    expect(messages({ 'content.identifiesClient': { given: 'account.knd', rates: {} } })).toEqual([
      'fact "content.identifiesClient" is given an unknown fact "account.knd"',
    ]);
    expect(messages({ 'content.isAbusive': { given: 'content.isAbusive', rates: {} } })).toEqual([
      'fact "content.isAbusive" cannot be conditional on itself',
    ]);
    expect(
      messages({
        'content.isAbusive': {
          given: 'content.identifiesClient',
          rates: { true: { true: 1 }, false: { true: 1 } },
        },
        'content.identifiesClient': {
          given: 'content.isAbusive',
          rates: { true: { true: 1 }, false: { true: 1 } },
        },
      }),
    ).toEqual([
      expect.stringContaining('which is itself conditional on "content.isAbusive"'),
      expect.stringContaining('which is itself conditional on "content.identifiesClient"'),
    ]);
  });
});
