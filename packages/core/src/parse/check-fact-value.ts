import { describeReceived } from './issue.js';
import type { FactDefinition, SetFactDefinition } from '../vocabulary/vocabulary-schema.js';

/** A problem with a value given to a fact, as a message and the expected/received pair. */
export interface FactValueProblem {
  readonly message: string;
  readonly expected: string;
  readonly received: string;
  /** Where inside the value the problem is (the index of a set's member), when not the value as a whole. */
  readonly at?: readonly number[];
}

/** What a fact accepts, in words: `one of organisational, personal`, `true or false`, or a set's members. */
export function describeFactValues(fact: FactDefinition): string {
  if (fact.type === 'boolean') return 'true or false';
  if (fact.type === 'set')
    return `an array of distinct members of ${fact.values.map((v) => v.value).join(', ')}`;
  return `one of ${fact.values.map((v) => v.value).join(', ')}`;
}

/** The members of a set in the order its fact lists them (the value is already checked). */
export function membersInOrder(fact: SetFactDefinition, members: readonly string[]): string[] {
  const given = new Set(members);
  return fact.values.map((m) => m.value).filter((m) => given.has(m));
}

/** Checks that `member` is one a set fact can include; says what is wrong, with a likely typo, when it is not. */
export function checkSetMember(fact: SetFactDefinition, member: unknown): FactValueProblem | undefined {
  const members = fact.values.map((v) => v.value);
  if (typeof member === 'string' && members.includes(member)) return undefined;
  const expected = `one of ${members.join(', ')}`;
  const received = describeReceived(member);
  const hint = typeof member === 'string' ? suggest(member, members) : undefined;
  return {
    message: `set fact "${fact.name}" has no member ${received}${hint ? `; did you mean "${hint}"?` : ''}; expected ${expected}`,
    expected,
    received,
  };
}

/** Checks a whole set: an array of known members, each once (a repeat is refused: it says nothing more). */
function checkSet(fact: SetFactDefinition, value: unknown): FactValueProblem | undefined {
  const expected = describeFactValues(fact);
  if (!Array.isArray(value)) {
    const received = describeReceived(value);
    return {
      message: `set fact "${fact.name}" takes an array of its members (every member the set includes, [] for none); found ${received}`,
      expected,
      received,
    };
  }
  const seen = new Map<unknown, number>();
  for (let i = 0; i < value.length; i++) {
    const problem = checkSetMember(fact, value[i]);
    if (problem) return { ...problem, at: [i] };
    const earlier = seen.get(value[i]);
    if (earlier !== undefined) {
      const received = describeReceived(value[i]);
      return {
        message: `set fact "${fact.name}" lists ${received} twice (at [${earlier}] and [${i}]); list each member once`,
        expected: 'each member once',
        received,
        at: [i],
      };
    }
    seen.set(value[i], i);
  }
  return undefined;
}

/** Checks that `value` is one the fact can take; says what is wrong when it is not. */
export function checkFactValue(fact: FactDefinition, value: unknown): FactValueProblem | undefined {
  if (fact.type === 'set') return checkSet(fact, value);
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
