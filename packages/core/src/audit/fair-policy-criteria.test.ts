import { describe, expect, it } from 'vitest';
import { fairPolicyCriteria } from './fair-policy-criteria.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import { parseCriteria } from './parse-criteria.js';

describe('the criteria', () => {
  it('are valid fair-policy/1 data, and parseCriteria accepts them as written', () => {
    const result = parseCriteria(JSON.parse(JSON.stringify(fairPolicyCriteria)));
    expect(result.ok).toBe(true);
    expect(fairPolicyCriteria.format).toBe('fair-policy/1');
    expect(fairPolicyCriteria.criteria.filter((c) => c.checklist)).toHaveLength(16);
  });

  it('are frozen all the way down, so no audit can change the next one’s criteria', () => {
    expect(unfrozen(fairPolicyCriteria)).toEqual([]);
  });
});
