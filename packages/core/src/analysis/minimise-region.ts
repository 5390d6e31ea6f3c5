import {
  disjoint,
  type MaskCube,
  type MaskRegion,
  mergeCubes,
  type ScenarioSpace,
  within,
} from '../region/region.js';

/** How many values a cube allows fact f, and how many of those another cube allows too. */
function popcount(word: number): number {
  let n = word >>> 0;
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The number of scenarios two cubes share, exactly (a BigInt: spaces of 30 facts outgrow a double). */
function sharedCount(space: ScenarioSpace, a: MaskCube, b: MaskCube): bigint {
  let count = 1n;
  for (let f = 0; f < space.facts.length; f++) {
    const n = sharedValues(space, a, b, f);
    if (n === 0) return 0n;
    count *= BigInt(n);
  }
  return count;
}

/** How many values of fact f both cubes allow. */
function sharedValues(space: ScenarioSpace, a: MaskCube, b: MaskCube, f: number): number {
  const offset = space.offsets[f]!;
  let n = 0;
  for (let w = offset; w < offset + space.widths[f]!; w++) n += popcount(a[w]! & b[w]!);
  return n;
}

/**
 * The same as a double: exact while every product stays at most `Number.MAX_SAFE_INTEGER`, which holds whenever
 * the cube's own count does (a shared count is a product of smaller factors).
 */
function sharedCountNumber(space: ScenarioSpace, a: MaskCube, b: MaskCube): number {
  let count = 1;
  for (let f = 0; f < space.facts.length; f++) {
    const n = sharedValues(space, a, b, f);
    if (n === 0) return 0;
    count *= n;
  }
  return count;
}

/**
 * Whether a cube lies inside a region of pairwise disjoint cubes: exactly when the scenarios it shares with them add
 * up to its own. Counting avoids subtraction, whose pieces multiply; growing a cube asks this hundreds of times.
 */
function insideDisjoint(space: ScenarioSpace, cube: MaskCube, region: MaskRegion): boolean {
  const size = sharedCountNumber(space, cube, cube);
  if (size <= Number.MAX_SAFE_INTEGER) {
    // Every shared count is at most `size`, and disjoint pieces share at most `size` in all: all sums stay exact.
    let covered = 0;
    for (const piece of region) {
      covered += sharedCountNumber(space, cube, piece);
      if (covered >= size) return true;
    }
    return false;
  }
  const exact = sharedCount(space, cube, cube);
  let covered = 0n;
  for (const piece of region) {
    covered += sharedCount(space, cube, piece);
    if (covered >= exact) return true;
  }
  return false;
}

function factMask(space: ScenarioSpace, f: number): { offset: number; end: number } {
  const offset = space.offsets[f]!;
  return { offset, end: offset + space.widths[f]! };
}

/**
 * Grows a cube, fact by fact, as far as it stays inside the region (given as disjoint cubes): first every fact it can leave unconstrained (a
 * fact dropped is a clause less to read), then value by value. The result is a prime implicant: no fact can take
 * one more value without leaving the region.
 */
function expandCube(space: ScenarioSpace, cube: MaskCube, region: MaskRegion): MaskCube {
  const grown = cube.slice();
  for (let f = 0; f < space.facts.length; f++) {
    const { offset, end } = factMask(space, f);
    let full = true;
    for (let w = offset; w < end; w++) if (grown[w] !== space.full[w]) full = false;
    if (full) continue;
    const candidate = grown.slice();
    for (let w = offset; w < end; w++) candidate[w] = space.full[w]!;
    if (insideDisjoint(space, candidate, region)) grown.set(candidate);
  }
  for (let f = 0; f < space.facts.length; f++) {
    const { offset } = factMask(space, f);
    for (let v = 0; v < space.domains[f]!.length; v++) {
      const word = offset + (v >>> 5);
      const bit = (1 << (v & 31)) >>> 0;
      if ((grown[word]! & bit) !== 0) continue;
      const candidate = grown.slice();
      candidate[word] = (candidate[word]! | bit) >>> 0;
      if (insideDisjoint(space, candidate, region)) grown.set(candidate);
    }
  }
  return grown;
}

/** How many facts a cube constrains: the clauses its description needs. */
export function constrainedFacts(space: ScenarioSpace, cube: MaskCube): number {
  let count = 0;
  for (let f = 0; f < space.facts.length; f++) {
    const { offset, end } = factMask(space, f);
    for (let w = offset; w < end; w++)
      if (cube[w] !== space.full[w]) {
        count++;
        break;
      }
  }
  return count;
}

/**
 * The same scenarios as a region, as few and as large cubes as a greedy cover finds: cubes merged, each grown to a
 * prime implicant (as large as it can be while staying inside the region), then as few of them chosen as a greedy
 * cover needs.
 * Exact: the union of the result is the region. The cubes may overlap, so measure shares on `disjoint` of it.
 */
export function minimiseRegion(space: ScenarioSpace, region: MaskRegion): MaskCube[] {
  if (region.length === 0) return [];
  // The disjoint pieces each lie inside one cube of the region, so inside the prime grown from it; merged, they
  // are fewer to count against when growing, but a merged piece may straddle two primes, so the cover uses the
  // pieces as they are.
  const separate = disjoint(region, space);
  const pieces = mergeCubes(separate, space);
  const merged = mergeCubes(region, space);
  const primes: MaskCube[] = [];
  for (const cube of merged) {
    // A cube already inside a prime found earlier adds nothing.
    if (primes.some((p) => within(cube, p))) continue;
    const prime = expandCube(space, cube, pieces);
    for (let i = primes.length - 1; i >= 0; i--) if (within(primes[i]!, prime)) primes.splice(i, 1);
    primes.push(prime);
  }
  // Every separate piece lies inside some prime (inside the one grown from a cube holding it, or one that swallowed
  // that); choose, greedily, primes until each lies inside one chosen: the fewest clauses for the most pieces first.
  const holders = separate.map((piece) => primes.filter((p) => within(piece, p)));
  const uncovered = new Set(separate.map((_, i) => i));
  const chosen = new Set<MaskCube>();
  while (uncovered.size > 0) {
    let best: MaskCube | undefined;
    let bestScore = -1;
    for (const prime of primes) {
      if (chosen.has(prime)) continue;
      let score = 0;
      for (const i of uncovered) if (holders[i]!.includes(prime)) score++;
      if (score === 0) continue;
      const better =
        score > bestScore ||
        (score === bestScore && constrainedFacts(space, prime) < constrainedFacts(space, best!));
      if (better) {
        best = prime;
        bestScore = score;
      }
    }
    // Unreachable: every piece has a holder. Kept so a mistake shows as the whole region, not a loop.
    if (!best) return merged;
    chosen.add(best);
    for (const i of [...uncovered]) if (holders[i]!.includes(best)) uncovered.delete(i);
  }
  // In the order the cubes were found, which follows the policy's own order.
  return primes.filter((c) => chosen.has(c));
}
