import type { Condition } from '../model/condition.js';
import type { Scenario } from '../parse/scenario.js';

// Conditions as generated JavaScript, as zod 4 and ajv do for speed: each fact is read once with a constant key (a
// monomorphic property load) and the logic is straight-line code. Where `new Function` is forbidden (a Content
// Security Policy without 'unsafe-eval'), the generators return undefined and callers keep their closures.
//
// Inside generated code truth is ordered FALSE 0 < UNKNOWN 1 < TRUE 2, so Kleene `all` is min, `any` is max and
// `not` is 2 - x; the returned value is mapped back to compile-policy's encoding (FALSE 0, TRUE 1, UNKNOWN 2).

let generationAllowed: boolean | undefined;

/** Whether this environment lets us compile generated code; asked once. */
function canGenerate(): boolean {
  if (generationAllowed === undefined) {
    try {
      generationAllowed = new Function('return true')() === true;
    } catch {
      generationAllowed = false;
    }
  }
  return generationAllowed;
}

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
}

/** A condition as an expression of ordered truth (0 false, 1 unknown, 2 true). */
function expression(condition: Condition, locals: FactLocals): string {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) {
    const parts = (c.all as Condition[]).map((x) => expression(x, locals));
    return parts.length === 0 ? '2' : parts.length === 1 ? parts[0]! : `Math.min(${parts.join(', ')})`;
  }
  if (Array.isArray(c.any)) {
    const parts = (c.any as Condition[]).map((x) => expression(x, locals));
    return parts.length === 0 ? '0' : parts.length === 1 ? parts[0]! : `Math.max(${parts.join(', ')})`;
  }
  if (c.not !== undefined) return `(2 - ${expression(c.not as Condition, locals)})`;
  const v = locals.local(String(c.fact));
  const oneOf = (values: unknown) =>
    (values as unknown[]).map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ') || 'false';
  const [matches, yes, no] =
    c.is !== undefined
      ? [oneOf([c.is]), 2, 0]
      : c.isNot !== undefined
        ? [oneOf([c.isNot]), 0, 2]
        : c.in !== undefined
          ? [oneOf(c.in), 2, 0]
          : [oneOf(c.notIn), 0, 2];
  return `(${v} === undefined ? 1 : (${matches}) ? ${yes} : ${no})`;
}

/**
 * A condition as a two-valued boolean expression, for scenarios where every fact it reads is known: there Kleene
 * logic agrees with Boolean logic, so this gives the same answer as `expression` without the arithmetic.
 */
function booleanExpression(condition: Condition, locals: FactLocals): string {
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) {
    const parts = (c.all as Condition[]).map((x) => booleanExpression(x, locals));
    return parts.length === 0 ? 'true' : `(${parts.join(' && ')})`;
  }
  if (Array.isArray(c.any)) {
    const parts = (c.any as Condition[]).map((x) => booleanExpression(x, locals));
    return parts.length === 0 ? 'false' : `(${parts.join(' || ')})`;
  }
  if (c.not !== undefined) return `!${booleanExpression(c.not as Condition, locals)}`;
  const v = locals.local(String(c.fact));
  const oneOf = (values: unknown) =>
    `(${(values as unknown[]).map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ') || 'false'})`;
  const noneOf = (values: unknown) =>
    `(${(values as unknown[]).map((x) => `${v} !== ${JSON.stringify(x)}`).join(' && ') || 'true'})`;
  if (c.is !== undefined) return oneOf([c.is]);
  if (c.isNot !== undefined) return noneOf([c.isNot]);
  if (c.in !== undefined) return oneOf(c.in);
  return noneOf(c.notIn);
}

/**
 * A first-match scan of the given conditions as one generated function: the index of the first that holds, -1 when
 * all are false, or -2 when one is unknown before any holds (the caller then decides exactly). Undefined where
 * code generation is not allowed.
 *
 * Every fact the conditions test is read once into a local. When none is missing (the common case, a complete
 * scenario) a plain if-chain decides, as a hand-written function would; otherwise the Kleene scan does. Both give
 * the same index when every fact is known, so the fast path is an optimisation only.
 */
export function generateFirstMatch(
  conditions: readonly Condition[],
): ((scenario: Scenario) => number) | undefined {
  if (!canGenerate()) return undefined;
  const locals = new FactLocals();
  const kleene = conditions.map(
    (condition, i) =>
      `t = ${expression(condition, locals)};\nif (t === 2) return ${i};\nif (t === 1) return -2;`,
  );
  const plain = conditions.map((condition, i) => `if (${booleanExpression(condition, locals)}) return ${i};`);
  const allKnown = [...locals.names.values()].map((local) => `${local} !== undefined`).join(' && ') || 'true';
  return new Function(
    's',
    `${locals.declarations()}
if (${allKnown}) {
${plain.join('\n')}
  return -1;
}
let t;
${kleene.join('\n')}
return -1;`,
  ) as (scenario: Scenario) => number;
}

/**
 * A conservative scenario check as generated code: true only when every enumerable key is a fact of `facts` and
 * every defined value one it takes. It may say false where `parseScenario` accepts (an inherited key); callers then
 * ask `parseScenario`, so only speed depends on it. Undefined where code generation is not allowed.
 *
 * `first` (the facts a policy tests, which scenarios mostly give) shapes the code for speed: the loop over keys only
 * checks that they are facts, with `first` tested first, and their values are checked after it by reading each
 * with a constant key, which is much cheaper than checking them per key. Other facts' values are checked in the
 * loop. A value read directly may be inherited where `parseScenario` reads own keys only: checking it anyway is
 * stricter, never laxer.
 */
export function generateScenarioCheck(
  facts: ReadonlyMap<string, readonly unknown[]>,
  first: readonly string[] = [],
): ((input: unknown) => boolean) | undefined {
  if (!canGenerate()) return undefined;
  const direct = first.filter((name) => facts.has(name));
  const inLoop = [...facts.keys()].filter((name) => !direct.includes(name));
  /** A test true when the value `v` is defined and not one of the fact's values. */
  const invalid = (name: string) => {
    const values = facts.get(name)!;
    // One type test for true-or-false facts. Other values are compared with `|` rather than `&&`: the comparisons
    // (pointer compares when the strings are internalised, as literals and parsed keys are) run without branches,
    // so a value drawn at random costs no mispredicted branch per comparison; the `&&` chain was twice as slow.
    const isBoolean = values.length === 2 && values.includes(true) && values.includes(false);
    const outside = isBoolean
      ? `typeof v !== 'boolean'`
      : values.length === 0
        ? 'true'
        : `(${values.map((x) => `(v === ${JSON.stringify(x)})`).join(' | ')}) === 0`;
    return `v !== undefined && ${outside}`;
  };
  const cases = [
    ...direct.map((name) => `    case ${JSON.stringify(name)}:`),
    ...(direct.length > 0 ? ['      break;'] : []),
    ...inLoop.map(
      (name) => `    case ${JSON.stringify(name)}: v = s[k]; if (${invalid(name)}) return false; break;`,
    ),
  ];
  const values = direct.map((name) => `v = s[${JSON.stringify(name)}]; if (${invalid(name)}) return false;`);
  return new Function(
    's',
    `if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
let v;
for (const k in s) {
  switch (k) {
${cases.join('\n')}
    default: return false;
  }
}
${values.join('\n')}
return true;`,
  ) as (input: unknown) => boolean;
}
