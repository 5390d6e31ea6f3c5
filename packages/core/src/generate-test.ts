import type { Condition } from './condition.js';
import type { Scenario } from './scenario.js';

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
 * A first-match scan of the given conditions as one generated function: the index of the first that holds, -1 when
 * all are false, or -2 when one is unknown before any holds (the caller then decides exactly). Undefined where
 * code generation is not allowed.
 */
export function generateFirstMatch(
  conditions: readonly Condition[],
): ((scenario: Scenario) => number) | undefined {
  if (!canGenerate()) return undefined;
  const locals = new FactLocals();
  const steps = conditions.map(
    (condition, i) =>
      `t = ${expression(condition, locals)};\nif (t === 2) return ${i};\nif (t === 1) return -2;`,
  );
  return new Function('s', `${locals.declarations()}\nlet t;\n${steps.join('\n')}\nreturn -1;`) as (
    scenario: Scenario,
  ) => number;
}

/**
 * A conservative scenario check as generated code: true only when every enumerable key is a fact of `facts` and
 * every defined value one it takes. It may say false where `parseScenario` accepts (an inherited key); callers then
 * ask `parseScenario`, so only speed depends on it. Undefined where code generation is not allowed.
 */
export function generateScenarioCheck(
  facts: ReadonlyMap<string, readonly unknown[]>,
): ((input: unknown) => boolean) | undefined {
  if (!canGenerate()) return undefined;
  const cases = [...facts].map(
    ([name, values]) =>
      `case ${JSON.stringify(name)}: if (v !== undefined && ${values.map((x) => `v !== ${JSON.stringify(x)}`).join(' && ') || 'true'}) return false; break;`,
  );
  return new Function(
    's',
    `if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
for (const k in s) {
  const v = s[k];
  switch (k) {
${cases.join('\n')}
    default: return false;
  }
}
return true;`,
  ) as (input: unknown) => boolean;
}
