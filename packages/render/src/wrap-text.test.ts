import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthFactor } from '../../../test/support/timing.js';
import { wrapText } from './wrap-text.js';
import { runs } from '../../../test/support/property-runs.js';

describe('wrapText', () => {
  it('keeps every word, in order, and no line is wider than the width', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 10, max: 100 }), (text, width) => {
        const lines = wrapText(text, width, '  ', '    ');
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
        const words = (s: string) => s.split(/\s+/).join('');
        expect(words(lines.join(' '))).toBe(words(text));
      }),
      { numRuns: runs(300) },
    );
  });

  it('hangs the following lines under the first', () => {
    expect(wrapText('one two three four', 12, '- ', '  ')).toEqual(['- one two', '  three four']);
  });
});

/** The first implementation, kept as the reference: obviously right, but quadratic in the length of a word. */
function referenceWrap(text: string, width: number, first = '', rest = first): string[] {
  const length = (s: string) => [...s].length;
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  const flush = () => {
    lines.push((prefix + line).trimEnd());
    prefix = rest;
    line = '';
  };
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    let remaining = word;
    while (remaining.length > 0) {
      const room = width - length(prefix) - (line ? length(line) + 1 : 0);
      if (length(remaining) <= room) {
        line = line ? `${line} ${remaining}` : remaining;
        remaining = '';
      } else if (line) flush();
      else {
        const chars = [...remaining];
        const cut = Math.max(1, width - length(prefix));
        line = chars.slice(0, cut).join('');
        remaining = chars.slice(cut).join('');
        flush();
      }
    }
  }
  if (line || lines.length === 0) flush();
  return lines;
}

describe('wrapText against the reference', () => {
  it('wraps exactly as the first, quadratic implementation did', () => {
    const words = fc.array(
      fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 20, maxLength: 200, unit: 'grapheme' })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        words.map((w) => w.join(' ')),
        fc.integer({ min: 1, max: 60 }),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        (text, width, first, rest) => {
          expect(wrapText(text, width, first, rest)).toEqual(referenceWrap(text, width, first, rest));
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('takes time linear in the length of a word (the reference took 7 s at 100,000 characters)', () => {
    const factor = growthFactor((n) => wrapText('x'.repeat(n), 80, '    '), 20_000);
    expect(factor).toBeLessThan(20);
  });
});
