import type { Condition, FactValue } from '@fairpost/core';

/**
 * A condition with every `not` pushed down to the fact tests (De Morgan, which holds in the three-valued logic
 * `evaluate` uses) and nested `all`/`any` flattened, so that it can be read out as one sentence.
 */
export type NormalCondition =
  | { readonly kind: 'always' }
  | { readonly kind: 'never' }
  | {
      readonly kind: 'test';
      readonly fact: string;
      /** The values named in the test. */
      readonly values: readonly FactValue[];
      /** True when the test says the fact has none of `values`. */
      readonly negated: boolean;
    }
  | { readonly kind: 'all'; readonly items: readonly NormalCondition[] }
  | { readonly kind: 'any'; readonly items: readonly NormalCondition[] };

const ALWAYS: NormalCondition = { kind: 'always' };
const NEVER: NormalCondition = { kind: 'never' };

/** Normalises a condition (negated when `negate` is true); see `NormalCondition`. */
export function normaliseCondition(condition: Condition, negate = false): NormalCondition {
  if ('not' in condition) return normaliseCondition(condition.not, !negate);
  if ('all' in condition) {
    const items = condition.all.map((c) => normaliseCondition(c, negate));
    return negate ? combine('any', items) : combine('all', items);
  }
  if ('any' in condition) {
    const items = condition.any.map((c) => normaliseCondition(c, negate));
    return negate ? combine('all', items) : combine('any', items);
  }
  if ('is' in condition) return test(condition.fact, [condition.is], negate);
  if ('isNot' in condition) return test(condition.fact, [condition.isNot], !negate);
  if ('in' in condition) return test(condition.fact, condition.in, negate);
  return test(condition.fact, condition.notIn, !negate);
}

function test(fact: string, values: readonly FactValue[], negated: boolean): NormalCondition {
  return { kind: 'test', fact, values: [...new Set(values)], negated };
}

/** Combines items under `all` or `any`: flattens the same combinator and drops what cannot change the result. */
function combine(kind: 'all' | 'any', items: readonly NormalCondition[]): NormalCondition {
  const [identity, absorbing] =
    kind === 'all' ? (['always', 'never'] as const) : (['never', 'always'] as const);
  const flat: NormalCondition[] = [];
  for (const item of items) {
    if (item.kind === absorbing) return item;
    if (item.kind === identity) continue;
    if (item.kind === kind) flat.push(...item.items);
    else flat.push(item);
  }
  if (flat.length === 0) return kind === 'all' ? ALWAYS : NEVER;
  if (flat.length === 1) return flat[0]!;
  return { kind, items: flat };
}

/** The normal form as a core condition again, so that tests can check it means the same. */
export function toCondition(normal: NormalCondition): Condition {
  switch (normal.kind) {
    case 'always':
      return { all: [] };
    case 'never':
      return { any: [] };
    case 'all':
      return { all: normal.items.map(toCondition) };
    case 'any':
      return { any: normal.items.map(toCondition) };
    case 'test':
      return (
        normal.negated
          ? { fact: normal.fact, notIn: [...normal.values] }
          : { fact: normal.fact, in: [...normal.values] }
      ) as Condition;
  }
}
