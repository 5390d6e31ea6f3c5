import { type ConditionNode, lowerSetTest } from '../model/condition-node.js';
import type { Scenario } from '../parse/scenario.js';

// Conditions as generated JavaScript, as zod 4 and ajv do for speed: each fact is read once with a constant key (a
// monomorphic property load) and the logic is straight-line code. Where `new Function` is forbidden (a Content
// Security Policy without 'unsafe-eval') or the caller turned it off (`generateCode: false`), the generators are
// not called and the engine keeps its closures, which give the same answers (a differential test proves it).
//
// Inside generated code truth is ordered FALSE 0 < UNKNOWN 1 < TRUE 2, so Kleene `all` is min, `any` is max and
// `not` is 2 - x.

let generationAllowed: boolean | undefined;

/** Whether this environment lets us compile generated code; asked once. */
export function canGenerateCode(): boolean {
  if (generationAllowed === undefined) {
    try {
      generationAllowed = new Function('return true')() === true;
    } catch {
      generationAllowed = false;
    }
  }
  return generationAllowed;
}

/** Called with each generated function's name and source, for tests and debugging. */
export type GeneratedSourceListener = (name: string, source: string) => void;

/** Rules per generated function: V8 stops optimising very large functions, so big policies are split. */
export const RULES_PER_FUNCTION = 100;

/** Names a local for each fact read, in first-read order. */
class FactLocals {
  readonly names = new Map<string, string>();
  local(fact: string): string {
    let name = this.names.get(fact);
    if (!name) {
      name = `f${this.names.size}`;
      this.names.set(fact, name);
    }
    return name;
  }
  declarations(): string {
    return [...this.names].map(([fact, local]) => `const ${local} = s[${JSON.stringify(fact)}];`).join('\n');
  }
  allKnown(): string {
    return [...this.names.values()].map((local) => `${local} !== undefined`).join(' && ') || 'true';
  }
}

/** A condition as an expression of ordered truth (0 false, 1 unknown, 2 true). */
function kleeneExpression(node: ConditionNode, locals: FactLocals): string {
  switch (node.kind) {
    case 'all': {
      const parts = node.children.map((x) => kleeneExpression(x, locals));
      return parts.length === 0 ? '2' : parts.length === 1 ? parts[0]! : `Math.min(${parts.join(', ')})`;
    }
    case 'any': {
      const parts = node.children.map((x) => kleeneExpression(x, locals));
      return parts.length === 0 ? '0' : parts.length === 1 ? parts[0]! : `Math.max(${parts.join(', ')})`;
    }
    case 'not':
      return `(2 - ${kleeneExpression(node.child, locals)})`;
    case 'test': {
      const v = locals.local(node.fact);
      const matches = node.values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ') || 'false';
      return `(${v} === undefined ? 1 : (${matches}) ? ${node.positive ? 2 : 0} : ${node.positive ? 0 : 2})`;
    }
    case 'set-test':
      // Over the membership dimensions (`content.topics[employer]`), read like any fact with a constant key.
      return kleeneExpression(lowerSetTest(node), locals);
    default:
      return node satisfies never;
  }
}

/**
 * A condition as a two-valued boolean expression, for scenarios where every fact it reads is known: there Kleene
 * logic agrees with Boolean logic, so this gives the same answer as `kleeneExpression` without the arithmetic.
 */
function booleanExpression(node: ConditionNode, locals: FactLocals): string {
  switch (node.kind) {
    case 'all':
      return node.children.length === 0
        ? 'true'
        : `(${node.children.map((x) => booleanExpression(x, locals)).join(' && ')})`;
    case 'any':
      return node.children.length === 0
        ? 'false'
        : `(${node.children.map((x) => booleanExpression(x, locals)).join(' || ')})`;
    case 'not':
      return `!${booleanExpression(node.child, locals)}`;
    case 'test': {
      const v = locals.local(node.fact);
      if (node.positive)
        return `(${node.values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ') || 'false'})`;
      return `(${node.values.map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ') || 'true'})`;
    }
    case 'set-test':
      return booleanExpression(lowerSetTest(node), locals);
    default:
      return node satisfies never;
  }
}

/**
 * A scan over conditions in priority order: `scan(s, from)` is the position (from `from` on) of the first condition
 * that holds, -1 when none does, or -2 when one is unknown before any holds (the caller then decides exactly).
 * Only a resumable scan honours `from`; others always start at position 0 (first-match never resumes).
 */
export type PriorityScan = (scenario: Scenario, from: number) => number;

/**
 * The scan as generated functions of at most RULES_PER_FUNCTION conditions each. Every fact a function tests is read
 * once into a local; when none is missing (a complete scenario) a plain if-chain decides, as a hand-written function
 * would, else the Kleene scan does. With `resumable` (strictest, which looks for every winner of a level) each
 * chain is a `switch` that falls through from the position asked for.
 */
