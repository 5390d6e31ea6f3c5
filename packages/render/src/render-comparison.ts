import {
  type ComparisonCell,
  type ComparisonColumn,
  type ComparisonTable,
  type DifferenceSide,
  describeSupport,
  type PolicyComparison,
  type SupportEntry,
} from '@fairpost/core';
import { escapeMarkdown } from './escape-markdown.js';

/** Options for `renderComparisonMarkdown`. */
export interface RenderComparisonOptions {
  /**
   * `policies-as-rows` (the table's own shape, as in the CSV) or `policies-as-columns` (one line per metric, which
   * reads better once there are more metrics than policies). Default `policies-as-rows`.
   */
  readonly orientation?: 'policies-as-rows' | 'policies-as-columns';
  /** A level-1 heading to start with. */
  readonly title?: string;
}

const SHARE_GROUPS = new Set<ComparisonColumn['group']>(['outcome', 'scope']);

/** A share as a percentage with at most one decimal ("37.5%"), so tables stay narrow. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function cellText(column: ComparisonColumn, cell: ComparisonCell | undefined): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number' && SHARE_GROUPS.has(column.group)) return percent(cell);
  return escapeMarkdown(String(cell));
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/**
 * A comparison table as a GitHub-flavoured Markdown table, every cell escaped so that policy text cannot break it;
 * shares as percentages, commitments as yes/no, absent support as a dash.
 * @example
 * writeFileSync('comparison.md', renderComparisonMarkdown(comparisonTable(policies), { orientation: 'policies-as-columns' }));
 */
export function renderComparisonMarkdown(
  table: ComparisonTable,
  options: RenderComparisonOptions = {},
): string {
  const out: string[] = [];
  if (options.title) out.push(`# ${escapeMarkdown(options.title)}`, '');
  const weighting =
    table.weighting === 'uniform'
      ? 'every value of every fact equally likely'
      : 'weighted by the distribution given';
  out.push(
    `Vocabulary ${escapeMarkdown(table.vocabulary)}; shares of the scenario space with ${weighting}.`,
    '',
  );
  if ((options.orientation ?? 'policies-as-rows') === 'policies-as-rows') {
    out.push(line(table.columns.map((c) => escapeMarkdown(c.label))));
    out.push(line(table.columns.map(() => '---')));
    for (const row of table.rows) out.push(line(table.columns.map((c) => cellText(c, row.cells[c.key]))));
  } else {
    const [head, ...rest] = table.columns;
    if (!head) return `${out.join('\n')}\n`;
    out.push(line([escapeMarkdown(head.label), ...table.rows.map((r) => cellText(head, r.cells[head.key]))]));
    out.push(line(['---', ...table.rows.map(() => '---')]));
    for (const column of rest)
      out.push(
        line([escapeMarkdown(column.label), ...table.rows.map((r) => cellText(column, r.cells[column.key]))]),
      );
  }
  return `${out.join('\n')}\n`;
}

/** Labels for the two sides of a comparison, and how much to say. */
export interface ComparisonSides {
  /** What to call the first policy ("current", a title). */
  readonly a: string;
  /** What to call the second policy. */
  readonly b: string;
  /** Give each side's reason in full (default), or only the deciding rule's id, for long listings. */
  readonly reasons?: boolean;
}

/**
 * Two policies' differences as Markdown: the verdict, a table of every region where the outcomes differ (with
 * both outcomes and both reasons), and the changes in support and commitments.
 * @example
 * renderPolicyComparisonMarkdown(comparePolicies(current, proposed), { a: 'Current', b: 'Proposed' });
 */
export function renderPolicyComparisonMarkdown(comparison: PolicyComparison, sides: ComparisonSides): string {
  const a = escapeMarkdown(sides.a);
  const b = escapeMarkdown(sides.b);
  const out: string[] = [
    `## ${a} → ${b}`,
    '',
    `Verdict: **${comparison.verdict}**. ${b} is stricter on ${percent(comparison.stricterShare)} and looser on ${percent(
      comparison.looserShare,
    )} of the scenario space. Support when targeted: **${comparison.supportVerdict}**; commitments: **${comparison.commitmentVerdict}**.`,
    '',
  ];
  if (comparison.differences.length > 0) {
    const reasons = sides.reasons ?? true;
    const why = (side: DifferenceSide) =>
      escapeMarkdown(reasons ? side.reason : (side.ruleId ?? 'the default'));
    const word = reasons ? 'Why' : 'Rule';
    out.push(line(['When', 'Share', a, b, `${word} (${a})`, `${word} (${b})`]));
    out.push(line(['---', '---', '---', '---', '---', '---']));
    for (const d of comparison.differences)
      out.push(
        line([
          escapeMarkdown(d.region),
          percent(d.share),
          escapeMarkdown(d.a.outcome),
          escapeMarkdown(d.b.outcome),
          why(d.a),
          why(d.b),
        ]),
      );
    out.push('');
  }
  for (const change of comparison.support) {
    const describe = (entry: SupportEntry | null) => (entry ? describeSupport(entry) : 'none');
    out.push(
      `- Support “${escapeMarkdown(change.action)}”: ${escapeMarkdown(describe(change.a))} → ${escapeMarkdown(describe(change.b))} (${change.verdict})`,
    );
  }
  for (const id of comparison.commitments.added) out.push(`- Commitment added: ${escapeMarkdown(id)}`);
  for (const id of comparison.commitments.removed) out.push(`- Commitment removed: ${escapeMarkdown(id)}`);
  return `${out.join('\n')}\n`;
}
