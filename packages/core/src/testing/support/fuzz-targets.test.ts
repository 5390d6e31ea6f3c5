import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import regressions from './fuzz-regressions.json' with { type: 'json' };
import { FUZZ_TARGETS, type FuzzRegression, type FuzzTarget, replay, runFuzzTarget } from './fuzz-targets.js';
import { runs } from '../../../../../test/support/property-runs.js';

// The small run of `pnpm fuzz` in the test suite; FAIRPOST_PROPERTY_SCALE (pnpm test:long) makes it longer.
const RUNS = runs(60);
const SEED = Number(process.env.FAIRPOST_FUZZ_SEED ?? 19);

describe('fuzz targets (a small run of pnpm fuzz)', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))(
    '%s: no throw, nothing over 1 s, no disagreement',
    (_n, target) => {
      const report = runFuzzTarget(target, RUNS, SEED);
      expect(report.failure).toBeUndefined();
      expect([report.throws, report.slow, report.disagreements]).toEqual([0, 0, 0]);
    },
    120_000,
  );

  it.each((regressions as FuzzRegression[]).map((r) => [r.target, r] as const))(
    'kept failure of %s stays fixed',
    (_n, regression) => {
      expect(replay(regression)).toBeUndefined();
    },
  );
});

describe('the fuzz runner', () => {
  const broken: FuzzTarget<unknown> = {
    name: 'numbers under 1000',
    budget: 'parse',
    arbitrary: fc.nat() as fc.Arbitrary<unknown>,
    check: (n) => ((n as number) < 1000 ? undefined : `${n} is not under 1000`),
  };

  it('counts every failure, shrinks the first to the smallest counterexample, and can replay it', () => {
    const report = runFuzzTarget(broken, 500, 7);
    expect(report.disagreements).toBeGreaterThan(0);
    expect(report.failure?.counterexample).toBe('[1000]');
    expect(report.failure?.problem).toBe('1000 is not under 1000');
  });

  it('counts a throw as a throw', () => {
    const throwing: FuzzTarget<unknown> = {
      ...broken,
      check: () => {
        throw Symbol('no');
      },
    };
    expect(runFuzzTarget(throwing, 20, 7)).toMatchObject({ throws: 20, disagreements: 0 });
  });

  it('counts an input as slow only when a second try is slow too', () => {
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // Spin: a call that really takes this long.
      }
    };
    let calls = 0;
    const slowOnce: FuzzTarget<unknown> = {
      ...broken,
      check: () => {
        if (calls++ === 0) busy(30);
        return undefined;
      },
    };
    const once = runFuzzTarget(slowOnce, 5, 7, 20);
    expect(once.slow).toBe(0);
    expect(once.failure).toBeUndefined();
    const alwaysSlow: FuzzTarget<unknown> = { ...broken, check: () => void busy(30) };
    const report = runFuzzTarget(alwaysSlow, 3, 7, 20);
    expect(report.slow).toBe(3);
    expect(report.failure?.problem).toMatch(/^took \d+ ms, twice$/);
  });
});
