// Turns the figures into the terminal table and BENCHMARKS.md.
import type { BenchFigures, BundleFigures, CaseFigures, EngineFigure } from './figures.js';
import type { Machine } from './machine.js';
import type { Range } from './measure.js';

/** A target from issue #13, with what was measured. */
export interface TargetCheck {
  /** A short key, for the explanation of a target not met. */
  readonly id: string;
  readonly target: string;
  readonly measured: string;
  /** Met, not met, or not measured in this run. */
  readonly met: boolean | undefined;
  /** Why it is not met, where the explanation is built from this run's figures (else WHY_NOT_MET's). */
  readonly why?: string;
}

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const fixed = (n: number, digits = 2) => n.toFixed(digits);
const times = (n: number) => (n >= 100 ? `${int(n)}×` : n >= 10 ? `${fixed(n, 1)}×` : `${fixed(n)}×`);
const ns = (n: number) =>
  n >= 100_000 ? `${fixed(n / 1000, 0)} µs` : n >= 10_000 ? `${fixed(n / 1000, 1)} µs` : `${int(n)} ns`;
const span = (r: Range, f: (n: number) => string) => `${f(r.median)} (${f(r.min)}–${f(r.max)})`;
const kib = (bytes: number) => `${int(bytes / 1024)} KiB`;

const find = (c: CaseFigures | undefined, name: string): EngineFigure | undefined =>
  c?.engines.find((e) => e.engine === name);

/** Checks the figures against the issue's targets. */
export function checkTargets(figures: BenchFigures): TargetCheck[] {
  const byName = (name: string) => figures.cases.find((c) => c.name === name);
  const checks: TargetCheck[] = [];
  const vsFloor = (id: string, caseName: string, engine: string, limit: number, target: string) => {
    const e = find(byName(caseName), engine);
    checks.push({
      id,
      target,
      measured: e ? `${span(e.vsFloor, times)} the floor’s CPU time` : 'not measured',
      met: e ? e.vsFloor.median <= limit : undefined,
    });
  };
  vsFloor(
    'validated-16',
    '16 rules',
    'Fairpost evaluate',
    3,
    '16 rules, complete scenarios: validated `evaluate` ≤ 3× the hand-written function',
  );
  vsFloor(
    'parsed-16',
    '16 rules',
    'Fairpost evaluate, parsed scenarios',
    3,
    '16 rules, complete scenarios: `evaluate` on `parseScenario` results (checked once, recognised) ≤ 3× the hand-written function',
  );
  vsFloor(
    'trusted-16',
    '16 rules',
    'Fairpost evaluate, trusted',
    1.5,
    '16 rules, complete scenarios: trusted `evaluate` ≤ 1.5× the hand-written function',
  );
  vsFloor(
    'flagship',
    'flagship with duties',
    'Fairpost evaluate',
    3,
    'flagship with its duties: validated `evaluate` ≤ 3× a straight-line function returning the same outcome and duties',
  );
  for (const name of ['200 rules', '2,000 rules'])
    vsFloor(
      'large',
      name,
      'Fairpost evaluate, unseen scenarios',
      3,
      `${name} over ${figures.cases.find((c) => c.name === name)?.facts ?? '?'} facts, scenarios not seen before: validated \`evaluate\` ≤ 3× the if-chain in 100-rule functions`,
    );
  const partial = (rules: number) => figures.partial.find((p) => p.rules === rules);
  const p16 = partial(16);
  checks.push({
    id: 'partial-16',
    target: '16 rules, 25% of facts unknown: ≤ 2× enumerating the completions through the if-chain',
    measured: p16
      ? `${span(p16.vsFloor, times)} (${ns(p16.fairpostNs.median)} per decision)`
      : 'not measured',
    met: p16 ? p16.vsFloor.median <= 2 : undefined,
  });
  const p200 = partial(200);
  checks.push({
    id: 'partial-200',
    target: '200 rules, 25% of facts unknown: ≤ 50 µs per decision',
    measured: p200
      ? `${span(p200.fairpostNs, ns)} (${span(p200.vsFloor, times)} the enumeration)`
      : 'not measured',
    met: p200 ? p200.fairpostNs.median <= 50_000 : undefined,
  });
  const m = figures.memory;
  checks.push({
    id: 'memory',
    target:
      'memory bounded: heap after 100,000 distinct scenarios (200 rules) ≤ 2× the heap after the first 1,000',
    measured: m
      ? `${kib(m.heapAfterAll)} after 100,000, ${kib(m.heapAfterFirst)} after 1,000 (${times(m.heapAfterAll / m.heapAfterFirst)}; grew ${kib(m.heapAfterAll - m.heapAfterFirst)})`
      : 'not measured (run with --expose-gc)',
    met: m ? m.heapAfterAll <= 2 * m.heapAfterFirst : undefined,
  });
  const scale = (rules: number, task: string) =>
    figures.scale.find((s) => s.rules === rules && s.task === task);
  const a2000 = scale(2000, 'analyze');
  checks.push({
    id: 'analyze-2000',
    target: '`analyzePolicy` on 2,000 rules under 2 s',
    measured:
      a2000?.value === undefined
        ? `did not finish within ${(a2000?.limitMs ?? 0) / 1000} s of CPU`
        : `${int(a2000.value)} ms CPU`,
    met: a2000?.value !== undefined && a2000.value < 2000,
  });
  const all20k = ['compile', 'evaluate', 'analyze'].map((t) => scale(20_000, t));
  checks.push({
    id: 'scale-20000',
    target: 'compile, evaluate and analyze 20,000 rules each complete',
    measured: all20k
      .map((s) =>
        s?.value === undefined
          ? `${s?.task}: did not finish within ${(s?.limitMs ?? 0) / 1000} s of CPU`
          : `${s.task}: ${s.task === 'evaluate' ? `${fixed(s.value, 1)} µs per decision` : `${int(s.value)} ms`}`,
      )
      .join('; '),
    met: all20k.every((s) => s?.value !== undefined),
  });
  const b = figures.bundle;
  checks.push({
    id: 'bundle',
    target:
      'what a page needs to evaluate and ask questions (compilePolicy, evaluate, nextQuestion): ≤ 10 kB gzipped',
    measured: b ? `${b.gzipKb} kB gzipped (${b.minifiedKb} kB minified)` : 'not measured',
    met: b ? b.gzipKb <= 10 : undefined,
    ...(b ? { why: whyBundle(b) } : {}),
  });
  return checks;
}

