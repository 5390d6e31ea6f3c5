const length = (text: string) => [...text].length;

/**
 * Wraps text at `width` columns: words are kept whole (a word longer than a line, such as a long URL, is broken),
 * the first line starts with `first` and the following lines with `rest` (for list items and hanging indents).
 * Line breaks in the text are treated as spaces.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
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
    // Each turn either places the word, ends a non-empty line, or places part of a too-long word: it terminates.
    while (remaining.length > 0) {
      const room = width - length(prefix) - (line ? length(line) + 1 : 0);
      if (length(remaining) <= room) {
        line = line ? `${line} ${remaining}` : remaining;
        remaining = '';
      } else if (line) {
        flush();
      } else {
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
