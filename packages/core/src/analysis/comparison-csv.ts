import type { ComparisonCell, ComparisonTable } from './comparison-table.js';

/** One CSV field, quoted when it holds a comma, a quote, a line break or edge spaces (quotes doubled), as RFC 4180 asks. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: ComparisonCell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
}

/**
 * A comparison table as CSV: a header of column keys, then a line per policy; empty fields for nothing, `yes`/`no`
 * for commitments. Lines end with `\n`.
 * @example
 * writeFileSync('comparison.csv', comparisonTableCsv(comparisonTable(policies)));
 */
export function comparisonTableCsv(table: ComparisonTable): string {
  const lines = [
    table.columns.map((c) => csvField(c.key)).join(','),
    ...table.rows.map((row) =>
      table.columns.map((c) => csvField(cellText(row.cells[c.key] ?? null))).join(','),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