export function generatePriorityScan(
  conditions: readonly ConditionNode[],
  resumable: boolean,
  listen: GeneratedSourceListener | undefined,
): PriorityScan {
  const parts: ((s: Scenario, from: number) => number)[] = [];
  for (let offset = 0; offset < conditions.length; offset += RULES_PER_FUNCTION) {
    const chunk = conditions.slice(offset, offset + RULES_PER_FUNCTION);
    const locals = new FactLocals();
    const at = (i: number) => (resumable ? `case ${i}: ` : '');
    const plain = chunk.map((c, i) => `${at(i)}if (${booleanExpression(c, locals)}) return ${offset + i};`);
    const kleene = chunk.map(
      (c, i) =>
        `${at(i)}t = ${kleeneExpression(c, locals)}; if (t === 2) return ${offset + i}; if (t === 1) return -2;`,
    );
    const chain = (lines: string[]) =>
      resumable ? `switch (from) {\n${lines.join('\n')}\n}` : lines.join('\n');
    const source = `${locals.declarations()}
if (${locals.allKnown()}) {
${chain(plain)}
return -1;
}
let t;
${chain(kleene)}
return -1;`;
    listen?.(`scan ${offset}-${offset + chunk.length - 1}`, source);
    parts.push(new Function('s', 'from', source) as (s: Scenario, from: number) => number);
  }
  if (parts.length === 0) return () => -1;
  if (parts.length === 1) return parts[0]!;
  return (scenario, from) => {
    for (let p = Math.floor(from / RULES_PER_FUNCTION); p < parts.length; p++) {
      const start = p * RULES_PER_FUNCTION;
      const found = parts[p]!(scenario, from > start ? from - start : 0);
      if (found !== -1) return found;
    }
    return -1;
  };
}

/**
 * The duties a complete scenario triggers, as a bit mask (bit i for duty i), or -1 when a fact some duty tests is
 * missing (the caller then decides each duty itself). For at most 30 duties: the mask stays a small integer.
 */
export function generateDutyMask(
  conditions: readonly ConditionNode[],
  listen: GeneratedSourceListener | undefined,
): (scenario: Scenario) => number {
  const locals = new FactLocals();
  const tests = conditions.map((c, i) => `if (${booleanExpression(c, locals)}) m |= ${1 << i};`);
  const source = `${locals.declarations()}
if (!(${locals.allKnown()})) return -1;
let m = 0;
${tests.join('\n')}
return m;`;
  listen?.('duties', source);
  return new Function('s', source) as (scenario: Scenario) => number;
}

/**
 * A scenario check as generated code: true only when the value is a plain object (its prototype `Object.prototype`
 * or null) whose own enumerable keys are all facts of `facts` with values those facts take, and nothing hidden
 * (a non-enumerable or inherited value) could be read in its place. It may say false where `parseScenario` accepts;
 * `evaluate` then asks `parseScenario` and decides its clean copy, so only speed depends on this.
 *
 * `first` (the facts a policy tests, which scenarios mostly give) shapes the code for speed: the loop over keys only
 * counts them, with `first` tested first, and their values are checked after it by reading each with a constant
 * key, which is much cheaper than checking them per key. The count of values read must equal the count of keys
 * seen, so a value read directly is always the enumerable own one. Other facts' values are checked in the loop.
 */
export function generateScenarioCheck(
  facts: ReadonlyMap<string, readonly unknown[]>,
  first: readonly string[],
  listen: GeneratedSourceListener | undefined,
): (input: unknown) => boolean {
  const direct = first.filter((name) => facts.has(name));
  const inLoop = [...facts.keys()].filter((name) => !direct.includes(name));
  /** A test true when the defined value `v` is not one of the fact's values. */
  const outside = (name: string) => {
    const values = facts.get(name)!;
    // One type test for true-or-false facts. Other values are compared with `|` rather than `&&`: the comparisons
    // (pointer compares when the strings are internalised, as literals and parsed keys are) run without branches,
    // so a value drawn at random costs no mispredicted branch per comparison; the `&&` chain was twice as slow.
    const isBoolean = values.length === 2 && values.includes(true) && values.includes(false);
    return isBoolean
      ? `typeof v !== 'boolean'`
      : values.length === 0
        ? 'true'
        : `(${values.map((x) => `(v === ${JSON.stringify(x)})`).join(' | ')}) === 0`;
  };
  const cases = [
    ...direct.map((name) => `    case ${JSON.stringify(name)}:`),
    ...(direct.length > 0 ? ['      n++; break;'] : []),
    ...inLoop.map(
      (name) =>
        `    case ${JSON.stringify(name)}: if (!has(s, k)) return false; v = s[k]; if (v !== undefined && ${outside(name)}) return false; break;`,
    ),
  ];
  // A fact defined on Object.prototype would be read through every scenario: refuse, and let parseScenario decide.
  const values = direct.map(
    (name) =>
      `v = s[${JSON.stringify(name)}]; if (v !== undefined) { if (P[${JSON.stringify(name)}] !== undefined || ${outside(name)}) return false; d++; }`,
  );
  const source = `if (typeof s !== 'object' || s === null) return false;
const p = Object.getPrototypeOf(s);
if (p !== P && p !== null) return false;
let v, n = 0, d = 0;
for (const k in s) {
  switch (k) {
${cases.join('\n')}
    default: return false;
  }
}
${values.join('\n')}
return n === d;`;
  listen?.('scenario check', source);
  const check = new Function('P', 'has', `return (s) => {\n${source}\n};`);
  return check(Object.prototype, Object.hasOwn) as (input: unknown) => boolean;
}

