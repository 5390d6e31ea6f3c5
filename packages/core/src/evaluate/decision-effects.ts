import { outcomeStrictness } from '../model/outcome.js';
import type { PolicyEngine } from './compile-policy.js';

// What a decision says beside its outcome: the conditions to meet and who to ask. `neededFacts` lists a missing fact
// when some completion changes the outcome, the conditions or the reviewers by varying it, so partial evaluation and
// the question planner both need these effects in a form they can compare (codes) or turn into regions (members).

/**
 * The effects of a policy's deciders, built once per engine: a code per rule (by priority position) and for the
 * default, equal exactly when outcome, conditions and reviewers are equal; and each condition or reviewer as the set
 * of deciders that bring it (entries brought by the same deciders share one membership).
 */
export interface DecisionEffects {
  /** The effect code of each rule deciding alone, by position in `PolicyEngine.ordered`. */
  readonly ruleCode: Int32Array;
  readonly defaultCode: number;
  /** The code of several rules deciding together (strictest): interned, so equal effects get equal codes. */
  readonly codeOf: (positions: readonly number[]) => number;
  /** Each distinct set of deciders that bring some condition or reviewer: rule positions, and whether the default. */
  readonly memberships: readonly EffectMembership[];
}

/** The deciders that bring one condition or reviewer (or several brought by exactly the same deciders). */
export interface EffectMembership {
  readonly positions: readonly number[];
  readonly includesDefault: boolean;
}

const cache = new WeakMap<PolicyEngine, DecisionEffects>();

/** The decision effects of an engine, built on first use. */
export function decisionEffects(engine: PolicyEngine): DecisionEffects {
  let effects = cache.get(engine);
  if (effects === undefined) {
    effects = buildEffects(engine);
    cache.set(engine, effects);
  }
  return effects;
}

function buildEffects(engine: PolicyEngine): DecisionEffects {
  // An entry is keyed by its list, so a condition and a role that share an id stay apart.
  const keysOf = (conditions: readonly { id: string }[], reviewers: readonly { id: string }[]) => [
    ...conditions.map((c) => `c:${c.id}`),
    ...reviewers.map((r) => `r:${r.id}`),
  ];
  const ruleKeys = engine.ordered.map((rule) => keysOf(rule.conditions, rule.reviewers));
  const defaultKeys = keysOf(engine.defaultConditions, engine.defaultReviewers);
  const codes = new Map<string, number>();
  const intern = (strictness: number, keys: Iterable<string>) => {
    const key = `${strictness}|${[...new Set(keys)].sort().join('\u0000')}`;
    let code = codes.get(key);
    if (code === undefined) {
      code = codes.size;
      codes.set(key, code);
    }
    return code;
  };
  const ruleCode = Int32Array.from(engine.ordered, (rule, p) => intern(rule.strictness, ruleKeys[p]!));
  const defaultCode = intern(outcomeStrictness(engine.defaultRule.outcome), defaultKeys);
  const codeOf = (positions: readonly number[]) =>
    positions.length === 1
      ? ruleCode[positions[0]!]!
      : intern(
          engine.ordered[positions[0]!]!.strictness,
          positions.flatMap((p) => ruleKeys[p]!),
        );
  const byEntry = new Map<string, { positions: number[]; includesDefault: boolean }>();
  ruleKeys.forEach((keys, p) => {
    for (const key of keys) {
      const entry = byEntry.get(key) ?? { positions: [], includesDefault: false };
      if (entry.positions.at(-1) !== p) entry.positions.push(p);
      byEntry.set(key, entry);
    }
  });
  for (const key of defaultKeys) {
    const entry = byEntry.get(key) ?? { positions: [], includesDefault: false };
    entry.includesDefault = true;
    byEntry.set(key, entry);
  }
  const memberships = new Map<string, EffectMembership>();
  for (const entry of byEntry.values())
    memberships.set(`${entry.positions.join(',')}|${entry.includesDefault}`, entry);
  return { ruleCode, defaultCode, codeOf, memberships: [...memberships.values()] };
}
