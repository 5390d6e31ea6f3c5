import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsQuote, normaliseWhitespace } from './contains-quote.js';
import { runs } from '../../test/support/property-runs.js';

describe('containsQuote', () => {
  it('ignores line breaks and indentation inside the quote and the text', () => {
    expect(
      containsQuote('1 Listen to people\n    2 Engage with them', '1 Listen to people 2 Engage with them'),
    ).toBe(true);
  });

  it('does not accept a paraphrase, a changed apostrophe or a changed case', () => {
    const text = 'I’m looking for policies that centre staff';
    expect(containsQuote(text, "I'm looking for policies")).toBe(false);
    expect(containsQuote(text, 'i’m looking for policies')).toBe(false);
    expect(containsQuote(text, 'I am looking for policies')).toBe(false);
  });

  it('never accepts an empty quote', () => {
    expect(containsQuote('anything', '  \n ')).toBe(false);
  });

  it('finds every run of words of a text, however the whitespace is rewrapped', () => {
    const word = fc.stringMatching(/^[A-Za-z’,.]{1,8}$/);
    const space = fc.constantFrom(' ', '\n', '  ', '\n    ', '\t');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const words = parts.map(([w]) => w);
          const text = parts.map(([w, s]) => w + s).join('');
          const start = a % words.length;
          const end = start + 1 + (b % (words.length - start));
          const quote = words.slice(start, end).join(' \n ');
          return containsQuote(text, quote);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('normalises whitespace idempotently', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normaliseWhitespace(normaliseWhitespace(s)) === normaliseWhitespace(s)),
      { numRuns: runs(200) },
    );
  });
});