/**
 * Whether no fact of `facts` can be read through `Object.prototype` (a polluted prototype would give every scenario
 * that leaves the fact out a value): generated as one constant-key load per fact. `evaluate` asks it before trusting
 * a scenario `parseScenario` checked, whose prototype is `Object.prototype`.
 */
export function generateInheritanceGuard(
  facts: readonly string[],
  listen: GeneratedSourceListener | undefined,
): () => boolean {
  const source = `return () => ${facts.map((f) => `P[${JSON.stringify(f)}] === undefined`).join(' && ') || 'true'};`;
  listen?.('inheritance guard', source);
  return new Function('P', source)(Object.prototype) as () => boolean;
}

/**
 * The decision of a scenario straight from generated code, for policies without duties: the if-chain of
 * `generatePriorityScan` returning the prebuilt decision of the rule that holds (`decisions[p]` for position p) or
 * `otherwise` (the default's) when none does. It returns `undefined`, and the caller decides in full, when a fact
 * some rule tried before the answer tests is missing, or the rule that holds has no prebuilt decision (`decisions[p]` undefined: under
 * strictest, other rules of its rank may hold too). In functions of at most RULES_PER_FUNCTION rules; a function
 * returns null when no rule of its part holds.
 */
export function generateSettle<D extends object>(
  conditions: readonly ConditionNode[],
  decisions: readonly (D | undefined)[],
  otherwise: D,
  accepts: (scenario: unknown) => boolean,
  listen: GeneratedSourceListener | undefined,
): SettleEntry<D> {
  const parts: ((s: Scenario) => D | null | undefined)[] = [];
  // One part (most policies) returns the default itself, so a decision costs one call.
  const single = conditions.length <= RULES_PER_FUNCTION;
  for (let offset = 0; offset < conditions.length || offset === 0; offset += RULES_PER_FUNCTION) {
    const chunk = conditions.slice(offset, offset + RULES_PER_FUNCTION);
    const locals = new FactLocals();
    // Each fact is read where the first rule that tests it is tried, as a hand-written function reads it, and a
    // fact missing there sends the scenario to the full evaluator. So every rule tried before the one returned was
    // decided on known facts alone (false, as in the Kleene scan) and that rule is true: the same decision, whether
    // or not the scenario gives the facts only later rules test.
    const chain = chunk.map((c, i) => {
      const before = locals.names.size;
      const test = booleanExpression(c, locals);
      const fresh = [...locals.names].slice(before);
      const reads =
        fresh.length === 0
          ? ''
          : `const ${fresh.map(([fact, local]) => `${local} = s[${JSON.stringify(fact)}]`).join(', ')};
if (${fresh.map(([, local]) => `${local} === undefined`).join(' || ')}) return undefined;
`;
      return `${reads}if (${test}) return D[${offset + i}];`;
    });
    const source = `${chain.join('\n')}
return ${single ? 'Z' : 'null'};`;
    listen?.(`settle ${offset}-${offset + chunk.length - 1}`, source);
    parts.push(new Function('D', 'Z', `return (s) => {\n${source}\n};`)(decisions, otherwise));
  }
  const settle: (s: Scenario) => D | null | undefined = single
    ? parts[0]!
    : (scenario) => {
        for (const part of parts) {
          const found = part(scenario);
          if (found !== null) return found;
        }
        return otherwise;
      };
  // The entry is a function of its own for each policy (new Function), so the calls inside it stay monomorphic
  // however many policies an app evaluates through the one `evaluate`.
  return new Function(
    'A',
    'S',
    `return (s, o) => (o.trace === true || (o.trusted !== true && !A(s)) ? undefined : S(s));`,
  )(accepts, settle) as SettleEntry<D>;
}

/**
 * The entry `generateSettle` makes: the prebuilt decision of a scenario (checked by `accepts` unless the
 * options say trusted), or undefined where the caller must decide in full.
 */
export type SettleEntry<D> = (
  scenario: Scenario,
  options: { readonly trace?: boolean; readonly trusted?: boolean },
) => D | undefined;

/**
 * The full scenario check as one generated function: a `parseScenario` result marked (under `mark`) as checked
 * against one of `vocabularies` is accepted once `nothingInherited` holds; any other value goes through `check`.
 */
export function generateAcceptance(
  mark: symbol,
  vocabularies: readonly object[],
  nothingInherited: () => boolean,
  check: (input: unknown) => boolean,
): (input: unknown) => boolean {
  const known = vocabularies.map((_, i) => `by === V[${i}]`).join(' || ') || 'false';
  return new Function(
    'K',
    'V',
    'G',
    'C',
    `return (s) => {
if (typeof s === 'object' && s !== null) {
  const by = s[K];
  if (by !== undefined && (${known})) return G();
}
return C(s);
};`,
  )(mark, vocabularies, nothingInherited, check) as (input: unknown) => boolean;
}
