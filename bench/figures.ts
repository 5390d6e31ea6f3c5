// Collects every figure `pnpm bench` reports. Agreement is checked first; nothing is timed if an engine disagrees.
// Engines are timed in interleaved rounds (every engine once per round, order rotated), on CPU time beside wall
// time; each ratio is taken within a round, and reported as the median with the range over the rounds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compilePolicy, evaluate, type Policy, type Scenario } from '@fairpost/core';
import { checkAgreement, type Disagreement } from './agreement.js';
import { type BenchCase, benchCases, SCENARIO_SEED } from './bench-cases.js';
import { chunkedIfChain } from './engines/if-chain.js';
import {
  type Contender,
  canMeasureMemory,
  interleave,
  type Range,
  type RoundTimes,
  rangeOf,
  ratios,
  syncPass,
} from './measure.js';
import {
  BENCH_FACTS,
  generatedPolicy,
  generatedScenarios,
  LARGE_FACTS,
  sixteenRulePolicy,
} from './workload.js';

/** One engine's speed on one case. */
export interface EngineFigure {
  readonly engine: string;
  readonly note: string;
  readonly scenarios: number;
  readonly cpuNs: Range;
  readonly wallNs: Range;
  /** CPU time per decision over the floor's, round by round. */
  readonly vsFloor: Range;
}

/** The figures of one case. */
export interface CaseFigures {
  readonly name: string;
  readonly rules: number;
  readonly facts: number;
  readonly floor: string;
  readonly engines: readonly EngineFigure[];
}

/** Fairpost on partial scenarios against enumerating every completion through the chunked if-chain. */
export interface PartialFigures {
  readonly rules: number;
  readonly unknownShare: number;
  readonly undeterminedShare: number;
  readonly fairpostNs: Range;
  readonly floorNs: Range;
  readonly vsFloor: Range;
}

/** Heap after distinct scenarios on one compiled policy. */
export interface MemoryFigures {
  readonly rules: number;
  readonly heapAfterFirst: number;
  readonly heapAfterAll: number;
  readonly first: number;
  readonly all: number;
}

/** One task of the scale figures, run in a worker with a time limit. */
export interface ScaleFigure {
  readonly rules: number;
  readonly task: 'compile' | 'evaluate' | 'analyze';
  /** Milliseconds (compile, analyze) or microseconds per decision (evaluate); undefined when over the limit. */
  readonly value: number | undefined;
  readonly limitMs: number;
}

/** The browser bundle of `compilePolicy`, `evaluate` and `nextQuestion`. */
export interface BundleFigures {
  readonly minifiedKb: number;
  readonly gzipKb: number;
  /** The same bundle with the standard vocabulary's words left out: the code alone. */
  readonly codeMinifiedKb: number;
  readonly codeGzipKb: number;
  /** The standard vocabulary's words alone, gzipped. */
  readonly wordsGzipKb: number;
  /** The code's core modules with their kB before minifying, as measure-size.ts lists them. */
  readonly codeModules: readonly (readonly [string, number])[];
}

/** Everything a run found. */
export interface BenchFigures {
  readonly scenarios: number;
  readonly rounds: number;
  readonly cases: readonly CaseFigures[];
  readonly partial: readonly PartialFigures[];
  readonly memory: MemoryFigures | undefined;
  readonly scale: readonly ScaleFigure[];
  readonly bundle: BundleFigures | undefined;
}

/** Checks every case's engines agree; returns every disagreement found. */
export async function agreementOf(cases: readonly BenchCase[]): Promise<Disagreement[]> {
  const found: Disagreement[] = [];
  for (const c of cases) found.push(...(await checkAgreement(c)));
  return found;
}

const ROUNDS = 7;
/** Fresh scenarios per round for the "unseen" contenders (none of them timed before that round). */
const UNSEEN_PER_ROUND = 5_000;
/** Scenarios the unseen contenders warm up on, none of them timed. */
const UNSEEN_WARM_UP = 50_000;

