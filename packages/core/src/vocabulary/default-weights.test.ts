import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEIGHTS_DOC_PATH, weightsDoc } from '../../scripts/generate-weights-doc.js';
import { checkDistribution } from '../analysis/fact-distribution.js';
import { parsePolicySource, policyMetrics, socialMediaVocabulary, standardVocabulary } from '../index.js';
import { defaultWeightBasis, defaultWeights } from './default-weights.js';

const policy = (name: string) => {
  const parsed = parsePolicySource(
    readFileSync(new URL(`../../../../examples/policies/${name}.yaml`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.policy;
};

describe('the default weights', () => {
  it('give a rate to every value of every standard one-value fact, summing to 1 per fact', () => {
    // A set fact (content.topics) has no default rates: each member counts as in or out with even odds (docs/weights.md).
    const oneValue = socialMediaVocabulary.facts.filter((f) => f.type !== 'set');
    expect(Object.keys(defaultWeights).sort()).toEqual(oneValue.map((f) => f.name).sort());
    for (const fact of oneValue) {
      const values = fact.type === 'boolean' ? ['true', 'false'] : fact.values.map((x) => x.value);
      const rates = defaultWeights[fact.name]!;
      expect(Object.keys(rates).sort(), fact.name).toEqual([...values].sort());
      const total = Object.values(rates).reduce((a, b) => a + b, 0);
      expect(Math.abs(total - 1), fact.name).toBeLessThan(1e-9);
      for (const rate of Object.values(rates)) expect(rate, fact.name).toBeGreaterThan(0);
    }
  });

  it('fit the standard vocabulary', () => {
    expect(checkDistribution(defaultWeights, standardVocabulary)).toEqual([]);
  });

  it('say for every fact where its rates come from', () => {
    for (const { fact, basis } of defaultWeightBasis) {
      expect(basis.note.length, fact).toBeGreaterThan(10);
      if (basis.kind === 'source') expect(basis.source.length, fact).toBeGreaterThan(10);
    }
  });

  it('make the union flagship reach under 5% of own-time personal use, and the management draft all of it', () => {
    const union = policyMetrics(policy('000_staff-union-alternative'), { distribution: defaultWeights });
    const draft = policyMetrics(policy('management-draft'), { distribution: defaultWeights });
    expect(union.privateLifeReach).toBeLessThan(0.05);
    expect(draft.privateLifeReach).toBeCloseTo(1, 9);
  });

  it('are documented in docs/weights.md, which is current', () => {
    expect(readFileSync(WEIGHTS_DOC_PATH, 'utf8')).toBe(weightsDoc());
  });
});
