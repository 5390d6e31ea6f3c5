import { z } from 'zod';

/** The five outcomes a policy can give, from least to most restrictive. */
export const OUTCOMES = [
  'out-of-scope',
  'permitted',
  'permitted-with-conditions',
  'check-first',
  'not-permitted',
] as const;

/**
 * What a policy says about a situation.
 * Built in a pure-annotated closure so that a bundle that only evaluates (and never uses the schema) drops zod.
 */
export const OutcomeSchema = /*#__PURE__*/ (() =>
  z.enum(OUTCOMES).meta({
    id: 'Outcome',
    title: 'Outcome',
    description:
      'What the policy says: out-of-scope (the person’s own business), permitted, permitted-with-conditions, check-first (ask the named reviewers) or not-permitted.',
  }))();

/** One of the five outcomes. */
export type Outcome = z.infer<typeof OutcomeSchema>;

const STRICTNESS: Readonly<Record<Outcome, number>> = Object.freeze(
  Object.fromEntries(OUTCOMES.map((outcome, level) => [outcome, level])) as Record<Outcome, number>,
);

/**
 * How restrictive an outcome is, 0 (out-of-scope) to 4 (not-permitted): its position in `OUTCOMES`, the one place
 * the order is written, so adding an outcome ranks it there and nowhere else.
 */
export function outcomeStrictness(outcome: Outcome): number {
  return STRICTNESS[outcome];
}

/** The more restrictive of two outcomes (the `strictest` resolution's order). */
export function stricterOutcome(a: Outcome, b: Outcome): Outcome {
  return outcomeStrictness(b) > outcomeStrictness(a) ? b : a;
}
