import type { Condition } from '../../model/condition.js';

/** A fact test wrapped in `not` until the condition is `depth` levels deep. */
export function notNested(depth: number): Condition {
  let condition: Condition = { fact: 'account.kind', is: 'personal' };
  for (let level = 1; level < depth; level++) condition = { not: condition };
  return condition;
}
