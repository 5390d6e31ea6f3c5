import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8Length } from './decode-source.js';
import { runs } from '../../../../test/support/property-runs.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes, and bytes with a few changed: most of the latter are not UTF-8. */
const arbitraryBytes = fc.oneof(
  fc.string({ unit: 'grapheme' }).map((text) => new TextEncoder().encode(text)),
  fc
    .tuple(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }))
    .map(([text, at, byte]) => {
      const bytes = new TextEncoder().encode(text);
      bytes[at % bytes.length] = byte;
      return bytes;
    }),
  fc.uint8Array(),
);

describe('decodeUtf8', () => {
  it('decodes exactly what a strict UTF-8 decoder accepts, and otherwise stops at the first bad byte', () => {
    fc.assert(
      fc.property(arbitraryBytes, (bytes) => {
        const decoded = decodeUtf8(bytes);
        let expected: string | undefined;
        try {
          expected = strict.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(decoded.ok).toBe(expected !== undefined);
        if (decoded.ok) {
          expect(decoded.text).toBe(expected);
          return;
        }
        // Everything before the bad byte is UTF-8, and no character starts at it.
        expect(strict.decode(bytes.subarray(0, decoded.badByte))).toBe(decoded.text);
        expect(() => strict.decode(bytes.subarray(decoded.badByte, decoded.badByte + 4))).toThrow();
      }),
      { numRuns: runs(500) },
    );
  });

  it('drops a byte-order mark', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });
});

describe('utf8Length', () => {
  it('counts the bytes TextEncoder writes, a lone surrogate as the three of U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: runs(500) },
    );
  });
});
