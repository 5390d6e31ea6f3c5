/** Collapses every run of whitespace to one space and trims, so line breaks and indents do not matter. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether `quote` appears word for word in `text`, ignoring only differences of whitespace. Punctuation, case and
 * typographic quotes must match: a quote is evidence, so it is never paraphrased.
 * @example
 * containsQuote('Be credible,\n   be accurate', 'Be credible, be accurate'); // true
 */
export function containsQuote(text: string, quote: string): boolean {
  const needle = normaliseWhitespace(quote);
  return needle !== '' && normaliseWhitespace(text).includes(needle);
}
