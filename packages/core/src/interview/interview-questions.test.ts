import { describe, expect, it } from 'vitest';
import {
  defaultInterviewAnswers,
  InterviewAnswersSchema,
  parseInterviewAnswers,
} from './interview-answers.js';
import { INTERVIEW, type InterviewQuestion } from './interview-questions.js';

describe('the interview as data', () => {
  it('asks about fifteen questions, each with a prompt, help and a default its own schema accepts', () => {
    expect(INTERVIEW.length).toBeGreaterThanOrEqual(14);
    expect(INTERVIEW.length).toBeLessThanOrEqual(18);
    expect(new Set(INTERVIEW.map((q) => q.id)).size).toBe(INTERVIEW.length);
    const defaults = defaultInterviewAnswers();
    for (const q of INTERVIEW) {
      expect(q.prompt).toMatch(/\?$/);
      expect(q.help.length).toBeGreaterThan(10);
      expect(defaults[q.id]).toEqual(q.default);
    }
    const keys = Object.keys(InterviewAnswersSchema.shape).filter((key) => key !== '$schema');
    expect(keys.sort()).toEqual(INTERVIEW.map((q) => q.id).sort());
  });

  it('makes a question depend only on an earlier one, through values that question offers', () => {
    INTERVIEW.forEach((q, index) => {
      const when = (q as InterviewQuestion).appliesWhen;
      if (!when) return;
      const earlier = INTERVIEW.slice(0, index).find((e) => e.id === when.question);
      expect(earlier, `${q.id} depends on ${when.question}`).toBeDefined();
      const offered = 'options' in earlier! ? earlier.options.map((o) => o.value) : [];
      if ('oneOf' in when) for (const v of when.oneOf) expect(offered).toContain(v);
      if ('includesAny' in when) for (const v of when.includesAny) expect(offered).toContain(v);
      if ('is' in when) expect(earlier!.kind).toBe('yes-no');
    });
  });

  it('accepts every option of every question and refuses a value that is not one', () => {
    for (const q of INTERVIEW) {
      if (q.kind !== 'choice') continue;
      for (const o of q.options) expect(parseInterviewAnswers({ [q.id]: o.value }).ok).toBe(true);
      const bad = parseInterviewAnswers({ [q.id]: 'not-an-option' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.issues[0]!.path).toEqual([q.id]);
    }
  });
});
