// Timing and memory helpers. The machine is shared and noisy: every figure is the median of several rounds after a
// warm-up, and the report compares ratios measured in the same run rather than absolute times.

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Timing options. */
export interface TimingOptions {
  /** Rounds measured (the median is reported). Default 9. */
  readonly rounds?: number;
  /** Untimed rounds first, so the JIT has compiled the code under test. Default 2. */
  readonly warmup?: number;
  /** A round repeats its pass until it lasts at least this long, so the timer's grain does not matter. Default 25. */
  readonly minRoundMs?: number;
}

/** What a timing found: the median nanoseconds per call and the rounds behind it. */
export interface Timing {
  readonly nsPerCall: number;
  readonly callsPerSecond: number;
  readonly rounds: number;
  readonly calls: number;
}

type Pass = (decide: (input: unknown) => unknown, inputs: readonly unknown[], passes: number) => unknown;

/**
 * A fresh loop function for each engine (new Function), so one engine's calls do not make the loop's call site
 * polymorphic for the next; results go to a returned sink so no call can be optimised away.
 */
function freshPass(): Pass {
  return new Function(
    'decide',
    'inputs',
    'passes',
    `let sink;
     for (let p = 0; p < passes; p++) for (let i = 0; i < inputs.length; i++) sink = decide(inputs[i]);
     return sink;`,
  ) as Pass;
}

/** Times a synchronous function over inputs: median ns per call. */
export function timeSync(
  decide: (input: unknown) => unknown,
  inputs: readonly unknown[],
  options: TimingOptions = {},
): Timing {
  const { rounds = 9, warmup = 2, minRoundMs = 25 } = options;
  const pass = freshPass();
  const started = performance.now();
  pass(decide, inputs, 1);
  const once = Math.max(performance.now() - started, 0.001);
  const passes = Math.max(1, Math.min(1000, Math.ceil(minRoundMs / once)));
  for (let i = 0; i < warmup; i++) pass(decide, inputs, passes);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    pass(decide, inputs, passes);
    times.push((performance.now() - t0) / (passes * inputs.length));
  }
  const ms = median(times);
  return { nsPerCall: ms * 1e6, callsPerSecond: 1000 / ms, rounds, calls: passes * inputs.length * rounds };
}

/** Times an async function over inputs, awaiting each call in turn: median ns per call. */
export async function timeAsync(
  decide: (input: unknown) => Promise<unknown>,
  inputs: readonly unknown[],
  options: TimingOptions = {},
): Promise<Timing> {
  const { rounds = 3, warmup = 1 } = options;
  const pass = async () => {
    for (const input of inputs) await decide(input);
  };
  for (let i = 0; i < warmup; i++) await pass();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await pass();
    times.push((performance.now() - t0) / inputs.length);
  }
  const ms = median(times);
  return { nsPerCall: ms * 1e6, callsPerSecond: 1000 / ms, rounds, calls: inputs.length * rounds };
}

/** Median milliseconds of a function over `rounds` runs after one warm-up. */
export function timeOnce(run: () => unknown, rounds: number): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory figures need node --expose-gc');
  gc();
  gc();
};

/** Whether the process was started with --expose-gc, so memory can be measured. */
export const canMeasureMemory = (): boolean => typeof (globalThis as { gc?: unknown }).gc === 'function';

/**
 * Heap bytes retained per object `make` builds: `copies` are built and kept, and the heap is compared before and
 * after, each time after full garbage collections. `use` runs on each copy before the second reading (to include
 * caches an object fills as it is used).
 */
export function retainedBytes<T>(make: () => T, copies: number, use: (made: T) => void = () => {}): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, make);
  for (const made of kept) use(made);
  collect();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== copies) throw new Error('unreachable: copies were dropped');
  return (after - before) / copies;
}

/** A median with the smallest and largest value it was taken from. */
export interface Range {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The median and range of some numbers. */
export function rangeOf(values: readonly number[]): Range {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** One thing timed in interleaved rounds: `pass(round)` runs once over its inputs and returns the calls it made. */
export interface Contender {
  readonly name: string;
  readonly pass: (round: number) => number | Promise<number>;
}

/** What interleaved rounds found for one contender: nanoseconds per call in each round, CPU and wall. */
export interface RoundTimes {
  readonly cpuNs: number[];
  readonly wallNs: number[];
}

/** Options for `interleave`. */
export interface InterleaveOptions {
  /** Measured rounds (at least 5). Default 7. */
  readonly rounds?: number;
  /** Each contender runs this long before timing starts, so V8 has tiered its code up. Default 400. */
  readonly warmupMs?: number;
  /** A contender repeats its pass within a round until this much CPU time has passed. Default 40. */
  readonly minRoundMs?: number;
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/**
 * Times contenders in interleaved rounds: every contender once per round, the order rotated each round, so a burst
 * of load from other processes falls on all of them rather than on one. Each measurement is CPU time (what this
 * process used) beside wall time; the caller takes ratios within a round.
 */
export async function interleave(
  contenders: readonly Contender[],
  options: InterleaveOptions = {},
): Promise<Map<string, RoundTimes>> {
  const { rounds = 7, warmupMs = 400, minRoundMs = 40 } = options;
  const out = new Map<string, RoundTimes>(contenders.map((c) => [c.name, { cpuNs: [], wallNs: [] }]));
  for (const c of contenders) {
    const started = cpuMicros();
    while (cpuMicros() - started < warmupMs * 1000) await c.pass(-1);
  }
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + round) % contenders.length]!;
      let calls = 0;
      const cpu0 = cpuMicros();
      const wall0 = performance.now();
      while (cpuMicros() - cpu0 < minRoundMs * 1000) calls += await c.pass(round);
      const times = out.get(c.name)!;
      times.cpuNs.push(((cpuMicros() - cpu0) * 1000) / calls);
      times.wallNs.push(((performance.now() - wall0) * 1e6) / calls);
    }
  }
  return out;
}

/** The ratio of two contenders' CPU times, round by round. */
export function ratios(a: RoundTimes, b: RoundTimes): number[] {
  return a.cpuNs.map((ns, i) => ns / b.cpuNs[i]!);
}

/** Runs `decide` over inputs once (a fresh loop per contender keeps call sites monomorphic). */
export function syncPass(
  decide: (input: unknown) => unknown,
  inputsFor: (round: number) => readonly unknown[],
) {
  const pass = freshPass();
  return (round: number): number => {
    const inputs = inputsFor(round);
    pass(decide, inputs, 1);
    return inputs.length;
  };
}
