import { splitMemberDimension } from '../model/condition-node.js';
import { describeReceived, type Issue } from '../parse/issue.js';
import type { ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { ConditionalSpaceWeights, ScenarioSpace, SpaceWeights } from '../region/region.js';

/** How likely each value of one fact is: value → weight (boolean values written `"true"` and `"false"`). */
export type FactRates = Readonly<Record<string, number>>;

/**
 * A fact's rates conditional on one other fact: for each value of the `given` fact, the rates of this fact's values
 * when the given fact takes that value. The given fact's own rates must be independent (no chains), and every value
 * of it needs a row.
 * @example
 * { given: 'account.kind', rates: { organisational: { true: 0.02, false: 0.98 }, personal: { true: 0.005, false: 0.995 } } }
 */
export interface ConditionalFactRates {
  /** The fact these rates are conditional on. */
  readonly given: string;
  /** Given-fact value → this fact's value → weight. */
  readonly rates: Readonly<Record<string, FactRates>>;
}

/**
 * How likely each value of some facts is, for weighting shares of the scenario space: fact name → value → weight
 * (boolean values written `"true"` and `"false"`), or fact name → rates conditional on one other fact. Weights of a
 * fact (or of one row of conditional rates) are normalised to sum to 1; a value left out weighs 0; a fact left out
 * has every value equally likely. Facts are independent except for conditional rates.
 *
 * A set fact (`content.topics`) is weighed member by member: member → its chance of being in the set, from 0 to 1,
 * each member independently of the others (the rates need not add up to anything); a member left out has even odds,
 * as every member of a set fact left out does. A set fact's rates cannot be conditional, nor can a fact's rates be
 * conditional on a set fact.
 * @example
 * { 'context.time': { 'work-time': 0.3, 'own-time': 0.7 }, 'content.topics': { 'party-politics': 0.02 } }
 */
export type FactDistribution = Readonly<Record<string, FactRates | ConditionalFactRates>>;

/** Whether a fact's entry in a distribution gives conditional rates (independent weights are all numbers). */
export function isConditionalRates(rates: FactRates | ConditionalFactRates): rates is ConditionalFactRates {
  return typeof (rates as { given?: unknown }).given === 'string';
}

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
  const valuesOf = (fact: string): string[] | undefined => {
    const definition = vocabulary.facts.get(fact);
    if (!definition) return undefined;
    return definition.type === 'boolean' ? ['true', 'false'] : definition.values.map((v) => String(v.value));
  };
  for (const [fact, entry] of Object.entries(distribution)) {
    const values = valuesOf(fact);
    if (vocabulary.facts.get(fact)?.type === 'set') {
      checkMemberRates(fact, entry, values!, issues);
      continue;
    }
    if (!values) {
      issues.push({
        path: [fact],
        code: 'unknown-fact',
        message: `unknown fact "${fact}"`,
        expected: 'a fact of the vocabulary',
        received: JSON.stringify(fact),
      });
      continue;
    }
    if (!isConditionalRates(entry)) {
      checkRates(fact, [fact], entry, values, issues);
      continue;
    }
    const problem = conditionProblem(
      fact,
      entry.given,
      distribution,
      valuesOf(entry.given),
      vocabulary.facts.get(entry.given)?.type === 'set',
    );
    if (problem) {
      issues.push({ path: [fact, 'given'], ...problem });
      continue;
    }
    const givenValues = valuesOf(entry.given)!;
    for (const row of Object.keys(entry.rates))
      if (!givenValues.includes(row))
        issues.push({
          path: [fact, 'rates', row],
          code: 'invalid-fact-value',
          message: `fact "${entry.given}" has no value "${row}"`,
          expected: `one of ${givenValues.join(', ')}`,
          received: JSON.stringify(row),
        });
    for (const row of givenValues) {
      const rates = entry.rates[row];
      if (!rates)
        issues.push({
          path: [fact, 'rates'],
          code: 'missing-field',
          message: `the rates of fact "${fact}" given ${entry.given} have no row for "${row}"; every value of ${entry.given} needs one`,
          expected: `a row for each of ${givenValues.join(', ')}`,
          received: 'no row',
        });
      else checkRates(`${fact} given ${entry.given} = ${row}`, [fact, 'rates', row], rates, values, issues);
    }
  }
  return issues;
}

/**
 * Why a fact cannot be conditional on `given` (undefined when it can): the given fact must exist, differ from the
 * fact, not be a set fact (a set has no one value to give a row), and have independent rates itself, so
 * conditionals never chain or loop.
 */
export function conditionProblem(
  fact: string,
  given: string,
  distribution: FactDistribution,
  givenValues: readonly string[] | undefined,
  givenIsSet: boolean,
): Omit<Issue, 'path'> | undefined {
  if (!givenValues)
    return {
      code: 'unknown-fact',
      message: `fact "${fact}" is given an unknown fact "${given}"`,
      expected: 'a fact of the vocabulary',
      received: JSON.stringify(given),
    };
  if (given === fact)
    return {
      code: 'invalid-value',
      message: `fact "${fact}" cannot be conditional on itself`,
      expected: 'another fact of the vocabulary',
      received: JSON.stringify(given),
    };
  if (givenIsSet)
    return {
      code: 'invalid-value',
      message: `fact "${fact}" cannot be conditional on "${given}", a set fact: a set takes many members at once, so no one row of rates applies`,
      expected: 'a fact that takes one value (true-or-false or one of a list)',
      received: JSON.stringify(given),
    };
  const ofGiven = distribution[given];
  if (ofGiven && isConditionalRates(ofGiven))
    return {
      code: 'invalid-value',
      message: `fact "${fact}" is conditional on "${given}", which is itself conditional on "${ofGiven.given}"; a fact may only be conditional on a fact with independent rates`,
      expected: 'a fact whose own rates are independent',
      received: JSON.stringify(given),
    };
  return undefined;
}

