/**
 * Timing for tests that check growth, not speed: the least of several runs (so a pause of the shared machine does
 * not count), and a check that ten times the input takes at most about ten times as long.
 */
export function leastTime(run: () => unknown, repeats = 5): number {
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    least = Math.min(least, performance.now() - start);
  }
  return least;
}

/**
 * How the time of `run` grows from size `n` to `10n`: the ratio of the least times, with `floor` milliseconds added
 * to both so that timer noise on sub-millisecond runs cannot look like growth. Linear work gives about 10; quadratic,
 * about 100.
 */
export function growthFactor(run: (size: number) => unknown, n: number, floor = 2): number {
  run(n); // warm up the code paths before timing either size
  // Interleaved, so that a busy spell of a shared machine slows both sizes rather than one.
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    small = Math.min(
      small,
      leastTime(() => run(n), 2),
    );
    large = Math.min(
      large,
      leastTime(() => run(10 * n), 1),
    );
  }
  return (large + floor) / (small + floor);
}