async function caseFigures(c: BenchCase, log: (line: string) => void): Promise<CaseFigures> {
  const contenders: Contender[] = [];
  const notes = new Map<string, { note: string; scenarios: number }>();
  for (const { engine, scenarioCount } of c.engines) {
    const scenarios = c.scenarios.slice(0, scenarioCount);
    const inputs = engine.prepare ? scenarios.map(engine.prepare) : scenarios;
    notes.set(engine.name, { note: engine.note, scenarios: scenarioCount });
    if (engine.isAsync) {
      const decide = engine.decide as (input: unknown) => Promise<unknown>;
      contenders.push({
        name: engine.name,
        pass: async () => {
          for (const input of inputs) await decide(input);
          return inputs.length;
        },
      });
    } else {
      contenders.push({
        name: engine.name,
        pass: syncPass(engine.decide as (i: unknown) => unknown, () => inputs),
      });
    }
  }
  // Large policies: the same engines on scenarios never seen before, fresh every round.
  if (c.policy.rules.length >= 200) {
    const sets = Array.from({ length: ROUNDS }, (_, r) =>
      generatedScenarios(UNSEEN_PER_ROUND, SCENARIO_SEED + 1 + r, c.facts),
    );
    // The warm-up (round -1) runs on scenarios of its own, many of them, so that every rule's branch has run before
    // timing, in the engines and the floor alike: warmed on 5,000, the rules first taken in a timed round cost a
    // deoptimisation and a recompilation inside it (bench/probe-unseen.ts measures both).
    const warm = generatedScenarios(UNSEEN_WARM_UP, SCENARIO_SEED + 1 + ROUNDS, c.facts);
    const unseen = (round: number) => (round < 0 ? warm : sets[round]!);
    for (const entry of c.engines.slice(0, 3)) {
      const name = `${entry.engine.name}, unseen scenarios`;
      notes.set(name, {
        note: `${entry.engine.note}; ${UNSEEN_PER_ROUND.toLocaleString('en-GB')} new each round`,
        scenarios: UNSEEN_PER_ROUND,
      });
      contenders.push({ name, pass: syncPass(entry.engine.decide as (i: unknown) => unknown, unseen) });
    }
  }
  log(`  ${c.name}: ${contenders.length} engines, ${ROUNDS} interleaved rounds…`);
  const times = await interleave(contenders, { rounds: ROUNDS });
  const floorOf = (name: string) =>
    times.get(name.endsWith(', unseen scenarios') ? `${c.floor}, unseen scenarios` : c.floor)!;
  return {
    name: c.name,
    rules: c.policy.rules.length,
    facts: c.facts.length,
    floor: c.floor,
    engines: contenders.map(({ name }) => {
      const t = times.get(name)!;
      return {
        engine: name,
        note: notes.get(name)!.note,
        scenarios: notes.get(name)!.scenarios,
        cpuNs: rangeOf(t.cpuNs),
        wallNs: rangeOf(t.wallNs),
        vsFloor: rangeOf(ratios(t, floorOf(name))),
      };
    }),
  };
}

/**
 * The floor for partial scenarios: every completion of the unknown facts the rules test, each through the chunked
 * if-chain, collecting the deciding rules (from which the possible outcomes follow). It does not find the facts
 * still needed; Fairpost does, exactly.
 */
function enumerateCompletions(policy: Policy): (scenario: Scenario) => Set<number> {
  const compiled = compilePolicy(policy);
  const chain = chunkedIfChain(policy);
  const facts = compiled.factsInPlay;
  return (scenario) => {
    const known = scenario as Record<string, unknown>;
    const unknown = facts.filter((f) => known[f] === undefined);
    const deciders = new Set<number>();
    const completion: Record<string, unknown> = { ...known };
    const visit = (i: number): void => {
      if (i === unknown.length) {
        deciders.add(chain(completion as Scenario));
        return;
      }
      for (const value of compiled.domains(unknown[i]!)) {
        completion[unknown[i]!] = value;
        visit(i + 1);
      }
    };
    visit(0);
    return deciders;
  };
}

async function partialFigures(rules: number, log: (line: string) => void): Promise<PartialFigures> {
  const policy = rules === 16 ? sixteenRulePolicy() : generatedPolicy(rules);
  const compiled = compilePolicy(policy);
  const scenarios = generatedScenarios(rules >= 2000 ? 300 : 1000, 7_777, BENCH_FACTS, 0.25);
  const undetermined = scenarios.filter((s) => evaluate(compiled, s).outcome === 'undetermined').length;
  const floor = enumerateCompletions(policy);
  log(`  partial scenarios, ${rules} rules…`);
  const times = await interleave(
    [
      {
        name: 'fairpost',
        pass: syncPass(
          (s) => evaluate(compiled, s as Scenario),
          () => scenarios,
        ),
      },
      {
        name: 'floor',
        pass: syncPass(
          (s) => floor(s as Scenario),
          () => scenarios,
        ),
      },
    ],
    { rounds: 5, warmupMs: 300, minRoundMs: 60 },
  );
  const f = times.get('fairpost')!;
  const e = times.get('floor')!;
  return {
    rules,
    unknownShare: 0.25,
    undeterminedShare: undetermined / scenarios.length,
    fairpostNs: rangeOf(f.cpuNs),
    floorNs: rangeOf(e.cpuNs),
    vsFloor: rangeOf(ratios(f, e)),
  };
}

