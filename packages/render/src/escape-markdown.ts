/**
 * Characters written as numeric character references rather than backslash escapes. Brackets: marked reads an
 * escaped bracket inside a link's text as the start of a nested link (`[a \[x\](javascript:…)](https://…)` became a
 * live `javascript:` link). `@`, and the `:` of `://` and the `.` of `www.`: GitHub-flavoured readers (marked) turn a
 * bare address into a link, which an entity, being text, cannot start.
 */
const ENTITIES: Record<string, string> = {
  '[': '&#91;',
  ']': '&#93;',
  '@': '&#64;',
  ':': '&#58;',
  '.': '&#46;',
};

/**
 * Escapes text for Markdown (CommonMark and GitHub-flavoured, as read by marked, markdown-it and commonmark.js at
 * their default settings) so that it renders literally: every character that can open inline markup (emphasis,
 * code, links, images, raw HTML, entities, table cells, strike-through, maths) is backslash-escaped or written as a
 * character reference, bare web and mail addresses cannot become links, a line cannot start a heading, list, quote or
 * setext underline, and line breaks become spaces so that text cannot start a block of its own. Ordinary punctuation
 * is left alone so the source stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_<>|~&#$[\]@]|:(?=\/\/)|(?<=www)\./gi, (c) => ENTITIES[c] ?? `\\${c}`)
    .replace(/^(\s*)([-+=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
