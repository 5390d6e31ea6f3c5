/**
 * Escapes text for Markdown (CommonMark and GitHub-flavoured) so that it renders literally: every character that
 * can open inline markup (emphasis, code, links, images, raw HTML, entities, table cells, strike-through, maths) is
 * backslash-escaped, a line cannot start a heading, list, quote or setext underline, and line breaks become spaces
 * so that text cannot start a block of its own. Ordinary punctuation is left alone so the source stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~&#$]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=>])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
