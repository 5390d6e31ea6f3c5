import type { FactValue } from '../vocabulary/fact-types.js';
import type { Condition, FactOperator, SetOperator } from './condition.js';

// The one internal form of a condition. The published JSON form (`Condition`) is for people and other tools; every
// part of the engine (the closure compiler, code generation, regions, the planner, analysis) folds this tree with a
// `switch (node.kind)` ending in `satisfies never`, so a new kind of node fails to compile until each handles it.

/**
 * The deepest condition the engine accepts: a fact test is depth 1, and `all`, `any` and `not` add one level. Every
 * walker over conditions recurses at most this deep, so nothing a policy can say overflows the stack.
 */
export const MAX_CONDITION_DEPTH = 64;

/** A test of one fact: `values` holds the one value of `is` / `isNot`, or the list of `in` / `notIn`. */
export interface FactTestNode {
  readonly kind: 'test';
  readonly fact: string;
  readonly operator: FactOperator;
  readonly values: readonly FactValue[];
  /** Whether the test holds when the fact has one of `values` (`is`, `in`) rather than none of them. */
  readonly positive: boolean;
}

/**
 * A test of the members of a set fact: `members` holds the one member of `includes`, or the list of `includesAny` /
 * `includesAll`. `every` says whether every member must be in the set (`includes`, `includesAll`) or one is enough
 * (`includesAny`). Negations are `not` nodes around it.
 */
export interface SetTestNode {
  readonly kind: 'set-test';
  readonly fact: string;
  readonly operator: SetOperator;
  readonly members: readonly string[];
  readonly every: boolean;
}

/** Every child holds (an empty `all` always holds). */
export interface AllNode {
  readonly kind: 'all';
  readonly children: readonly ConditionNode[];
}

/** Some child holds (an empty `any` never does). */
export interface AnyNode {
  readonly kind: 'any';
  readonly children: readonly ConditionNode[];
}

/** The child does not hold. */
export interface NotNode {
  readonly kind: 'not';
  readonly child: ConditionNode;
}

/** A condition in the engine's internal form, built once by `toConditionNode`. */
export type ConditionNode = FactTestNode | SetTestNode | AllNode | AnyNode | NotNode;

/**
 * The name of the engine's true-or-false dimension for one member of a set fact: `content.topics[employer]`. Inside
 * the engine a set fact of k members is k such dimensions (whether each member is in the set), so partial
 * evaluation, regions and analysis treat them as boolean facts. The brackets keep the name apart from every fact
 * name a policy or scenario can use.
 */
export const memberDimension = (fact: string, member: string): string => `${fact}[${member}]`;

/** The set fact and member of a membership dimension, or undefined for an ordinary fact. */
export function splitMemberDimension(name: string): { fact: string; member: string } | undefined {
  const open = name.indexOf('[');
  if (open < 0 || !name.endsWith(']')) return undefined;
  return { fact: name.slice(0, open), member: name.slice(open + 1, -1) };
}

/** The public fact a dimension belongs to: the set fact of a membership dimension, else the fact itself. */
export const factOfDimension = (name: string): string => splitMemberDimension(name)?.fact ?? name;

/**
 * A set test as tests of its membership dimensions: each member is a boolean test of `fact[member]`, combined with
 * `all` (`includes`, `includesAll`) or `any` (`includesAny`). Folds that work on dimensions (the closure compiler,
 * code generation, regions) lower a set test this way, so they agree by construction.
 */
export function lowerSetTest(node: SetTestNode): ConditionNode {
  const tests: ConditionNode[] = node.members.map((member) => ({
    kind: 'test',
    fact: memberDimension(node.fact, member),
    operator: 'is',
    values: [true],
    positive: true,
  }));
  if (tests.length === 1) return tests[0]!;
  return node.every ? { kind: 'all', children: tests } : { kind: 'any', children: tests };
}

/** One step of the path to a condition inside a policy (`rules`, 3, `when`, `all`, 0). */
export type ConditionPathSegment = string | number;

/** Thrown when a condition is nested deeper than `MAX_CONDITION_DEPTH`: the engine refuses it rather than overflow. */
export class ConditionTooDeepError extends Error {
  override readonly name = 'ConditionTooDeepError';
  /** Where the too-deep part starts, from the policy's root (or the condition's, when compiled alone). */
  readonly path: readonly ConditionPathSegment[];
  /** The most levels allowed. */
  readonly limit: number;
  constructor(path: readonly ConditionPathSegment[]) {
    const at = path.length === 0 ? 'condition' : formatConditionPath(path);
    super(
      `${at}: a condition may be nested at most ${MAX_CONDITION_DEPTH} levels deep (all, any and not each add one); found a deeper one`,
    );
    this.path = path;
    this.limit = MAX_CONDITION_DEPTH;
  }
}

const formatConditionPath = (path: readonly ConditionPathSegment[]): string =>
  path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');

const OPERATORS = ['is', 'in', 'isNot', 'notIn'] as const;
const SET_OPERATORS = ['includes', 'includesAny', 'includesAll'] as const;

/**
 * Converts a published condition to the internal form, once. Checks the depth first without recursion (so a
 * condition nested thousands deep is refused with `ConditionTooDeepError`, not a stack overflow), then converts.
 * `at` is the condition's path inside its policy, used in the error.
 */
export function toConditionNode(
  condition: Condition,
  at: readonly ConditionPathSegment[] = [],
): ConditionNode {
  checkDepth(condition, at);
  return convert(condition);
}

