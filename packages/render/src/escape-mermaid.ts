/** Characters that are plain text in a quoted Mermaid label; everything else is written as an entity code. */
const PLAIN = /[\p{L}\p{N} .,?!’‘“”—–()/'-]/u;

/**
 * Escapes text for a double-quoted Mermaid label. Every character that is not a letter, digit, space or common
 * punctuation becomes a Mermaid entity code (`#35;`, `#60;`), which Mermaid turns into text, never markup: quotes
 * cannot end the label, `<` cannot open HTML, `%%` cannot start a comment, `:` and `;` cannot reach Mermaid's
 * `style`/`classDef` entity rewriting, a backtick cannot start a Markdown string, and line breaks become spaces.
 */
export function escapeMermaid(text: string): string {
  let out = '';
  for (const char of text.replace(/\s+/g, ' ')) {
    out += PLAIN.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}
