/**
 * A deliberately naive evaluator for complete scenarios, written from the format's definition and sharing no code
 * with compile-policy or evaluate, so that the property tests compare two independent readings of the rules.
 */
import type { Condition, Outcome, Policy, Rule, Scenario, Truth } from '../../index.js';

const ORDER: readonly Outcome[] = [
  'out-of-scope',
  'permitted',
  'permitted-with-conditions',
  'check-first',
  'not-permitted',
];

/** Whether a condition holds for a scenario that gives every fact it tests. */
export function holds(condition: Condition, scenario: Scenario): boolean {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return (c.all as Condition[]).every((x) => holds(x, scenario));
  if (Array.isArray(c.any)) return (c.any as Condition[]).some((x) => holds(x, scenario));
  if (c.not !== undefined) return !holds(c.not as Condition, scenario);
  const value = (scenario as Record<string, unknown>)[c.fact as string];
  if (value === undefined)
    throw new Error(`reference evaluator needs a complete scenario; ${String(c.fact)} missing`);
  return factTestHolds(c, value);
}

/** Whether one fact test holds for the fact's value. */
function factTestHolds(c: Record<string, unknown>, value: unknown): boolean {
  // A set fact's value is the array of its members: the set tests ask which are in it.
  if ('includes' in c) return (value as unknown[]).includes(c.includes);
  if ('includesAny' in c) return (c.includesAny as unknown[]).some((m) => (value as unknown[]).includes(m));
  if ('includesAll' in c) return (c.includesAll as unknown[]).every((m) => (value as unknown[]).includes(m));
  if ('is' in c) return value === c.is;
  if ('isNot' in c) return value !== c.isNot;
  if ('in' in c) return (c.in as unknown[]).includes(value);
  return !(c.notIn as unknown[]).includes(value);
}

/**
 * Kleene's three-valued reading of a condition for a partial scenario, written from its definition: a fact test is
 * unknown where its fact is missing; `all` is false if a part is false, `any` true if a part is true, and either is
 * otherwise unknown if a part is unknown.
 */
export function referenceTruth(condition: Condition, scenario: Scenario): Truth {
  const c = condition as Record<string, unknown>;
  const fold = (parts: readonly Truth[], decisive: Truth, otherwise: Truth): Truth =>
    parts.includes(decisive) ? decisive : parts.includes('unknown') ? 'unknown' : otherwise;
  if (Array.isArray(c.all))
    return fold(
      (c.all as Condition[]).map((x) => referenceTruth(x, scenario)),
      'false',
      'true',
    );
  if (Array.isArray(c.any))
    return fold(
      (c.any as Condition[]).map((x) => referenceTruth(x, scenario)),
      'true',
      'false',
    );
  if (c.not !== undefined) {
    const inner = referenceTruth(c.not as Condition, scenario);
    return inner === 'unknown' ? 'unknown' : inner === 'true' ? 'false' : 'true';
  }
  const value = (scenario as Record<string, unknown>)[c.fact as string];
  if (value === undefined) return 'unknown';
  return factTestHolds(c, value) ? 'true' : 'false';
}

/** What the reference evaluator decides: the outcome and the rules (or the default, `null`) that decide it. */
export interface ReferenceDecision {
  readonly outcome: Outcome;
  readonly deciders: readonly (Rule | null)[];
  readonly conditions: readonly string[];
  readonly reviewers: readonly string[];
}

const uniq = (ids: readonly string[]) => [...new Set(ids)];

/** The decision for a complete scenario, by brute force over the listed rules. */
export function referenceDecide(policy: Policy, scenario: Scenario): ReferenceDecision {
  const matching = policy.rules.filter((rule) => holds(rule.when, scenario));
  if (matching.length === 0) {
    return {
      outcome: policy.default.outcome,
      deciders: [null],
      conditions: policy.default.conditions ?? [],
      reviewers: policy.default.reviewers ?? [],
    };
  }
  const winners =
    policy.resolution === 'first-match'
      ? matching.slice(0, 1)
      : matching.filter(
          (r) => ORDER.indexOf(r.outcome) === Math.max(...matching.map((m) => ORDER.indexOf(m.outcome))),
        );
  return {
    outcome: winners[0]!.outcome,
    deciders: winners,
    conditions: uniq(winners.flatMap((w) => w.conditions ?? [])),
    reviewers: uniq(winners.flatMap((w) => w.reviewers ?? [])),
  };
}

/** The ids of the duties a complete scenario triggers, in policy order. */
export function referenceDuties(policy: Policy, scenario: Scenario): string[] {
  return (policy.duties ?? []).filter((d) => holds(d.when, scenario)).map((d) => d.id);
}
