import { describe, expect, it } from 'vitest';
import { fairPolicyCriteria } from './fair-policy-criteria.js';
import { parseCriteria } from './parse-criteria.js';

describe('parseCriteria', () => {
  it('parseCriteria names an unknown group, source, commitment or duty action by its path', () => {
    const copy = JSON.parse(JSON.stringify(fairPolicyCriteria));
    copy.criteria[0].group = 'nowhere';
    copy.criteria[2].test.commitments = ['spy-on-everyone'];
    copy.criteria[3].source.id = 'a-blog';
    const result = parseCriteria(copy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['criteria.0.group', 'unknown-catalogue-entry'],
      ['criteria.2.test.commitments.0', 'unknown-catalogue-entry'],
      ['criteria.3.source.id', 'unknown-catalogue-entry'],
    ]);
  });

  it('parseCriteria refuses another format and an unknown test kind, never throwing', () => {
    for (const input of [
      null,
      42,
      'text',
      { format: 'fair-policy/2' },
      { ...fairPolicyCriteria, criteria: [{ test: { kind: 'title-contains' } }] },
    ]) {
      const result = parseCriteria(input);
      expect(result.ok).toBe(false);
    }
  });
});
