import type { Outcome } from '@fairpost/core';

/** How the page shows an outcome: a short label with a symbol, so colour is never the only signal. */
export interface OutcomeWords {
  readonly label: string;
  readonly symbol: string;
}

/** Labels for every outcome, plus `undetermined`; a new outcome fails to compile until it has words here. */
export const OUTCOME_WORDS: Readonly<Record<Outcome | 'undetermined', OutcomeWords>> = {
  'out-of-scope': { label: 'Your own business', symbol: '○' },
  permitted: { label: 'Yes', symbol: '✓' },
  'permitted-with-conditions': { label: 'Yes, if…', symbol: '✓' },
  'check-first': { label: 'Check first', symbol: '?' },
  'not-permitted': { label: 'No', symbol: '✕' },
  undetermined: { label: 'It depends', symbol: '…' },
};

/** Phrases joined as a reader writes them: "a", "a and b", "a, b and c". */
export function listInWords(phrases: readonly string[], conjunction = 'and'): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} ${conjunction} ${phrases.at(-1)}`;
}

/** The first letter in capitals, for a phrase that starts a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