/** Where a node sits in the depth check: its parent and how it is reached from there, to build a path on error. */
interface Visit {
  readonly c: unknown;
  readonly depth: number;
  readonly parent: Visit | undefined;
  readonly step: readonly ConditionPathSegment[];
}

const pathOf = (visit: Visit, at: readonly ConditionPathSegment[]): ConditionPathSegment[] => {
  const steps: (readonly ConditionPathSegment[])[] = [];
  for (let v: Visit | undefined = visit; v !== undefined; v = v.parent) steps.push(v.step);
  return [...at, ...steps.reverse().flat()];
};

/**
 * Throws `ConditionTooDeepError` for a condition nested deeper than `MAX_CONDITION_DEPTH`, at its path. An explicit
 * stack rather than recursion: this runs before anything is known about the depth, so that nothing recursive (a
 * copy, a freeze, a conversion) ever sees a condition the engine would refuse. Internal.
 */
export function checkDepth(condition: Condition, at: readonly ConditionPathSegment[]): void {
  const stack: Visit[] = [{ c: condition, depth: 1, parent: undefined, step: [] }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit.depth > MAX_CONDITION_DEPTH) throw new ConditionTooDeepError(pathOf(visit, at));
    const record = visit.c as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) {
      const list = record[key];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++)
        stack.push({ c: list[i], depth: visit.depth + 1, parent: visit, step: [key, i] });
    }
    if (record.not !== undefined && record.not !== null)
      stack.push({ c: record.not, depth: visit.depth + 1, parent: visit, step: ['not'] });
  }
}

function convert(condition: Condition): ConditionNode {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return { kind: 'all', children: (c.all as Condition[]).map(convert) };
  if (Array.isArray(c.any)) return { kind: 'any', children: (c.any as Condition[]).map(convert) };
  if (c.not !== undefined && c.not !== null) return { kind: 'not', child: convert(c.not as Condition) };
  const setOperator = SET_OPERATORS.find((op) => c[op] !== undefined);
  if (setOperator !== undefined && typeof c.fact === 'string') {
    const members = c[setOperator] as string | string[];
    return {
      kind: 'set-test',
      fact: c.fact,
      operator: setOperator,
      members: Array.isArray(members) ? [...members] : [members],
      every: setOperator !== 'includesAny',
    };
  }
  const operator = OPERATORS.find((op) => c[op] !== undefined);
  if (operator === undefined || typeof c.fact !== 'string')
    throw new TypeError(
      'a condition needs all, any, not, or a fact with is, in, isNot, notIn, includes, includesAny or includesAll',
    );
  const expected = c[operator] as FactValue | FactValue[];
  return {
    kind: 'test',
    fact: c.fact,
    operator,
    values: Array.isArray(expected) ? [...expected] : [expected],
    positive: operator === 'is' || operator === 'in',
  };
}

/** The published form of an internal condition (the inverse of `toConditionNode`). */
export function toCondition(node: ConditionNode): Condition {
  switch (node.kind) {
    case 'all':
      return { all: node.children.map(toCondition) };
    case 'any':
      return { any: node.children.map(toCondition) };
    case 'not':
      return { not: toCondition(node.child) };
    case 'test': {
      const single = node.operator === 'is' || node.operator === 'isNot';
      return { fact: node.fact, [node.operator]: single ? node.values[0] : [...node.values] } as Condition;
    }
    case 'set-test':
      return {
        fact: node.fact,
        [node.operator]: node.operator === 'includes' ? node.members[0] : [...node.members],
      } as Condition;
    default:
      return node satisfies never;
  }
}

/** The facts a condition tests, in first-seen order. */
export function nodeFacts(node: ConditionNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'all':
    case 'any':
      for (const child of node.children) nodeFacts(child, into);
      return into;
    case 'not':
      return nodeFacts(node.child, into);
    case 'test':
    case 'set-test':
      into.add(node.fact);
      return into;
    default:
      return node satisfies never;
  }
}

/**
 * The fact values a condition names, as `[fact, value]` pairs in first-seen order: the values of each fact test
 * (`isNot` and `notIn` name theirs too: the test is about them) and the members of each set test.
 */
export function nodeFactValues(node: ConditionNode, into: [string, FactValue][] = []): [string, FactValue][] {
  switch (node.kind) {
    case 'all':
    case 'any':
      for (const child of node.children) nodeFactValues(child, into);
      return into;
    case 'not':
      return nodeFactValues(node.child, into);
    case 'test':
      for (const value of node.values) into.push([node.fact, value]);
      return into;
    case 'set-test':
      for (const member of node.members) into.push([node.fact, member]);
      return into;
    default:
      return node satisfies never;
  }
}

/**
 * The engine's dimensions a condition reads, in first-seen order: the fact of each fact test, and the membership
 * dimension (`memberDimension`) of each member a set test names. A set test depends on the members it names alone,
 * so partial evaluation never asks about the others.
 */
export function nodeDimensions(node: ConditionNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'all':
    case 'any':
      for (const child of node.children) nodeDimensions(child, into);
      return into;
    case 'not':
      return nodeDimensions(node.child, into);
    case 'test':
      into.add(node.fact);
      return into;
    case 'set-test':
      for (const member of node.members) into.add(memberDimension(node.fact, member));
      return into;
    default:
      return node satisfies never;
  }
}
