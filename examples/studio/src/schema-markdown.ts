// Stands in for codemirror-json-schema's markdown module (see vite.config.ts): the published schema's descriptions
// are plain sentences with `code` spans, so they are escaped and only backticks become <code>.

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Turns a schema description into HTML for a tooltip: everything escaped, then `code` spans marked up.
 * @example renderMarkdown('The fact has `this` value.') // 'The fact has <code>this</code> value.'
 */
export function renderMarkdown(markdown: string, inline = true): string {
  const html = escapeHtml(markdown).replace(/`([^`]+)`/g, '<code>$1</code>');
  return inline ? html : `<p>${html}</p>`;
}
