/** Text decoded from bytes, or the offset (in bytes) of the first byte that is not UTF-8. */
export type DecodedSource = { ok: true; text: string } | { ok: false; text: string; badByte: number };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes UTF-8 strictly: a byte-order mark is dropped, and a byte sequence that is not UTF-8 is an error at its
 * place, never silently replaced by U+FFFD (a Latin-1 `é` would otherwise change the policy without notice).
 */
export function decodeUtf8(bytes: Uint8Array): DecodedSource {
  try {
    return { ok: true, text: fatal.decode(bytes) };
  } catch {
    const badByte = firstInvalidByte(bytes);
    // The text before the bad byte is valid, so positions in it are exact.
    return { ok: false, text: lenient.decode(bytes.subarray(0, badByte)), badByte };
  }
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The length of a string in UTF-8 bytes, without allocating (a lone surrogate counts as the three bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
