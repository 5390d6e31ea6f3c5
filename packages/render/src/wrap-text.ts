const length = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/**
 * Wraps text at `width` columns: words are kept whole (a word longer than a line, such as a long URL, is broken),
 * the first line starts with `first` and the following lines with `rest` (for list items and hanging indents).
 * Line breaks in the text are treated as spaces. Linear in the length of the text: every word is measured once,
 * and a long word is cut from one array of its characters.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  const firstLength = length(first);
  const restLength = length(rest);
  let prefix = first;
  let prefixLength = firstLength;
  let line = '';
  let lineLength = 0;
  const flush = () => {
    lines.push((prefix + line).trimEnd());
    prefix = rest;
    prefixLength = restLength;
    line = '';
    lineLength = 0;
  };
  for (const word of text.split(/\s+/)) {
    if (word.length === 0) continue;
    const wordLength = length(word);
    if (line && prefixLength + lineLength + 1 + wordLength <= width) {
      line = `${line} ${word}`;
      lineLength += 1 + wordLength;
      continue;
    }
    if (line) flush();
    if (prefixLength + wordLength <= width) {
      line = word;
      lineLength = wordLength;
      continue;
    }
    // A word longer than a line: cut it into lines of the room left after the prefix (at least one character).
    const chars = [...word];
    let at = 0;
    while (chars.length - at > Math.max(1, width - prefixLength)) {
      const cut = Math.max(1, width - prefixLength);
      line = chars.slice(at, at + cut).join('');
      lineLength = cut;
      at += cut;
      flush();
    }
    line = chars.slice(at).join('');
    lineLength = chars.length - at;
  }
  if (line || lines.length === 0) flush();
  return lines;
}
