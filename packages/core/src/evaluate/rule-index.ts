import type { Domains } from '../region/region.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';

/** Three-valued truth as the compiled tests return it (mirrors compile-policy's FALSE / TRUE / UNKNOWN). */
const FALSE = 0;
const TRUE = 1;

/** What the index needs of a rule: its three-valued test and the facts it tests. */
export interface IndexableRule {
  readonly test: (scenario: Scenario) => number;
  readonly facts: readonly string[];
}

/** Finds, for a scenario, the rules that may match it, in policy order. */
export interface RuleIndex<R extends IndexableRule> {
  /**
   * The rules that are not certainly false for the scenario, in policy order: every other rule is false for it and
   * for every completion of it. Under first-match the list may stop at a rule that is certainly true.
   */
  readonly candidates: (scenario: Scenario) => readonly R[];
  /**
   * First-match only: the rule that decides the scenario when the index alone can tell (every earlier rule is
   * false for it and this one true), else undefined and the caller scans `candidates`.
   */
  readonly decider: (scenario: Scenario) => R | undefined;
}

/** Options for `buildRuleIndex`. */
export interface RuleIndexOptions {
  /** The facts the index may branch on, in order of preference when they discriminate equally. */
  readonly facts: readonly string[];
  readonly domains: Domains;
  /**
   * Drop the rules after one that is certainly true on a branch (first-match: they can never decide there).
   * Strictest needs every matching rule, so it keeps them.
   */
  readonly stopAtCertain: boolean;
}

/** A node of the lazily built tree: the rules left once the facts on the path to it are fixed or known missing. */
interface IndexNode<R> {
  readonly candidates: readonly R[];
  /** The facts fixed on the path (values) and those known missing (absent), as a scenario. */
  readonly path: Readonly<Record<string, FactValue>>;
  /** The facts already branched on, fixed or missing. */
  readonly used: ReadonlySet<string>;
  /** Whether `split` has run: until then `fact` and `children` are not known. */
  split: boolean;
  /** The fact this node branches on; undefined for a leaf, whose candidates are scanned. */
  fact: string | undefined;
  children: Map<FactValue, IndexNode<R>> | undefined;
  /** Where a scenario without `fact` goes: the same candidates, branching on another fact. */
  missing: IndexNode<R> | undefined;
  /** First-match: the first candidate when it is true on the path (it then decides every scenario reaching here). */
  readonly certain: R | undefined;
}

/**
 * Builds the rule index: a decision tree over fact values, grown lazily as scenarios reach its nodes, so compiling
 * stays cheap and memory follows the scenarios actually seen. A node keeps the rules whose test is not FALSE for the
 * path's partial scenario; by Kleene monotonicity a FALSE there is FALSE for every scenario reaching the node, so
 * dropping those rules never changes an evaluation, exact `undetermined` included.
 * Building a node runs tests on partial scenarios, which the compiled tests are pure over.
 */
export function buildRuleIndex<R extends IndexableRule>(
  rules: readonly R[],
  options: RuleIndexOptions,
): RuleIndex<R> {
  const node = (
    candidates: readonly R[],
    path: Readonly<Record<string, FactValue>>,
    used: ReadonlySet<string>,
  ) => makeNode(candidates, path, used, options.stopAtCertain);
  const root = node(prune(rules, {}, options.stopAtCertain), {}, new Set());

  const grow = (at: IndexNode<R>): void => {
    at.split = true;
    // Nothing to narrow: no candidates, or the first one decides every scenario that gets here.
    if (at.candidates.length === 0 || at.certain !== undefined) return;
    const choice = bestSplit(at, node, options);
    if (!choice) return;
    at.fact = choice.fact;
    at.children = choice.children;
  };

  /** The deepest node the scenario reaches. */
  const reach = (scenario: Scenario): IndexNode<R> => {
    let at = root;
    for (;;) {
      if (!at.split) grow(at);
      const fact = at.fact;
      if (fact === undefined) return at;
      const value = (scenario as Record<string, FactValue | undefined>)[fact];
      if (value === undefined) {
        at.missing ??= node(at.candidates, at.path, new Set(at.used).add(fact));
        at = at.missing;
        continue;
      }
      const child = at.children!.get(value);
      // A value outside the fact's domain (only possible for a trusted scenario) has no branch: scan from here.
      if (child === undefined) return at;
      at = child;
    }
  };
  return {
    candidates: (scenario) => reach(scenario).candidates,
    decider: (scenario) => reach(scenario).certain,
  };
}

function makeNode<R extends IndexableRule>(
  candidates: readonly R[],
  path: Readonly<Record<string, FactValue>>,
  used: ReadonlySet<string>,
  stopAtCertain: boolean,
): IndexNode<R> {
  const first = candidates[0];
  const certain =
    stopAtCertain && first !== undefined && first.test(path as Scenario) === TRUE ? first : undefined;
  return {
    candidates,
    path,
    used,
    split: false,
    fact: undefined,
    children: undefined,
    missing: undefined,
    certain,
  };
}

/** The rules not certainly false on a path, in order; with `stopAtCertain`, none after the first certainly true. */
function prune<R extends IndexableRule>(
  rules: readonly R[],
  path: Readonly<Record<string, FactValue>>,
  stopAtCertain: boolean,
): R[] {
  const kept: R[] = [];
  for (const rule of rules) {
    const t = rule.test(path as Scenario);
    if (t === FALSE) continue;
    kept.push(rule);
    if (stopAtCertain && t === TRUE) break;
  }
  return kept;
}

/**
 * The fact whose values best split the node's candidates (fewest expected candidates per child, values equally
 * likely), with the children it makes; nothing when no fact narrows them.
 */
function bestSplit<R extends IndexableRule>(
  node: IndexNode<R>,
  make: (
    candidates: readonly R[],
    path: Readonly<Record<string, FactValue>>,
    used: ReadonlySet<string>,
  ) => IndexNode<R>,
  options: RuleIndexOptions,
): { fact: string; children: Map<FactValue, IndexNode<R>> } | undefined {
  const tested = new Set<string>();
  for (const rule of node.candidates) for (const f of rule.facts) if (!node.used.has(f)) tested.add(f);
  let best: { fact: string; children: Map<FactValue, IndexNode<R>>; expected: number } | undefined;
  for (const fact of options.facts) {
    if (!tested.has(fact)) continue;
    const domain = options.domains(fact);
    if (domain.length === 0) continue;
    const used = new Set(node.used).add(fact);
    const children = new Map<FactValue, IndexNode<R>>();
    let total = 0;
    for (const value of domain) {
      const path = { ...node.path, [fact]: value };
      const kept = prune(node.candidates, path, options.stopAtCertain);
      total += kept.length;
      children.set(value, make(kept, path, used));
    }
    const expected = total / domain.length;
    if (!best || expected < best.expected) best = { fact, children, expected };
  }
  // A level that narrows nothing only costs a lookup (depth is bounded anyway: each fact branches once per path).
  if (!best || best.expected >= node.candidates.length) return undefined;
  return { fact: best.fact, children: best.children };
}
