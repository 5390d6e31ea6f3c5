import {
  type CommitmentChange,
  type ComparisonCell,
  type ComparisonColumn,
  type ComparisonTable,
  type DifferenceSide,
  describeSupport,
  type PolicyComparison,
  type ResolvedVocabulary,
  type SupportChange,
  type SupportEntry,
  type Condition,
  type ConditionNode,
  toCondition,
  toConditionNode,
  standardVocabulary,
  THEME_LABELS,
  type ThemeComparison,
} from '@fairpost/core';
import { describeCondition } from './describe-condition.js';
import { escapeMarkdown } from './escape-markdown.js';
import { enGB } from './phrasebook.js';
import { aspectWords } from './render-policy-diff.js';

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

/** Up to three names, then how many more. */
const someOf = (names: readonly string[]) =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

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
  /**
   * After the one-screen case, list every region where the outcomes differ and every change in support and
   * commitments (default); false stops after the case.
   */
  readonly details?: boolean;
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
 * A share for a headline: a percentage with at most one decimal, and "under 0.1%" rather than a misleading "0%" for a
 * share that is small but not nothing.
 */
const shareWords = (share: number) => (share > 0 && share < 0.0005 ? 'under 0.1%' : percent(share));

/**
 * How the second policy compares with the first on one theme, in words a union rep can quote, with the numbers:
 * "looser on 12% of it", or for a mixed theme the side it mostly takes, "mixed, mostly looser (98.9% looser, 1%
 * stricter)". `b` is the second policy's name, already escaped for Markdown.
 * @example
 * describeThemeVerdict('Proposed', { verdict: 'mixed', leaning: 'looser', stricterShare: 0.01, looserShare: 0.989 });
 * // 'mixed: Proposed is mostly looser (98.9% looser, 1% stricter)'
 */
export function describeThemeVerdict(
  b: string,
  t: Pick<ThemeComparison, 'verdict' | 'leaning' | 'stricterShare' | 'looserShare'>,
): string {
  const looser = `${shareWords(t.looserShare)} looser`;
  const stricter = `${shareWords(t.stricterShare)} stricter`;
  switch (t.verdict) {
    case 'same':
      return 'the same in both';
    case 'stricter':
      return t.stricterShare > 0
        ? `${b} is stricter on ${shareWords(t.stricterShare)} of it`
        : `${b} is stricter in what it commits to`;
    case 'looser':
      return t.looserShare > 0
        ? `${b} is looser on ${shareWords(t.looserShare)} of it`
        : `${b} is looser in what it commits to`;
    case 'mixed':
      if (t.leaning === 'looser') return `mixed: ${b} is mostly looser (${looser}, ${stricter})`;
      if (t.leaning === 'stricter') return `mixed: ${b} is mostly stricter (${stricter}, ${looser})`;
      return t.stricterShare + t.looserShare > 0
        ? `mixed: ${b} is looser on ${shareWords(t.looserShare)} of it and stricter on ${shareWords(t.stricterShare)}`
        : `mixed: ${b}’s commitments go both ways`;
    default:
      return t.verdict satisfies never;
  }
}

/**
 * A theme's example situation in words: the facts that matter, as clauses ("you are using your own account, it is in
 * your own time"). A yes/no fact the example needs to be no is left unsaid, as `EXAMPLE_CONVENTION` tells the
 * reader once: the lines stay short, and the example stays true (every scenario with the facts said, and every
 * unsaid yes/no fact no, gets the two outcomes given).
 */
function describeExample(when: Condition, vocabulary: ResolvedVocabulary): string {
  const node = toConditionNode(when);
  const tests = node.kind === 'all' ? node.children : [node];
  const said = tests.filter((test) => isSaid(test, vocabulary));
  const described =
    said.length === 0
      ? undefined
      : describeCondition(toCondition({ kind: 'all', children: said }), { vocabulary });
  return described?.kind === 'clause' ? `if ${described.text}` : 'in any situation of the theme';
}

/**
 * Whether an example says a part of its situation: not a yes/no fact that is no (`EXAMPLE_CONVENTION` covers those
 * once), nor a test of a fact the vocabulary does not know.
 */
function isSaid(node: ConditionNode, vocabulary: ResolvedVocabulary): boolean {
  switch (node.kind) {
    case 'all':
    case 'any':
    case 'not':
      return true;
    case 'test': {
      const fact = vocabulary.facts.get(node.fact);
      return (
        fact !== undefined && !(fact.type === 'boolean' && node.operator === 'is' && node.values[0] === false)
      );
    }
    case 'set-test':
      return vocabulary.facts.has(node.fact);
    default:
      return node satisfies never;
  }
}

/** What a reader of theme examples needs to know once: a yes/no fact an example leaves unsaid is no. */
export const EXAMPLE_CONVENTION =
  'In each example, a yes/no fact left unsaid is no: no client identified, nothing abusive, and so on.';

/**
 * One theme of a comparison as a line of Markdown (names and policy words escaped): the theme's share of all
 * situations, which side is stricter or looser there and on what share of it (`describeThemeVerdict`), and one
 * situation where they differ, in words, with the first policy's answer → the second's (yes/no facts the example
 * needs to be no are left unsaid: print `EXAMPLE_CONVENTION` once before the lines). When only commitments make
 * the difference, the commitments the second policy adds or drops are named instead.
 * @example
 * comparison.themes.map((t) => `- ${describeThemeComparison(t, { a: 'Draft', b: 'Union' })}`).join('\n');
 */
