import { describe, expect, it } from 'vitest';
import { draftPolicy } from './draft-policy.js';
import { defaultInterviewAnswers } from './interview-answers.js';
import { readDraftAnswers } from './read-draft-answers.js';

describe('readDraftAnswers', () => {
  it('reopens only a draft, and says so for any other policy', () => {
    const other = readDraftAnswers('schemaVersion: 1.0.0\nid: x\n');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.issues[0]!.message).toMatch(/not drafted by the interview/);
  });

  it('reads the answers kept in a draft even after the policy above them was edited, and checks them', () => {
    const { yaml } = draftPolicy({ ...defaultInterviewAnswers(), organisation: 'Riverside Advice' });
    const edited = yaml.replace(/^title: .*$/m, 'title: Edited by hand');
    expect(edited).not.toBe(yaml);
    expect(readDraftAnswers(edited)).toMatchObject({
      ok: true,
      answers: { organisation: 'Riverside Advice' },
    });
    const broken = yaml.replace(/^# {3}organisation: .*$/m, '#   organisation: [unclosed');
    expect(readDraftAnswers(broken)).toMatchObject({
      ok: false,
      issues: [{ code: 'invalid-yaml', column: 1 }],
    });
    const wrong = yaml.replace(/^# {3}organisation: .*$/m, '#   organisaton: Typo');
    expect(readDraftAnswers(wrong).ok).toBe(false);
  });
});
