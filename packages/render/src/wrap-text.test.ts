import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it('keeps every word, in order, and no line is wider than the width', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 10, max: 100 }), (text, width) => {
        const lines = wrapText(text, width, '  ', '    ');
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        const words = (s: string) => s.split(/\s+/).join('');
        expect(words(lines.join(' '))).toBe(words(text));
      }),
      { numRuns: 300 },
    );
  });

  it('hangs the following lines under the first', () => {
    expect(wrapText('one two three four', 12, '- ', '  ')).toEqual(['- one two', '  three four']);
  });
});