export function describeThemeComparison(
  t: ThemeComparison,
  sides: Pick<ComparisonSides, 'a' | 'b' | 'vocabulary'>,
): string {
  const b = escapeMarkdown(sides.b);
  const vocabulary = sides.vocabulary ?? standardVocabulary;
  const label = THEME_LABELS[t.theme].label;
  let instance = '';
  if (t.example) {
    instance = ` For example, ${escapeMarkdown(describeExample(t.example.when, vocabulary))}: “${enGB.outcomes[t.example.a]}” → “${enGB.outcomes[t.example.b]}”.`;
  } else if (t.verdict !== 'same') {
    const changes = [
      ...(t.commitments.added.length > 0 ? [`promises ${someOf(t.commitments.added)}`] : []),
      ...(t.commitments.removed.length > 0 ? [`drops ${someOf(t.commitments.removed)}`] : []),
    ];
    if (changes.length > 0) instance = ` ${b} ${escapeMarkdown(changes.join('; '))}.`;
  }
  return `**${label}** (${percent(t.themeShare)}): ${describeThemeVerdict(b, t)}.${instance}`;
}

/** Support compared, in one sentence: what the second policy adds, drops, weakens and strengthens. */
function supportSentence(comparison: PolicyComparison, b: string): string {
  const label = (c: SupportChange) => (c.b ?? c.a)?.label ?? c.action;
  const with_ = (c: SupportChange) => `${label(c)} (${c.changes.map(aspectWords).join('; ')})`;
  const added = comparison.support.filter((c) => c.a === null);
  const removed = comparison.support.filter((c) => c.b === null);
  const changed = comparison.support.filter((c) => c.a !== null && c.b !== null);
  const kinds = (n: number) => `${n} kind${n === 1 ? '' : 's'} of support`;
  const parts = [
    ...(added.length > 0 ? [`adds ${kinds(added.length)} (${someOf(added.map(label))})`] : []),
    ...(removed.length > 0 ? [`drops ${kinds(removed.length)} (${someOf(removed.map(label))})`] : []),
    ...(['weaker', 'stronger', 'mixed'] as const).flatMap((verdict) => {
      const these = changed.filter((c) => c.verdict === verdict);
      const verb = verdict === 'weaker' ? 'weakens' : verdict === 'stronger' ? 'strengthens' : 'changes';
      return these.length > 0 ? [`${verb} ${someOf(these.map(with_))}`] : [];
    }),
  ];
  return parts.length === 0 ? '' : ` ${b} ${parts.join('; ')}.`;
}

/** Commitments compared, in one sentence: what the second policy promises, drops and reverses. */
function commitmentSentence(comparison: PolicyComparison, b: string, vocabulary: ResolvedVocabulary): string {
  const label = (id: string) => vocabulary.catalogues.commitments.get(id)?.label ?? id;
  const of = (change: CommitmentChange['change']) =>
    comparison.commitmentChanges.filter((c) => c.change === change);
  const parts = [
    ...(of('added').length > 0 ? [`promises ${someOf(of('added').map((c) => label(c.commitment)))}`] : []),
    ...(of('removed').length > 0 ? [`drops ${someOf(of('removed').map((c) => label(c.commitment)))}`] : []),
    ...(of('reversed').length > 0
      ? [
          `reverses ${someOf(of('reversed').map((c) => `${label(c.commitment)} into ${label(c.opposite ?? '')}`))}`,
        ]
      : []),
  ];
  return parts.length === 0 ? '' : ` ${b} ${parts.join('; ')}.`;
}

/**
 * Two policies' differences as Markdown. First the case on one screen: how far each reaches into staff's own-time
 * use of their own accounts, one line per theme (`describeThemeComparison`), the overall verdict with its shares,
 * and support and commitments compared in a sentence each, all under the weights named. Then, unless `details` is
 * false, a table of every region where the outcomes differ (with both outcomes and both reasons) and every change
 * in support and commitments.
 * @example
 * renderPolicyComparisonMarkdown(comparePolicies(current, proposed), { a: 'Current', b: 'Proposed' });
 */
export function renderPolicyComparisonMarkdown(comparison: PolicyComparison, sides: ComparisonSides): string {
  const a = escapeMarkdown(sides.a);
  const b = escapeMarkdown(sides.b);
  const vocabulary = sides.vocabulary ?? standardVocabulary;
  const weights = weightsName(comparison, sides.weights);
  const reachA = comparison.metrics.a.privateLifeReach;
  const reachB = comparison.metrics.b.privateLifeReach;
  const reach =
    reachA === null || reachB === null
      ? []
      : [
          `Under ${weights}, ${a} reaches into ${shareWords(reachA)} of staff’s own-time use of their own accounts, and ${b} into ${shareWords(reachB)}.`,
          '',
        ];
  const out: string[] = [
    `## ${a} → ${b}`,
    '',
    ...reach,
    ...(comparison.themes.length === 0
      ? []
      : [
          `By theme: its share of all situations, how ${b} compares with ${a} there, and an example (${a}’s answer → ${b}’s). ${EXAMPLE_CONVENTION}`,
          '',
          ...comparison.themes.map(
            (t) =>
              `- ${describeThemeComparison(t, { a: sides.a, b: sides.b, ...(sides.vocabulary ? { vocabulary: sides.vocabulary } : {}) })}`,
          ),
          '',
        ]),
    `Verdict: **${comparison.verdict}**${comparison.verdict === 'incomparable' ? ' (stricter in some situations, looser in others)' : ''}. ${b} is stricter on ${shareWords(comparison.stricterShare)} and looser on ${shareWords(
      comparison.looserShare,
    )} of the scenario space (under ${weights}).`,
    `Support when targeted: **${comparison.supportVerdict}**.${supportSentence(comparison, b)}`,
    `Commitments: **${comparison.commitmentVerdict}**.${commitmentSentence(comparison, b, vocabulary)}`,
    '',
  ];
  if (sides.details === false) return `${out.join('\n')}\n`;
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
