// Turns the figures into the terminal table and BENCHMARKS.md.
import type { BenchFigures, CaseFigures, EngineFigure } from './figures.js';
import type { Machine } from './machine.js';

/** A target from issue #9, with what was measured. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const fixed = (n: number, digits = 2) => n.toFixed(digits);
const ratio = (n: number) => (n >= 100 ? `${int(n)}×` : n >= 10 ? `${fixed(n, 1)}×` : `${fixed(n)}×`);

const find = (c: CaseFigures | undefined, prefix: string): EngineFigure | undefined =>
  c?.engines.find((e) => e.engine.startsWith(prefix));

/** Checks the figures against the targets. */
export function checkTargets(figures: BenchFigures): TargetCheck[] {
  const byRules = (n: number) => figures.cases.find((c) => c.rules === n);
  const small = byRules(16);
  const checks: TargetCheck[] = [];
  const validated = find(small, 'Fairpost evaluate')!;
  const trusted = find(small, 'Fairpost evaluate, trusted')!;
  const hand = find(small, 'hand-written')!;
  const rulesEngine = find(small, 'json-rules-engine')!;
  for (const [label, fairpost] of [
    ['trusted', trusted],
    ['validated', validated],
  ] as const) {
    const r = fairpost.timing.nsPerCall / hand.timing.nsPerCall;
    checks.push({
      target: `16 rules: Fairpost (${label}) within 3× of the hand-written function`,
      measured: `${ratio(r)} the hand-written time`,
      met: r <= 3,
    });
  }
  const speedup = rulesEngine.timing.nsPerCall / validated.timing.nsPerCall;
  checks.push({
    target: '16 rules: Fairpost (validated) at least 500× faster than json-rules-engine',
    measured: `${ratio(speedup)} faster`,
    met: speedup >= 500,
  });
  const [a, b] = [byRules(200), byRules(2000)];
  const costA = find(a, 'Fairpost evaluate, trusted')!.timing.nsPerCall;
  const costB = find(b, 'Fairpost evaluate, trusted')!.timing.nsPerCall;
  const growth = costB / costA;
  checks.push({
    target: 'first-match cost grows sublinearly with rule count (200 → 2,000 rules: under 10×)',
    measured: `${ratio(growth)} the cost for 10× the rules (exponent ${fixed(Math.log10(Math.max(growth, 1e-9)))})`,
    met: growth < 10,
  });
  const compile200 = figures.compile.find((c) => c.rules === 200)!;
  checks.push({
    target: 'compiling 200 rules under 5 ms',
    measured: `${fixed(compile200.compileMs)} ms`,
    met: compile200.compileMs < 5,
  });
  return checks;
}

function caseTable(c: CaseFigures): string[] {
  return [
    `### ${c.name}`,
    '',
    '| engine | scenarios | ns per decision | decisions per second | cost vs Fairpost | what it does |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...c.engines.map(
      (e) =>
        `| ${e.engine} | ${int(e.scenarios)} | ${int(e.timing.nsPerCall)} | ${int(e.timing.callsPerSecond)} | ${ratio(e.costVsFairpost)} | ${e.note} |`,
    ),
    '',
  ];
}

const bytes = (n: number | undefined) =>
  n === undefined ? 'n/a (needs --expose-gc)' : `${int(n / 1024)} KiB`;

/** The figures as Markdown: tables for each case, partial scenarios, compile and memory, and the targets. */
export function formatFigures(figures: BenchFigures, targets: readonly TargetCheck[]): string {
  return [
    '## Targets (issue #9)',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    `## Complete scenarios (${int(figures.scenarios)} per policy; every engine agreed on every one it ran)`,
    '',
    '“cost vs Fairpost” is the engine’s time per decision divided by Fairpost’s validated `evaluate` in the same run:',
    'below 1× is faster than Fairpost, above is slower. json-rules-engine runs a prefix of the scenarios (it is slow).',
    '',
    ...figures.cases.flatMap(caseTable),
    `## Partial scenarios (Fairpost only, ${int(figures.partial[0]?.scenarios ?? 0)} per policy)`,
    '',
    'Each fact left out with the probability shown. The other engines cannot answer these exactly; Fairpost gives',
    '`undetermined` with the facts still needed whenever the outcome depends on a missing fact.',
    '',
    '| rules | facts unknown | decisions undetermined | ns per decision, validated | ns per decision, trusted |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...figures.partial.map(
      (p) =>
        `| ${int(p.rules)} | ${int(p.unknownShare * 100)}% | ${int(p.undeterminedShare * 100)}% | ${int(p.validated.nsPerCall)} | ${int(p.trusted.nsPerCall)} |`,
    ),
    '',
    '## Compile time and memory',
    '',
    'Memory is the heap retained per compiled policy (`process.memoryUsage().heapUsed` after full collections,',
    'several copies kept and divided). Regions and the rule index are built lazily, so “after use” includes the part',
    'of the index 2,000 scenarios filled in.',
    '',
    '| rules | compile (median ms) | retained after compile | retained after 2,000 decisions |',
    '| ---: | ---: | ---: | ---: |',
    ...figures.compile.map(
      (c) =>
        `| ${int(c.rules)} | ${fixed(c.compileMs)} | ${bytes(c.bytesCompiled)} | ${bytes(c.bytesAfterUse)} |`,
    ),
    '',
  ].join('\n');
}

/** The machine section of BENCHMARKS.md. */
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
