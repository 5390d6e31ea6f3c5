import { compilePolicy, evaluate } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { enGB, renderDecision } from '../src/index.js';
import { examplePolicies } from './example-policies.js';

const starter = compilePolicy(examplePolicies.find((p) => p.file === 'starter.yaml')!.policy);

describe('renderDecision', () => {
  it('says the outcome, why, and who to ask', () => {
    const decision = evaluate(starter, {
      'content.identifiesClient': false,
      'account.kind': 'organisational',
      'content.kind': 'new-content',
      'incident.kind': 'none',
    });
    expect(renderDecision(decision, { vocabulary: starter })).toBe(
      [
        'Answer: Check first. Check with the comms team first.',
        'Why: No rule covers this, so the default applies. When the policy does not say, a quick word with the comms team keeps everyone safe.',
        '',
      ].join('\n'),
    );
  });

  it('says the support owed: who, how binding, by when, and consent', () => {
    const decision = evaluate(starter, {
      'incident.kind': 'doxxing',
      'incident.workRelated': true,
      'content.identifiesClient': false,
      'content.kind': 'public-information',
    });
    const text = renderDecision(decision, { vocabulary: starter });
    expect(text).toContain(
      '- The safety lead must receive your report and be your single point of contact, within 24 hours. (Why: Someone must own the response from the start.)',
    );
    expect(text).toContain(
      '- The safety lead must report to the police only with your consent. (Why: Involving the police is your decision.)',
    );
  });

  it('for an undetermined decision, lists the possible answers and asks the questions still needed', () => {
    const decision = evaluate(starter, { 'account.kind': 'personal' });
    expect(decision.outcome).toBe('undetermined');
    const text = renderDecision(decision, { vocabulary: starter });
    expect(text).toContain('Answer: It depends.');
    expect(text).toContain('Could the content identify a client or service user? (Identifies a client)');
    expect(text).toContain('Is this in work time or your own time? (Time)');
    expect(text).toContain('“Do not”');
    expect(text).toContain('More support may apply; it depends on');
  });

  it('uses the organisation’s phrasebook', () => {
    const decision = evaluate(starter, { 'content.identifiesClient': true });
    const phrasebook = { ...enGB, outcomes: { ...enGB.outcomes, 'not-permitted': 'Never' } };
    expect(renderDecision(decision, { phrasebook })).toMatch(/^Answer: Never\./);
  });
});