/** The same sentence wherever a set fact's rates are refused for being conditional. */
export const SET_FACT_NOT_CONDITIONAL = (fact: string) =>
  `fact "${fact}" is a set fact: its rates are each member's chance of being in the set, and cannot be conditional`;

/** The same sentence wherever a member's rate is not a chance. */
export const MEMBER_RATE_EXPECTED = 'a number from 0 to 1 (the chance the member is in the set)';

/** The problems with a set fact's member rates (each a chance from 0 to 1), added to `issues`. */
function checkMemberRates(
  fact: string,
  entry: FactRates | ConditionalFactRates,
  members: readonly string[],
  issues: Issue[],
): void {
  if (isConditionalRates(entry)) {
    issues.push({
      path: [fact, 'given'],
      code: 'invalid-value',
      message: SET_FACT_NOT_CONDITIONAL(fact),
      expected: `each member's chance, as { ${members[0]}: 0.2 }`,
      received: JSON.stringify(entry.given),
    });
    return;
  }
  for (const [member, rate] of Object.entries(entry)) {
    if (!members.includes(member))
      issues.push({
        path: [fact, member],
        code: 'invalid-fact-value',
        message: `set fact "${fact}" has no member "${member}"`,
        expected: `one of ${members.join(', ')}`,
        received: JSON.stringify(member),
      });
    else if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1)
      issues.push({
        path: [fact, member],
        code: 'invalid-value',
        message: `the rate of ${fact} = ${member} is its chance of being in the set, from 0 to 1; found ${describeReceived(rate)}`,
        expected: MEMBER_RATE_EXPECTED,
        received: describeReceived(rate),
      });
  }
}

/** The problems with one set of weights (a fact's, or one row of conditional rates), added to `issues`. */
function checkRates(
  label: string,
  path: readonly string[],
  weights: FactRates,
  values: readonly string[],
  issues: Issue[],
): void {
  let total = 0;
  let bad = false;
  for (const [value, weight] of Object.entries(weights)) {
    if (!values.includes(value)) {
      bad = true;
      issues.push({
        path: [...path, value],
        code: 'invalid-fact-value',
        message: `fact "${path[0]}" has no value "${value}"`,
        expected: `one of ${values.join(', ')}`,
        received: JSON.stringify(value),
      });
    } else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      bad = true;
      issues.push({
        path: [...path, value],
        code: 'invalid-value',
        message: `a weight is a finite number of 0 or more; found ${describeReceived(weight)}`,
        expected: 'a finite number ≥ 0',
        received: describeReceived(weight),
      });
    } else total += weight;
  }
  if (total === 0 && !bad)
    issues.push({
      path: [...path],
      code: 'invalid-value',
      message: `the weights of fact "${label}" add up to 0; give at least one value a positive weight`,
      expected: 'a positive total weight',
      received: '0',
    });
}

/**
 * The per-value weights of a space's facts under a distribution (`undefined`, for exact counting, when none). A fact
 * with conditional rates gets its marginal rates, and its conditional rates too when the fact it is conditional on
 * is in the space (otherwise the marginal says all there is).
 */
export function spaceWeights(space: ScenarioSpace, distribution: FactDistribution | undefined): SpaceWeights {
  if (!distribution || Object.keys(distribution).length === 0) return undefined;
  const independent = (domain: readonly FactValue[], given: FactRates | undefined): number[] => {
    if (!given) return domain.map(() => 1 / domain.length);
    const raw = domain.map((v) => given[String(v)] ?? 0);
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / total);
  };
  const conditional: ConditionalSpaceWeights[] = [];
  const weights = space.facts.map((fact, f) => {
    const domain = space.domains[f]!;
    const dimension = splitMemberDimension(fact);
    if (dimension) {
      // A membership dimension (`content.topics[employer]`): in with the member's chance, out with the rest.
      const rates = distribution[dimension.fact];
      const chance = rates && !isConditionalRates(rates) ? (rates[dimension.member] ?? 0.5) : 0.5;
      return domain.map((inSet) => (inSet === true ? chance : 1 - chance));
    }
    const entry = distribution[fact];
    if (!entry || !isConditionalRates(entry)) return independent(domain, entry);
    const g = space.index.get(entry.given);
    const rowNames = Object.keys(entry.rates);
    const givenEntry = distribution[entry.given];
    // The given fact's rates over its values: from the space when it is there, else over the rows' values.
    const givenDomain: readonly string[] = g === undefined ? rowNames : space.domains[g]!.map(String);
    const givenWeights = independent(givenDomain, givenEntry as FactRates | undefined);
    const rows = givenDomain.map((v) => independent(domain, entry.rates[v]));
    if (g !== undefined) conditional.push({ fact: f, given: g, rates: rows });
    return domain.map((_, u) => rows.reduce((sum, row, v) => sum + givenWeights[v]! * row[u]!, 0));
  });
  return conditional.length > 0 ? Object.assign(weights, { conditional }) : weights;
}