/**
 * Why a target is not met, from profiles taken while writing this benchmark (a run prints only those not met).
 * Kept beside the figures so the explanation is reviewed whenever the targets are.
 */
export const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'validated-16':
    'The check itself is the gap, not the decision. Profiled in bench/probe-sixteen-rules.ts (one compiled policy ' +
    'per path, each contender interleaved with the hand-written function; two runs, 3 December 01:51 and 01:55 ' +
    'UTC): there the hand-written function costs 2.7–2.8 ns (inlined into the timing loop), and the engine’s check ' +
    'of a plain object as `parseScenario` does it (every key a fact, every value one its fact takes, nothing ' +
    'inherited or hidden) costs 40 ns on its own: a `for…in` that only identifies the 7 keys, 8.9–9.4 ns; the ' +
    'constant-key reads with the guard against `Object.prototype`, 5.0–5.1 ns; the same reads with each value ' +
    'tested against its fact’s values (28 string comparisons as branch-free `|` chains), 20 ns. The `|` chains are ' +
    'the fastest membership test measured: a `Map` took 62–66 ns and a switch on the string’s length 44–46 ns. ' +
    'Validated `evaluate` there costs 47–48 ns. Reading and testing all seven values costs several times a ' +
    'function that reads the two or three its first matching rule needs and tests nothing, so ≤ 3× is out of ' +
    'reach on this workload; the issue’s alternative (a `parseScenario` result, checked once and recognised) is ' +
    'the “parsed scenarios” target.',
  'parsed-16':
    'Recognising a checked scenario is not the gap: in the probe runs above, `evaluate` on `parseScenario` results ' +
    'cost 16.2–16.3 ns against 14.5–14.6 ns trusted (one symbol load, two comparisons and one guard load per fact ' +
    'in play, so that a polluted `Object.prototype` never gives a fact a value). What remains is the trusted ' +
    'path’s (next item). This table shows a wider difference between the two than the one-policy probe does; the ' +
    'probe does not reproduce it.',
  'trusted-16':
    'What is left is call levels. In the probe runs above trusted `evaluate` costs 14.5–14.6 ns against the ' +
    'hand-written function’s 2.7–2.8 ns: `evaluate` loads the engine (one symbol-keyed property), calls the ' +
    'policy’s generated entry, which checks the options and calls the generated if-chain, which reads the facts ' +
    'where the first rule testing them is tried, as the hand-written function does, and returns the prebuilt ' +
    'decision. The hand-written function is inlined into its caller and does none of the calls; against a floor ' +
    'under 3 ns each call level is a large share, and `evaluate` is one function for every compiled policy, so ' +
    'its call into the entry is polymorphic wherever an app compiles more than one. Closing the last factor would ' +
    'mean handing apps the generated function itself, which the public/internal split of this issue rules out.',
  flagship:
    'Decisions with duties were deep-frozen on every call (Object.freeze plus a property descriptor per field), ' +
    'several times the whole straight-line function; they are now built and frozen once per settled rule and duty ' +
    'mask (bounded), and the duties owed come from one generated function (a bit mask). If this row is over ' +
    'target, the run was disturbed: interleaved runs of the same engines measured 1.8–2.2×.',
  large:
    'If this row is over target, the JIT is the cause, not the engine. bench/probe-unseen.ts (200 rules; Fairpost ' +
    'and the if-chain alone, interleaved, 9 rounds; 3 December 02:44 UTC) measured validated `evaluate` on fresh ' +
    'scenarios at 1.86× the if-chain, the same as on scenarios seen every round (1.89×), once the warm-up had run on ' +
    '50,000 scenarios of its own; warmed up on 5,000 it measured 3.97× (1.77×–14.8×), with CPU time above wall time: ' +
    'V8 deoptimising at rules first taken inside a timed round and recompiling in the background. This benchmark ' +
    'warms the unseen rows up on 50,000 scenarios; earlier runs, warmed on 5,000, measured 2.43× to 6.10×.',
  'analyze-2000':
    'Run-to-run spread on this shared machine: the run of 14:24 UTC measured 2,134 ms, and the run of 17:00 UTC ' +
    '(taken while the full test suite ran on the same two cores) 4,733 ms, with nothing `analyzePolicy` runs ' +
    'changed in between. The cost is the findings themselves (about 15,000 ' +
    'conflicting overlaps at 2,000 rules, each described in words, as a condition and with a witness) and the ' +
    'garbage their cubes make; the pairwise searches are pruned by word operations.',
  'scale-20000':
    'See the measured column: a task that did not finish within its CPU-time limit is named there.',
};

