import {
  type ComparisonCell,
  type ComparisonColumn,
  type ComparisonTable,
  type DifferenceSide,
  describeSupport,
  type PolicyComparison,
  type ResolvedVocabulary,
  type SupportEntry,
  standardVocabulary,
  THEME_LABELS,
  type ThemeComparison,
} from '@fairpost/core';
import { describeCondition } from './describe-condition.js';
import { escapeMarkdown } from './escape-markdown.js';
import { enGB } from './phrasebook.js';

/** Options for `renderComparisonMarkdown`. */
export interface RenderComparisonOptions {
  /**
   * `policies-as-rows` (the table's own shape, as in the CSV) or `policies-as-columns` (one line per metric, which
   * reads better once there are more metrics than policies). Default `policies-as-rows`.
   */
  readonly orientation?: 'policies-as-rows' | 'policies-as-columns';
  /** A level-1 heading to start with. */
  readonly title?: string;
  /** What the shares were measured under ("the default weights"), printed with them. */
  readonly weights?: string;
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
  const weighting = options.weights
    ? `under ${escapeMarkdown(options.weights)}`
    : table.weighting === 'uniform'
      ? 'with every value of every fact equally likely'
      : 'weighted by the distribution given';
  out.push(`Vocabulary ${escapeMarkdown(table.vocabulary)}; shares of the scenario space ${weighting}.`, '');
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
  /**
   * What the shares were measured under, printed beside them ("the default weights"); by default "uniform weights"
   * or "the weights given", from the comparison.
   */
  readonly weights?: string;
  /** The vocabulary to describe example situations with (the standard one by default). */
  readonly vocabulary?: ResolvedVocabulary;
}

/** The name of the weights a comparison was measured under, for printing beside its shares. */
export function weightsName(comparison: Pick<PolicyComparison, 'weighting'>, given?: string): string {
  return given !== undefined
    ? escapeMarkdown(given)
    : comparison.weighting === 'uniform'
      ? 'uniform weights'
      : 'the weights given';
}

/**
 * One theme of a comparison as Markdown, in a sentence or three (names and policy words escaped): which side is stricter or looser there and on what share,
 * the share each governs, and one situation where they differ, in words.
 */
export function describeThemeComparison(
  t: ThemeComparison,
  sides: Pick<ComparisonSides, 'a' | 'b' | 'vocabulary'>,
  weights: string,
): string {
  const a = escapeMarkdown(sides.a);
  const b = escapeMarkdown(sides.b);
  const label = THEME_LABELS[t.theme].label;
  const reach =
    t.governed.a === null || t.governed.b === null
      ? ''
      : ` ${a} governs ${percent(t.governed.a)} of it, ${b} ${percent(t.governed.b)}.`;
  const headline = (() => {
    switch (t.verdict) {
      case 'same':
        return 'the same in both.';
      case 'stricter':
        return `${b} is stricter${t.stricterShare > 0 ? ` on ${percent(t.stricterShare)} of it` : ''}.`;
      case 'looser':
        return `${b} is looser${t.looserShare > 0 ? ` on ${percent(t.looserShare)} of it` : ''}.`;
      case 'mixed':
        return `mixed: ${b} is looser on ${percent(t.looserShare)} of it and stricter on ${percent(t.stricterShare)}.`;
      default:
        return t.verdict satisfies never;
    }
  })();
  const some = (ids: readonly string[]) =>
    ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  const changes = [
    ...(t.commitments.added.length > 0 ? [`promises ${some(t.commitments.added)}`] : []),
    ...(t.commitments.removed.length > 0 ? [`drops ${some(t.commitments.removed)}`] : []),
    ...(t.dutyActions.added.length > 0
      ? [`adds ${t.dutyActions.added.length} kinds of support (${some(t.dutyActions.added)})`]
      : []),
    ...(t.dutyActions.removed.length > 0
      ? [`drops ${t.dutyActions.removed.length} kinds of support (${some(t.dutyActions.removed)})`]
      : []),
  ];
  const changed = changes.length > 0 ? ` ${b} ${changes.join('; ')}.` : '';
  let instance = '';
  if (t.example) {
    const vocabulary = sides.vocabulary ?? standardVocabulary;
    const when =
      'all' in t.example.when
        ? { all: t.example.when.all.filter((c) => 'fact' in c && vocabulary.facts.has(c.fact)) }
        : t.example.when;
    const described = describeCondition(when, { vocabulary });
    const situation =
      described.kind === 'clause' ? `if ${escapeMarkdown(described.text)}` : 'in any situation of the theme';
    instance = ` For example, ${situation}: ${a} says “${enGB.outcomes[t.example.a]}”, ${b} “${enGB.outcomes[t.example.b]}”.`;
  }
  const size = ` (${percent(t.themeShare)} of situations)`;
  return `**${label}**${size}: ${headline}${reach}${changed}${instance}`;
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
  const weights = weightsName(comparison, sides.weights);
  const out: string[] = [
    `## ${a} → ${b}`,
    '',
    ...(comparison.themes.length === 0
      ? []
      : [
          `By theme, under ${weights}:`,
          '',
          ...comparison.themes.map(
            (t) =>
              `- ${describeThemeComparison(t, { a: sides.a, b: sides.b, ...(sides.vocabulary ? { vocabulary: sides.vocabulary } : {}) }, weights)}`,
          ),
          '',
        ]),
    `Verdict: **${comparison.verdict}**. ${b} is stricter on ${percent(comparison.stricterShare)} and looser on ${percent(
      comparison.looserShare,
    )} of the scenario space (under ${weights}). Support when targeted: **${comparison.supportVerdict}**; commitments: **${comparison.commitmentVerdict}**.`,
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
