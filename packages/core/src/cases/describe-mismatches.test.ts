import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import { parsePolicy } from '../parse/parse-policy.js';
import { describe, expect, it } from 'vitest';
import { describeMismatches } from './describe-mismatches.js';

const parsed = parsePolicy({
  schemaVersion: '1.0.0',
  id: 'mini',
  title: 'Mini',
  organisation: 'Example',
  version: '1',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  resolution: 'first-match',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask.' },
  rules: [
    {
      id: 'own-time',
      when: { fact: 'context.time', is: 'own-time' },
      outcome: 'out-of-scope',
      reason: 'Yours.',
    },
  ],
  duties: [
    {
      id: 'report',
      when: { fact: 'incident.workRelated', is: true },
      action: 'receive-report',
      holder: 'safety-lead',
      modality: 'must',
      reason: 'Someone owns it.',
    },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const compiled = compilePolicy(parsed.policy);

describe('describeMismatches', () => {
  it('finds nothing when the decision is the one expected', () => {
    const decision = evaluate(compiled, { 'context.time': 'own-time', 'incident.workRelated': true });
    expect(describeMismatches(decision, { outcome: 'out-of-scope', duties: ['report'] })).toEqual([]);
  });

  it('says which outcome was expected and which was given', () => {
    const decision = evaluate(compiled, { 'context.time': 'work-time' });
    expect(describeMismatches(decision, { outcome: 'check-first' })).toEqual([
      'reviewers: unexpected comms-team',
    ]);
    expect(describeMismatches(decision, { outcome: 'permitted', reviewers: ['comms-team'] })).toEqual([
      'outcome: expected "permitted", got "check-first"',
    ]);
  });

  it('treats leaving duties out as expecting none, so a triggered duty is never overlooked', () => {
    const decision = evaluate(compiled, { 'context.time': 'own-time', 'incident.workRelated': true });
    expect(describeMismatches(decision, { outcome: 'out-of-scope' })).toEqual(['duties: unexpected report']);
  });

  it('compares needed facts as a set, naming what is missing and what is extra', () => {
    const decision = evaluate(compiled, {});
    expect(decision.outcome).toBe('undetermined');
    expect(
      describeMismatches(decision, {
        outcome: 'undetermined',
        neededFacts: ['account.kind'],
        undeterminedDuties: ['report'],
      }),
    ).toEqual(['neededFacts: missing account.kind; unexpected context.time']);
  });

  it('checks conditions and reviewers of an undetermined decision only when the case lists them', () => {
    const decision = evaluate(compiled, {});
    expect(describeMismatches(decision, { outcome: 'undetermined', neededFacts: ['context.time'] })).toEqual(
      [],
    );
    expect(
      describeMismatches(decision, { outcome: 'undetermined', neededFacts: ['context.time'], reviewers: [] }),
    ).toEqual(['reviewers: unexpected comms-team']);
  });
});
