import type { Decision } from '@fairpost/core';
import { capitalise, listInWords } from './outcome-words.js';

/**
 * The decision as one sentence in the second person: what to do, and who to ask. Written from the decision alone,
 * so it holds for any policy.
 */
export function decisionHeadline(decision: Decision): string {
  const who = listInWords(decision.reviewers.map((r) => r.phrase));
  switch (decision.outcome) {
    case 'out-of-scope':
      return 'The policy does not cover this: it is your own business.';
    case 'permitted':
      return 'Yes, you can post this.';
    case 'permitted-with-conditions':
      return `Yes, you can post this as long as you ${listInWords(decision.conditions.map((c) => c.phrase))}.`;
    case 'check-first':
      return who
        ? `Check with ${who} before you post this.`
        : 'Check with someone responsible before you post this.';
    case 'not-permitted':
      return 'No, do not post this.';
    case 'undetermined':
      return 'It depends on something you were not sure about.';
  }
}

/** Who to ask, as a sentence, when the decision names anyone. */
export function whoToAsk(decision: Decision): string | undefined {
  if (decision.reviewers.length === 0) return undefined;
  return `${capitalise(
    listInWords(
      decision.reviewers.map((r) => r.phrase),
      'or',
    ),
  )} can help.`;
}