/** The layers of the page's code, by the core module's path (first match wins). */
const BUNDLE_LAYERS: readonly [string, RegExp][] = [
  ['the question planner', /^plan\//],
  [
    '`parseScenario`, which `evaluate` and `nextQuestion` use to explain a bad scenario, and the input limits',
    /^parse\//,
  ],
  [
    'the compiler, the condition form and the code generator',
    /^(evaluate\/(compile-policy|generate-code|resolution)|model|vocabulary)\b/,
  ],
  ['`evaluate` with the exact partial evaluator, doubt rules and region algebra', /./],
];

/** Why the page's bundle is over 10 kB, from this run's measurement of it. */
function whyBundle(b: BundleFigures): string {
  const total = b.codeModules.reduce((n, [, kb]) => n + kb, 0);
  const shares = new Map<string, number>(BUNDLE_LAYERS.map(([name]) => [name, 0]));
  for (const [module, kb] of b.codeModules) {
    const layer = BUNDLE_LAYERS.find(([, path]) => path.test(module))![0];
    shares.set(layer, shares.get(layer)! + kb);
  }
  const parts = [...shares]
    .sort((x, y) => y[1] - x[1])
    .map(([name, kb]) => `${name} (${Math.round((kb / total) * 100)}%)`);
  return (
    'Not reachable by moving bytes around: examples/intranet/scripts/measure-size.ts weighs the same bundle with ' +
    `the standard vocabulary’s words left out at ${b.codeGzipKb} kB gzipped (${b.codeMinifiedKb} kB minified), and ` +
    `the words alone at ${b.wordsGzipKb} kB, so even a page that loaded the words separately would carry more than ` +
    '10 kB of code. That code is what the three functions do, not dead weight; by its size before minifying: ' +
    `${parts.join(', ')}. Reaching 10 kB needs dropping one of these from the page’s path (say, a separate entry ` +
    'without the planner, or without the generated-code path for pages under a strict Content Security Policy), ' +
    'an API change not made in this issue.'
  );
}

const yesNo = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**not met**';

/** The figures as Markdown (the body of BENCHMARKS.md and the terminal report). */
export function formatFigures(figures: BenchFigures, targets: readonly TargetCheck[]): string {
  const lines: string[] = [];
  lines.push(
    '## Targets (issue #13)',
    '',
    '| target | measured: median (min–max over rounds) | |',
    '| --- | --- | --- |',
  );
  for (const t of targets) lines.push(`| ${t.target} | ${t.measured} | ${yesNo(t.met)} |`);
  lines.push('');
  const missed = targets.filter((t) => t.met === false);
  if (missed.length > 0) {
    lines.push('### Targets not met, and why', '');
    for (const t of missed)
      lines.push(`- **${t.target}**: ${t.why ?? WHY_NOT_MET[t.id] ?? 'not explained yet.'}`);
    lines.push('');
  }
  lines.push(
    `## Complete scenarios (${figures.rounds} interleaved rounds; every engine agreed on every scenario it ran)`,
    '',
    'Each round runs every engine once, in an order rotated each round, for at least 40 ms of CPU time; “vs floor” is',
    'the engine’s CPU time per decision over the floor’s in the same round. Times are CPU nanoseconds per decision',
    '(wall time beside them). Medians, with the range over the rounds.',
    '',
  );
  for (const c of figures.cases) {
    lines.push(`### ${c.name} (${c.facts} facts; floor: ${c.floor})`, '');
    lines.push('| engine | scenarios | CPU per decision | wall per decision | vs floor | what it does |');
    lines.push('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const e of c.engines)
      lines.push(
        `| ${e.engine} | ${int(e.scenarios)} | ${span(e.cpuNs, ns)} | ${ns(e.wallNs.median)} | ${span(e.vsFloor, times)} | ${e.note} |`,
      );
    lines.push('');
  }
  lines.push(
    '## Partial scenarios (25% of facts left out)',
    '',
    'Fairpost’s exact decision (possible outcomes, deciding rules, the facts still needed) against enumerating every',
    'completion of the unknown facts through the if-chain (possible deciders only). Generated policies over 7 facts',
    '(the 16-rule policy at 16).',
    '',
    '| rules | undetermined | Fairpost per decision | enumeration per decision | Fairpost vs enumeration |',
    '| ---: | ---: | ---: | ---: | ---: |',
  );
  for (const p of figures.partial)
    lines.push(
      `| ${int(p.rules)} | ${int(p.undeterminedShare * 100)}% | ${span(p.fairpostNs, ns)} | ${span(p.floorNs, ns)} | ${span(p.vsFloor, times)} |`,
    );
  lines.push('', '## Scale (one run each, in a child process stopped at its time limit; CPU time)', '');
  lines.push(
    '| rules | compile | evaluate (per decision) | analyzePolicy |',
    '| ---: | ---: | ---: | ---: |',
  );
  for (const rules of [2000, 20_000]) {
    const cell = (task: string) => {
      const s = figures.scale.find((x) => x.rules === rules && x.task === task);
      if (!s) return 'not run';
      if (s.value === undefined) return `over ${s.limitMs / 1000} s`;
      return task === 'evaluate' ? `${fixed(s.value, 1)} µs` : `${int(s.value)} ms`;
    };
    lines.push(`| ${int(rules)} | ${cell('compile')} | ${cell('evaluate')} | ${cell('analyze')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The machine table. */
export function formatMachine(machine: Machine, command: string): string {
  return [
    '| | |',
    '| --- | --- |',
    `| command | \`${command}\` |`,
    `| date | ${machine.date} |`,
    `| cpu | ${machine.cpu}, ${machine.cores} cores (shared), ${machine.memoryGiB} GiB |`,
    `| node | ${machine.node} |`,
    ...Object.entries(machine.packages).map(([name, version]) => `| ${name} | ${version} |`),
    '',
  ].join('\n');
}
