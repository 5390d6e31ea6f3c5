import { type Condition, type ConditionNode, type FactValue, toConditionNode } from '@fairpost/core';

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
  | {
      readonly kind: 'set';
      readonly fact: string;
      /** The members named in the test. */
      readonly members: readonly string[];
      /** True when every member must be in the set (`includes`, `includesAll`), false when one is enough. */
      readonly every: boolean;
      /** True when the test is negated: the set does not include them (all, or some, as `every` says). */
      readonly negated: boolean;
    }
  | { readonly kind: 'all'; readonly items: readonly NormalCondition[] }
  | { readonly kind: 'any'; readonly items: readonly NormalCondition[] };

const ALWAYS: NormalCondition = { kind: 'always' };
const NEVER: NormalCondition = { kind: 'never' };

/**
 * Normalises a condition (negated when `negate` is true); see `NormalCondition`. The condition is read once into the
 * core's internal form (`ConditionNode`), which is what is folded, so a new kind of node fails to compile here too.
 */
export function normaliseCondition(condition: Condition, negate = false): NormalCondition {
  return normaliseNode(toConditionNode(condition), negate);
}

function normaliseNode(node: ConditionNode, negate: boolean): NormalCondition {
  switch (node.kind) {
    case 'not':
      return normaliseNode(node.child, !negate);
    case 'all': {
      const items = node.children.map((c) => normaliseNode(c, negate));
      return negate ? combine('any', items) : combine('all', items);
    }
    case 'any': {
      const items = node.children.map((c) => normaliseNode(c, negate));
      return negate ? combine('all', items) : combine('any', items);
    }
    case 'test':
      return test(node.fact, node.values, node.positive ? negate : !negate);
    case 'set-test':
      // A negated set test stays one clause ("it is not about party politics"): pushing the `not` through to the
      // members would turn one short clause into a list of them.
      return {
        kind: 'set',
        fact: node.fact,
        members: [...new Set(node.members)],
        every: node.every,
        negated: negate,
      };
    default:
      return node satisfies never;
  }
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
    case 'set': {
      const test = (
        normal.every
          ? { fact: normal.fact, includesAll: [...normal.members] }
          : { fact: normal.fact, includesAny: [...normal.members] }
      ) as Condition;
      return normal.negated ? { not: test } : test;
    }
    default:
      return normal satisfies never;
  }
}