function memoryFigures(log: (line: string) => void): MemoryFigures | undefined {
  if (!canMeasureMemory()) return undefined;
  log('  memory: 100,000 distinct scenarios on 200 rules…');
  const gc = (globalThis as unknown as { gc: () => void }).gc;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const compiled = compilePolicy(generatedPolicy(200, 200, LARGE_FACTS));
  const run = (count: number, seed: number) => {
    // In batches, so the scenarios themselves are not kept.
    for (let done = 0; done < count; done += 1000)
      for (const s of generatedScenarios(1000, seed + done, LARGE_FACTS)) evaluate(compiled, s);
  };
  run(1000, 1);
  const heapAfterFirst = heap();
  run(99_000, 1_000_000);
  const heapAfterAll = heap();
  return { rules: 200, heapAfterFirst, heapAfterAll, first: 1000, all: 100_000 };
}

/**
 * Runs one scale task in a child process, stopped after `limitMs` of CPU time (the whole child's, building the
 * policy included): `ulimit -t` makes the kernel stop it, so a busy machine does not cut a run short as a wall-clock
 * limit would. Ten times the limit of wall time is the backstop.
 */
function scaleTask(rules: number, task: ScaleFigure['task'], limitMs: number): ScaleFigure {
  const script = fileURLToPath(new URL('./scale-task.ts', import.meta.url));
  const run = spawnSync(
    '/bin/sh',
    [
      '-c',
      `ulimit -t ${Math.ceil(limitMs / 1000)}; exec "$0" "$@"`,
      process.execPath,
      '--conditions=fairpost-source',
      '--import',
      'tsx',
      script,
      String(rules),
      task,
    ],
    { encoding: 'utf8', timeout: limitMs * 10, maxBuffer: 1 << 20 },
  );
  if (run.status !== 0 && run.signal === null) throw new Error(`${task} ${rules} failed: ${run.stderr}`);
  const value = run.status === 0 ? Number(run.stdout.trim()) : undefined;
  return { rules, task, value, limitMs };
}

function scaleFigures(log: (line: string) => void): ScaleFigure[] {
  const out: ScaleFigure[] = [];
  for (const rules of [2000, 20_000]) {
    for (const task of ['compile', 'evaluate', 'analyze'] as const) {
      log(`  scale: ${task}, ${rules.toLocaleString('en-GB')} rules…`);
      out.push(scaleTask(rules, task, task === 'analyze' ? 60_000 : 30_000));
    }
  }
  return out;
}

/** Measures the browser bundle with the intranet's own script (Vite, minified, gzipped). */
function bundleFigures(log: (line: string) => void): BundleFigures | undefined {
  log('  browser bundle (examples/intranet/scripts/measure-size.ts)…');
  const script = fileURLToPath(new URL('../examples/intranet/scripts/measure-size.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--conditions=fairpost-source', '--import', 'tsx', script], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const sizes = (entry: string) => {
    const match = new RegExp(`^${entry}: ([\\d.]+) kB minified, ([\\d.]+) kB gzipped`, 'm').exec(
      run.stdout ?? '',
    );
    return match ? { minified: Number(match[1]), gzip: Number(match[2]) } : undefined;
  };
  const [all, code, words] = ['evaluate-compiled', 'evaluate-compiled-code', 'vocabulary-words'].map(sizes);
  const modules =
    /^evaluate-compiled-code:.*\n(?: {2}.*\n)*? {2}core modules \(before minifying\): (.*)$/m.exec(
      run.stdout ?? '',
    );
  const codeModules = (modules?.[1] ?? '').split(', ').flatMap((entry) => {
    const m = /^(\S+) ([\d.]+) kB$/.exec(entry);
    return m ? [[m[1]!, Number(m[2])] as const] : [];
  });
  return all && code && words && codeModules.length > 0
    ? {
        minifiedKb: all.minified,
        gzipKb: all.gzip,
        codeMinifiedKb: code.minified,
        codeGzipKb: code.gzip,
        wordsGzipKb: words.gzip,
        codeModules,
      }
    : undefined;
}

/** Options for `collectFigures`. */
export interface CollectOptions {
  readonly scenarios?: number;
  readonly log?: (line: string) => void;
}

/** Builds the cases, checks agreement (returning every disagreement), then measures everything. */
export async function collectFigures(options: CollectOptions = {}): Promise<BenchFigures | Disagreement[]> {
  const log = options.log ?? (() => {});
  const scenarios = options.scenarios ?? 10_000;
  const cases = benchCases({ scenarios });
  log(`Checking that every engine agrees on ${scenarios.toLocaleString('en-GB')} scenarios per policy…`);
  const disagreements = await agreementOf(cases);
  if (disagreements.length > 0) return disagreements;
  log('All engines agree. Timing…');
  const figures: CaseFigures[] = [];
  for (const c of cases) figures.push(await caseFigures(c, log));
  const partial: PartialFigures[] = [];
  for (const rules of [16, 200, 2000]) partial.push(await partialFigures(rules, log));
  return {
    scenarios,
    rounds: ROUNDS,
    cases: figures,
    partial,
    memory: memoryFigures(log),
    scale: scaleFigures(log),
    bundle: bundleFigures(log),
  };
}

export type { RoundTimes };
