// Turns the figures into the terminal table and BENCHMARKS.md.
import type { BenchFigures, CaseFigures, EngineFigure } from './figures.js';
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
  });
  return checks;
}

/**
 * Why a target is not met, from profiles taken while writing this benchmark (a run prints only those not met).
 * Kept beside the figures so the explanation is reviewed whenever the targets are.
 */
const WHY_NOT_MET: Readonly<Record<string, string>> = {
  'validated-16':
    'Checking a plain object (every key a fact, every value one its fact takes, nothing inherited or hidden, as ' +
    '`parseScenario` decides) costs more than the whole hand-written function, which checks nothing: the check is a ' +
    '`for…in` over the keys plus a constant-key read of each fact in play, and the `for…in` is most of it (about ' +
    '40 ns of the ~70 ns). What the issue offers instead is met: a `parseScenario` result is frozen and marked, and ' +
    '`evaluate` recognises it with one symbol load and a guard against facts inherited from `Object.prototype` (the ' +
    '“parsed scenarios” row and target).',
  'parsed-16':
    'The recognised scenario costs one symbol load and one guard load per fact in play; what is left is the ' +
    'megamorphic call described for the trusted target.',
  'trusted-16':
    'Measured alone (one compiled policy in the process, as an app with one policy runs), trusted `evaluate` was ' +
    '0.9× in one run and 1.7× in another of the hand-written function: generated code returns the prebuilt decision from its if-chain. In this ' +
    'run every policy’s engines share the one `evaluate`, so its call into each policy’s generated entry is ' +
    'megamorphic and not inlined, and each level of call costs a few nanoseconds against a 13 ns floor ' +
    '(profile: the time is in `evaluate` and the generated entry, not in the scan). Not closed in this issue.',
  flagship:
    'Decisions with duties were deep-frozen on every call (Object.freeze plus a property descriptor per field), ' +
    'several times the whole straight-line function; since this run they are built and frozen once per settled ' +
    'rule and duty mask (bounded), which a single-policy loop measured at 280–380 ns against 800–1,000 ns on main.',
  'analyze-2000':
    'Within noise of the target on this loaded machine: the cost is the findings themselves (about 15,000 ' +
    'conflicting overlaps at 2,000 rules, each described in words, as a condition and with a witness) and the ' +
    'garbage their cubes make; the pairwise searches are pruned by word operations.',
  'scale-20000':
    'See the measured column: a task that did not finish within its CPU-time limit is named there.',
  bundle:
    'The bundle holds the vocabulary with all its words (labels, phrases and questions of every fact and ' +
    'catalogue entry, which `compilePolicy` resolves and `nextQuestion` shows), the exact partial evaluator, the ' +
    'region algebra and the question planner. Splitting the words out of the evaluating path (a page would load ' +
    'them with the questions) is what would bring it under 10 kB; not done in this issue.',
};

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
    for (const t of missed) lines.push(`- **${t.target}**: ${WHY_NOT_MET[t.id] ?? 'not explained yet.'}`);
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
