import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { comparePolicies } from './compare-policies.js';
import { countWords, describeRegion, REGION_WORD_LIMIT } from './describe-region.js';
import { minimiseRegion } from './minimise-region.js';
import {
  createSpace,
  type MaskCube,
  type MaskRegion,
  toMasks,
  type ScenarioSpace,
  subtractMasks,
} from '../region/region.js';
import { factDomain } from '../vocabulary/resolve-vocabulary.js';
import { conditionRegion } from '../region/region.js';
import { regionCondition } from './region-condition.js';

const FACTS = [
  'account.kind',
  'context.time',
  'activity.kind',
  'content.kind',
  'content.identifiesClient',
  'content.isAbusive',
  'incident.kind',
  'incident.workRelated',
  'counterpart.kind',
];
const domains = (fact: string) => factDomain(standardVocabulary.facts.get(fact)!);
const space = createSpace(FACTS, domains);

/** A random cube of the space: each fact left free or given a non-empty subset of its values. */
const arbitraryCube: fc.Arbitrary<MaskCube> = fc
  .tuple(
    ...FACTS.map((fact) =>
      fc.option(fc.subarray([...domains(fact)], { minLength: 1 }), { nil: undefined, freq: 2 }),
    ),
  )
  .map((choices) => {
    const cube = new Map(
      choices.flatMap((values, i) => (values ? [[FACTS[i]!, new Set(values)] as const] : [])),
    );
    return toMasks([cube], space)[0]!;
  });
const arbitraryRegion = fc.array(arbitraryCube, { minLength: 1, maxLength: 8 });

const sameScenarios = (s: ScenarioSpace, x: MaskRegion, y: MaskRegion) =>
  subtractMasks(x, y, s).length === 0 && subtractMasks(y, x, s).length === 0;

const root = join(import.meta.dirname, '..', '..', '..', '..');
function examplePolicies() {
  const dir = join(root, 'examples', 'policies');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.endsWith('.cases.yaml'))
    .sort()
    .map((name) => {
      const parsed = parsePolicySource(readFileSync(join(dir, name), 'utf8'));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      return { name, compiled: compilePolicy(parsed.policy) };
    });
}

describe('short region descriptions', () => {
  it('minimising a region keeps exactly its scenarios', () => {
    fc.assert(
      fc.property(arbitraryRegion, (region) => {
        const minimised = minimiseRegion(space, region);
        expect(sameScenarios(space, minimised, region)).toBe(true);
        expect(minimised.length).toBeLessThanOrEqual(region.length);
      }),
      { numRuns: 150 },
    );
  });

  it('the union of the cubes the descriptions summarise is the region, each in at most 40 words', () => {
    fc.assert(
      fc.property(arbitraryRegion, (region) => {
        const descriptions = describeRegion(space, standardVocabulary, region);
        expect(
          sameScenarios(
            space,
            descriptions.flatMap((d) => d.cubes),
            region,
          ),
        ).toBe(true);
        for (const d of descriptions) expect(countWords(d.text)).toBeLessThanOrEqual(REGION_WORD_LIMIT);
        // Each description's cubes, through the policy format and back, are the same scenarios.
        for (const d of descriptions) {
          const back = toMasks(conditionRegion(regionCondition(space, d.cubes), domains), space);
          expect(sameScenarios(space, back, d.cubes)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('drops a fact that does not change membership, and names the shorter side', () => {
    // Personal or pseudonymous, whatever the time: the time is dropped.
    const region = toMasks(
      conditionRegion(
        {
          any: [
            {
              all: [
                { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
                { fact: 'context.time', is: 'own-time' },
              ],
            },
            {
              all: [
                { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
                { fact: 'context.time', is: 'work-time' },
              ],
            },
          ],
        },
        domains,
      ),
      space,
    );
    expect(describeRegion(space, standardVocabulary, region).map((d) => d.text)).toEqual([
      'account is personal account or pseudonymous account',
    ]);
    const notOrganisation = toMasks(
      conditionRegion({ fact: 'account.kind', isNot: 'organisational' }, domains),
      space,
    );
    expect(describeRegion(space, standardVocabulary, notOrganisation)[0]!.text).toBe(
      'account is not organisation’s account',
    );
  });

  it('says every region in examples/comparison in at most 40 words', () => {
    // The committed comparison (regenerated by `pnpm generate`, checked current by scripts/check-generated.sh).
    const pairs = JSON.parse(
      readFileSync(join(root, 'examples', 'comparison', 'differences.json'), 'utf8'),
    ) as { a: string; b: string; differences: { region: string }[] }[];
    const counts = pairs.flatMap((p) => p.differences.map((d) => countWords(d.region)));
    expect(pairs).toHaveLength(55);
    expect(counts.length).toBeGreaterThan(1000);
    expect(Math.max(...counts)).toBeLessThanOrEqual(REGION_WORD_LIMIT);
  });

  it('says every region of the flagship against the management draft in at most 40 words, under the default and uniform weights', () => {
    const policies = examplePolicies();
    const flagship = policies.find((p) => p.name.startsWith('000_'))!.compiled;
    const draft = policies.find((p) => p.name === 'management-draft.yaml')!.compiled;
    for (const options of [{ distribution: defaultWeights }, {}]) {
      const both = [comparePolicies(draft, flagship, options), comparePolicies(flagship, draft, options)];
      for (const c of both) {
        expect(c.differences.length).toBeGreaterThan(0);
        for (const d of c.differences) expect(countWords(d.region)).toBeLessThanOrEqual(REGION_WORD_LIMIT);
      }
    }
  }, 120_000);
});
