import { describeReceived } from './issue.js';
import type { FactDefinition } from '../vocabulary/vocabulary-schema.js';

/** A problem with a value given to a fact, as a message and the expected/received pair. */
export interface FactValueProblem {
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

/** What a fact accepts, in words: `one of organisational, personal` or `true or false`. */
export function describeFactValues(fact: FactDefinition): string {
  return fact.type === 'boolean' ? 'true or false' : `one of ${fact.values.map((v) => v.value).join(', ')}`;
}

/** Checks that `value` is one the fact can take; says what is wrong when it is not. */
export function checkFactValue(fact: FactDefinition, value: unknown): FactValueProblem | undefined {
  const expected = describeFactValues(fact);
  const received = describeReceived(value);
  if (fact.type === 'boolean') {
    if (typeof value === 'boolean') return undefined;
    return { message: `fact "${fact.name}" is true or false; found ${received}`, expected, received };
  }
  if (typeof value === 'string' && fact.values.some((v) => v.value === value)) return undefined;
  if (typeof value === 'string') {
    return {
      message: `fact "${fact.name}" has no value ${received}; expected ${expected}`,
      expected,
      received,
    };
  }
  return { message: `fact "${fact.name}" takes ${expected}; found ${received}`, expected, received };
}

/**
 * The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo. Linear in the
 * length of `word`: the difference in lengths is a lower bound on the distance, so a candidate that cannot beat the
 * best so far is skipped before the quadratic comparison.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
