// How fast the exact analysis is: `analyzePolicy` on generated policies of growing size (both resolutions), and
// `comparePolicies` on every pair of example policies. Imported by `pnpm bench`; run alone with
// `node --conditions=fairpost-source --import tsx bench/analysis-figures.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  analyzePolicy,
  type CompiledPolicy,
  comparePolicies,
  compilePolicy,
  type Policy,
  parsePolicySource,
} from '@fairpost/core';
import { generatedPolicy } from './workload.js';

/** The analysis figures for one generated policy. */
export interface AnalysisFigure {
  readonly rules: number;
  readonly resolution: Policy['resolution'];
  /** Median wall time of `analyzePolicy` on a freshly compiled policy (regions included), in milliseconds. */
  readonly milliseconds: number;
  /** Median CPU time of the same, in milliseconds: steadier than wall time on a shared machine. */
  readonly cpuMilliseconds: number;
  readonly findings: number;
  readonly gaps: number;
}

/** The comparison figures for the example policies. */
export interface ComparisonFigure {
  readonly pairs: number;
  /** Total time to compare every pair once, in milliseconds. */
  readonly milliseconds: number;
  /** The slowest pair, in milliseconds. */
  readonly slowest: number;
  readonly differences: number;
}

/** Every figure of the analysis. */
export interface AnalysisFigures {
  readonly analysis: readonly AnalysisFigure[];
  readonly comparison: ComparisonFigure;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeAnalysis(
  policy: Policy,
  runs: number,
): { milliseconds: number; cpuMilliseconds: number; findings: number; gaps: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  let gaps = 0;
  for (let run = 0; run < runs; run++) {
    // Compile each time: regions are computed lazily and cached, and their cost is part of the analysis.
    const compiled = compilePolicy(policy);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const found = analyzePolicy(compiled);
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    findings = found.length;
    gaps = found.filter((f) => f.code === 'gap').length;
  }
  return { milliseconds: median(times), cpuMilliseconds: median(cpu), findings, gaps };
}

const EXAMPLES = fileURLToPath(new URL('../examples/policies/', import.meta.url));

function examplePolicies(folder: string): CompiledPolicy[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'))
    .sort()
    .map((file) => {
      const parsed = parsePolicySource(readFileSync(join(folder, file), 'utf8'), { filename: file });
      if (!parsed.ok) throw new Error(`${file} is not a valid policy: ${parsed.issues[0]?.message}`);
      return compilePolicy(parsed.policy);
    });
}

/**
 * Measures the analysis: `analyzePolicy` on generated policies of each size under both resolutions (median of
 * `runs`), and `comparePolicies` on every pair of the policies in `folder` (default `examples/policies`).
 * @example
 * const { analysis, comparison } = analysisFigures();
 */
export function analysisFigures(
  sizes: readonly number[] = [25, 50, 100, 200],
  runs = 5,
  folder: string = EXAMPLES,
): AnalysisFigures {
  const analysis = sizes.flatMap((rules) =>
    (['first-match', 'strictest'] as const).map((resolution): AnalysisFigure => {
      const policy = { ...generatedPolicy(rules), resolution };
      return { rules, resolution, ...timeAnalysis(policy, runs) };
    }),
  );
  const examples = examplePolicies(folder);
  let slowest = 0;
  let differences = 0;
  let pairs = 0;
  const started = performance.now();
  for (let i = 0; i < examples.length; i++)
    for (let j = i + 1; j < examples.length; j++) {
      const t = performance.now();
      differences += comparePolicies(examples[i]!, examples[j]!).differences.length;
      slowest = Math.max(slowest, performance.now() - t);
      pairs++;
    }
  const comparison = { pairs, milliseconds: performance.now() - started, slowest, differences };
  return { analysis, comparison };
}

/** The figures as Markdown. */
export function formatAnalysisFigures(figures: AnalysisFigures): string {
  const ms = (x: number) => x.toFixed(1);
  const c = figures.comparison;
  return [
    '| rules | resolution | analyzePolicy ms (median wall) | CPU ms (median) | findings | gaps |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...figures.analysis.map(
      (f) =>
        `| ${f.rules} | ${f.resolution} | ${ms(f.milliseconds)} | ${ms(f.cpuMilliseconds)} | ${f.findings} | ${f.gaps} |`,
    ),
    '',
    `comparePolicies on every pair of the example policies: ${c.pairs} pairs in ${ms(
      c.milliseconds,
    )} ms (slowest pair ${ms(c.slowest)} ms), ${c.differences} regions of difference.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatAnalysisFigures(analysisFigures()));
}
