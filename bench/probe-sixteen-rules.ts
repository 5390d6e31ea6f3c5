// Where the time of `evaluate` goes on the 16-rule policy, complete scenarios, with one compiled policy per path in
// the process (as an app runs it): the parts of the scenario check, other ways of testing a value's membership,
// and `evaluate` validated, on `parseScenario` results and trusted, each interleaved with the hand-written function.
// Not part of `pnpm bench`; BENCHMARKS.md's notes on the 16-rule targets cite it.
// Run: node --expose-gc --conditions=fairpost-source --import tsx bench/probe-sixteen-rules.ts
import { evaluate, factDomain, parseScenario, type Scenario, standardVocabulary } from '@fairpost/core';
import { compileEngine } from '../packages/core/src/evaluate/compile-policy.js';
import { handWrittenEngine } from './engines/hand-written.js';
import { type Contender, interleave, rangeOf, ratios, syncPass } from './measure.js';
import { BENCH_FACTS, generatedScenarios, sixteenRulePolicy } from './workload.js';

const policy = sixteenRulePolicy();
const scenarios = generatedScenarios(10_000, 1, BENCH_FACTS);
const engine = compileEngine(policy);
const compiled = engine.compiled;
const trusted = compileEngine(policy).compiled;
const recognised = compileEngine(policy).compiled;
// Checked against the policy that decides them, as an app does: that policy recognises them.
const parsed = scenarios.map((s) => {
  const checked = parseScenario(s, recognised);
  if (!checked.ok) throw new Error(`invalid bench scenario: ${checked.issues[0]?.message}`);
  return checked.scenario;
});

const domainOf = (fact: string) => factDomain(standardVocabulary.facts.get(fact)!);
const isBoolean = (values: readonly unknown[]) => values.length === 2 && typeof values[0] === 'boolean';
const key = (fact: string) => JSON.stringify(fact);

/** A check written as generated code is (new Function), over the 7 facts the policy tests. */
const generated = (body: string, scope: Record<string, unknown> = {}) =>
  new Function(...Object.keys(scope), `return (s) => {\n${body}\n};`)(...Object.values(scope)) as (
    s: Scenario,
  ) => unknown;

const P = Object.prototype;
/** The for…in over the keys, identifying each as a fact (the generated check's loop, for these facts). */
const keyLoop = `let n = 0; for (const k in s) { switch (k) { ${BENCH_FACTS.map((f) => `case ${key(f)}:`).join(' ')} n++; break; default: return false; } }`;
/** The constant-key read of each fact with the guard against Object.prototype. */
const reads = (test: (fact: string, bit: number) => string) =>
  BENCH_FACTS.map(
    (f, i) =>
      `v = s[${key(f)}]; if (v !== undefined) { if (P[${key(f)}] !== undefined) return false; ${test(f, 1 << i)} d++; }`,
  ).join('\n');
const none = () => '';
const orChain = (f: string) => {
  const values = domainOf(f);
  return isBoolean(values)
    ? `if (typeof v !== 'boolean') return false;`
    : `if ((${values.map((x) => `(v === ${JSON.stringify(x)})`).join(' | ')}) === 0) return false;`;
};
const memberships = new Map<unknown, number>();
BENCH_FACTS.forEach((f, i) => {
  for (const v of domainOf(f)) memberships.set(v, (memberships.get(v) ?? 0) | (1 << i));
});
const byMap = (f: string, bit: number) =>
  isBoolean(domainOf(f)) ? orChain(f) : `if ((M.get(v) & ${bit}) === 0) return false;`;
const byLength = (f: string) => {
  const values = domainOf(f) as string[];
  if (isBoolean(values)) return orChain(f);
  const lengths = new Map<number, string[]>();
  for (const v of values) lengths.set(v.length, [...(lengths.get(v.length) ?? []), v]);
  return `if (typeof v !== 'string') return false; switch (v.length) { ${[...lengths]
    .map(
      ([n, vs]) =>
        `case ${n}: if (${vs.map((x) => `v !== ${JSON.stringify(x)}`).join(' && ')}) return false; break;`,
    )
    .join(' ')} default: return false; }`;
};

const hand = handWrittenEngine(policy).decide;
const TRUSTED = { trusted: true };
const contenders: [string, (s: Scenario) => unknown, readonly Scenario[]][] = [
  ['hand-written function (the floor)', hand, scenarios],
  ['check: for…in identifying the keys', generated(`${keyLoop} return n;`), scenarios],
  ['check: reads and guards', generated(`let v, d = 0; ${reads(none)} return d;`, { P }), scenarios],
  [
    'check: reads, guards, values (| chains)',
    generated(`let v, d = 0; ${reads(orChain)} return d;`, { P }),
    scenarios,
  ],
  [
    'check: reads, guards, values (Map)',
    generated(`let v, d = 0; ${reads(byMap)} return d;`, { P, M: memberships }),
    scenarios,
  ],
  [
    'check: reads, guards, values (by length)',
    generated(`let v, d = 0; ${reads(byLength)} return d;`, { P }),
    scenarios,
  ],
  ['check: the engine’s acceptsScenario', (s) => engine.acceptsScenario(s), scenarios],
  ['evaluate (validated)', (s) => evaluate(compiled, s), scenarios],
  ['evaluate on parseScenario results', (s) => evaluate(recognised, s), parsed],
  ['evaluate, trusted', (s) => evaluate(trusted, s, TRUSTED), scenarios],
];
for (const [name, decide, inputs] of contenders)
  if (decide(inputs[0]!) === false) throw new Error(`${name} refused a valid scenario`);

const timed: Contender[] = contenders.map(([name, decide, inputs]) => ({
  name,
  pass: syncPass(decide as (input: unknown) => unknown, () => inputs),
}));
const times = await interleave(timed, { rounds: 7, warmupMs: 400 });
const floor = times.get(contenders[0]![0])!;
console.log('| what | CPU ns per scenario | vs the hand-written function |');
console.log('| --- | ---: | ---: |');
for (const [name, t] of times) {
  const r = rangeOf(ratios(t, floor));
  console.log(
    `| ${name} | ${rangeOf(t.cpuNs).median.toFixed(1)} | ${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)}) |`,
  );
}
