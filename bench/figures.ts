// Collects every figure `pnpm bench` reports. Agreement is checked first; nothing is timed if an engine disagrees.
import { compilePolicy, evaluate, type Policy, type Scenario } from '@fairpost/core';
import { checkAgreement, type Disagreement } from './agreement.js';
import { type BenchCase, benchCases } from './bench-cases.js';
import { canMeasureMemory, retainedBytes, type Timing, timeAsync, timeOnce, timeSync } from './measure.js';
import { generatedScenarios } from './workload.js';

/** One engine's speed on one case. */
export interface EngineFigure {
  readonly engine: string;
  readonly note: string;
  readonly scenarios: number;
  readonly timing: Timing;
  /** This engine's time per decision divided by Fairpost's (validated): above 1 is slower than Fairpost. */
  readonly costVsFairpost: number;
}

/** The figures of one case. */
export interface CaseFigures {
  readonly name: string;
  readonly rules: number;
  readonly engines: readonly EngineFigure[];
}

/** Fairpost alone on partial scenarios (some facts unknown), where the other engines have no exact answer. */
export interface PartialFigures {
  readonly rules: number;
  readonly scenarios: number;
  readonly unknownShare: number;
  readonly undeterminedShare: number;
  readonly validated: Timing;
  readonly trusted: Timing;
}

/** Compile time and memory for one policy size. */
export interface CompileFigures {
  readonly rules: number;
  readonly compileMs: number;
  /** Heap retained per compiled policy right after compiling (regions and the rule index are built lazily). */
  readonly bytesCompiled: number | undefined;
  /** The same after deciding the case's scenarios with it (the rule index filled in). */
  readonly bytesAfterUse: number | undefined;
}

/** Everything a run found. */
export interface BenchFigures {
  readonly scenarios: number;
  readonly cases: readonly CaseFigures[];
  readonly partial: readonly PartialFigures[];
  readonly compile: readonly CompileFigures[];
}

/** Checks every case's engines agree; returns every disagreement found. */
export async function agreementOf(cases: readonly BenchCase[]): Promise<Disagreement[]> {
  const found: Disagreement[] = [];
  for (const c of cases) found.push(...(await checkAgreement(c)));
  return found;
}

async function caseFigures(c: BenchCase, log: (line: string) => void): Promise<CaseFigures> {
  const timings: { engine: BenchCase['engines'][number]; timing: Timing }[] = [];
  for (const entry of c.engines) {
    const { engine, scenarioCount } = entry;
    const scenarios = c.scenarios.slice(0, scenarioCount);
    const inputs = engine.prepare ? scenarios.map(engine.prepare) : scenarios;
    const decide = engine.decide as (input: unknown) => unknown;
    const timing = engine.isAsync
      ? await timeAsync(decide as (input: unknown) => Promise<unknown>, inputs)
      : timeSync(decide, inputs);
    log(
      `  ${c.name}: ${engine.name}: ${Math.round(timing.nsPerCall).toLocaleString('en-GB')} ns per decision`,
    );
    timings.push({ engine: entry, timing });
  }
  const reference = timings[0]!.timing.nsPerCall;
  return {
    name: c.name,
    rules: c.policy.rules.length,
    engines: timings.map(({ engine, timing }) => ({
      engine: engine.engine.name,
      note: engine.engine.note,
      scenarios: engine.scenarioCount,
      timing,
      costVsFairpost: timing.nsPerCall / reference,
    })),
  };
}

/** Partial scenarios often take the exact (region) path, which costs far more: fewer, shorter rounds. */
const PARTIAL_TIMING = { rounds: 3, warmup: 0, minRoundMs: 1 } as const;
/** How many partial scenarios each policy is timed on. */
const PARTIAL_SCENARIOS = 1000;

function partialFigures(policy: Policy, count: number, unknownShare: number): PartialFigures {
  const compiled = compilePolicy(policy);
  const scenarios = generatedScenarios(count, 7_777, undefined, unknownShare);
  const undetermined = scenarios.filter((s) => evaluate(compiled, s).outcome === 'undetermined').length;
  return {
    rules: policy.rules.length,
    scenarios: count,
    unknownShare,
    undeterminedShare: undetermined / count,
    validated: timeSync((s) => evaluate(compiled, s as Scenario), scenarios, PARTIAL_TIMING),
    trusted: timeSync((s) => evaluate(compiled, s as Scenario, { trusted: true }), scenarios, PARTIAL_TIMING),
  };
}

function compileFigures(c: BenchCase): CompileFigures {
  const rules = c.policy.rules.length;
  const compileMs = timeOnce(() => compilePolicy(c.policy), rules <= 16 ? 200 : rules <= 200 ? 50 : 15);
  if (!canMeasureMemory()) return { rules, compileMs, bytesCompiled: undefined, bytesAfterUse: undefined };
  const copies = rules <= 16 ? 50 : rules <= 200 ? 20 : 5;
  const scenarios = c.scenarios.slice(0, 2000);
  return {
    rules,
    compileMs,
    bytesCompiled: retainedBytes(() => compilePolicy(c.policy), copies),
    bytesAfterUse: retainedBytes(
      () => compilePolicy(c.policy),
      copies,
      (compiled) => {
        for (const s of scenarios) evaluate(compiled, s, { trusted: true });
      },
    ),
  };
}

/** Options for `collectFigures`. */
export interface CollectOptions {
  readonly scenarios?: number;
  readonly log?: (line: string) => void;
}

/** Builds the cases, checks agreement (throwing with every disagreement), then measures everything. */
export async function collectFigures(options: CollectOptions = {}): Promise<BenchFigures | Disagreement[]> {
  const log = options.log ?? (() => {});
  const scenarios = options.scenarios ?? 10_000;
  const cases = benchCases({ scenarios });
  log(`Checking that every engine agrees on ${scenarios.toLocaleString('en-GB')} scenarios per policy…`);
  const disagreements = await agreementOf(cases);
  if (disagreements.length > 0) return disagreements;
  log('All engines agree. Timing (median of several rounds after warm-up)…');
  const figures: CaseFigures[] = [];
  for (const c of cases) figures.push(await caseFigures(c, log));
  log('Partial scenarios, compile time and memory…');
  return {
    scenarios,
    cases: figures,
    partial: cases.map((c) => {
      log(`  partial scenarios, ${c.name}`);
      return partialFigures(c.policy, Math.min(scenarios, PARTIAL_SCENARIOS), 0.25);
    }),
    compile: cases.map((c) => {
      log(`  compile and memory, ${c.name}`);
      return compileFigures(c);
    }),
  };
}
