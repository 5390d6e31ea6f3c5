import type { Outcome } from '@fairpost/core';
import { enGB } from '@fairpost/render';

/** A symbol for every outcome, plus `undetermined`, so that colour is never the only signal. */
const OUTCOME_SYMBOLS: Readonly<Record<Outcome | 'undetermined', string>> = {
  'out-of-scope': '○',
  permitted: '✓',
  'permitted-with-conditions': '✓',
  'check-first': '?',
  'not-permitted': '✕',
  undetermined: '…',
};

/** How the page shows an outcome: the renderer's words for it (shared with the handbook) and a symbol. */
export function outcomeWords(outcome: Outcome | 'undetermined'): { label: string; symbol: string } {
  return { label: enGB.outcomes[outcome], symbol: OUTCOME_SYMBOLS[outcome] };
}
