import { describeReceived, type Issue } from '../parse/issue.js';
import type { ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { ScenarioSpace, SpaceWeights } from '../region/region.js';

/**
 * How likely each value of some facts is, for weighting shares of the scenario space: fact name → value → weight
 * (boolean values written `"true"` and `"false"`). Weights of a fact are normalised to sum to 1; a value left out
 * weighs 0; a fact left out has every value equally likely. Facts are taken as independent.
 * @example
 * { 'context.time': { 'work-time': 0.3, 'own-time': 0.7 } }
 */
export type FactDistribution = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Thrown for a distribution that names an unknown fact or value, or gives weights that are not usable: a programmer error. */
export class InvalidDistributionError extends Error {
  override readonly name = 'InvalidDistributionError';
  /** Every problem found, each with its path in the distribution. */
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`invalid fact distribution: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

/** Every problem with a distribution for a vocabulary (empty when it is usable). */
export function checkDistribution(distribution: FactDistribution, vocabulary: ResolvedVocabulary): Issue[] {
  const issues: Issue[] = [];
  for (const [fact, weights] of Object.entries(distribution)) {
    const definition = vocabulary.facts.get(fact);
    if (!definition) {
      issues.push({
        path: [fact],
        code: 'unknown-fact',
        message: `unknown fact "${fact}"`,
        expected: 'a fact of the vocabulary',
        received: JSON.stringify(fact),
      });
      continue;
    }
    const values =
      definition.type === 'boolean' ? ['true', 'false'] : definition.values.map((v) => String(v.value));
    let total = 0;
    for (const [value, weight] of Object.entries(weights)) {
      if (!values.includes(value))
        issues.push({
          path: [fact, value],
          code: 'invalid-fact-value',
          message: `fact "${fact}" has no value "${value}"`,
          expected: `one of ${values.join(', ')}`,
          received: JSON.stringify(value),
        });
      else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
        issues.push({
          path: [fact, value],
          code: 'invalid-value',
          message: `a weight is a finite number of 0 or more; found ${describeReceived(weight)}`,
          expected: 'a finite number ≥ 0',
          received: describeReceived(weight),
        });
      else total += weight;
    }
    if (total === 0 && !issues.some((i) => i.path[0] === fact))
      issues.push({
        path: [fact],
        code: 'invalid-value',
        message: `the weights of fact "${fact}" add up to 0; give at least one value a positive weight`,
        expected: 'a positive total weight',
        received: '0',
      });
  }
  return issues;
}

/** The per-value weights of a space's facts under a distribution (`undefined`, for exact counting, when none). */
export function spaceWeights(space: ScenarioSpace, distribution: FactDistribution | undefined): SpaceWeights {
  if (!distribution || Object.keys(distribution).length === 0) return undefined;
  return space.facts.map((fact, f) => {
    const domain = space.domains[f]!;
    const given = distribution[fact];
    if (!given) return domain.map(() => 1 / domain.length);
    const raw = domain.map((v) => given[String(v)] ?? 0);
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / total);
  });
}
