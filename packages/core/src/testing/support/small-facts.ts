/**
 * Standard facts with small domains (4 × 2 × 3 × 2 × 2 = 96 complete scenarios), so that every completion of a
 * partial scenario can be enumerated by brute force: the properties of partial evaluation and doubt, and the fuzz
 * target against the reference evaluator, generate their policies over these.
 */
export const SMALL_FACTS: readonly string[] = [
  'account.kind',
  'context.time',
  'incident.severity',
  'content.hasConsent',
  'actor.clientFacing',
];
