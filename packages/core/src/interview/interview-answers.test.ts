import { describe, expect, it } from 'vitest';
import { parseInterviewAnswers } from './interview-answers.js';

describe('reading answers', () => {
  it('reads plain durations and says what is wrong with one it cannot read', () => {
    const good = parseInterviewAnswers({
      respondWithin: 'within 2 hours',
      urgentSupportWithin: '2 working days',
    });
    expect(good.ok).toBe(true);
    for (const [text, says] of [
      ['soon', /expected an ISO 8601 duration/],
      ['0 hours', /longer than zero/],
      ['2 years', /more than a year/],
      ['-4 hours', /cannot be negative/],
    ] as const) {
      const bad = parseInterviewAnswers({ respondWithin: text });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.issues[0]!.path).toEqual(['respondWithin']);
        expect(bad.issues[0]!.message).toMatch(says);
      }
    }
  });

  it('refuses an unknown question, a repeated option and a name over several lines', () => {
    for (const input of [
      { organsation: 'Typo' },
      { support: ['legal-support', 'legal-support'] },
      { organisation: 'Two\nlines' },
      { organisation: '   ' },
      { organisation: 'Line\u2028separated' },
      { ownTimeOutOfScope: 'yes' },
    ]) {
      expect(parseInterviewAnswers(input).ok, JSON.stringify(input)).toBe(false);
    }
  });
});
