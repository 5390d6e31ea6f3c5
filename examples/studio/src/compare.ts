// The comparison panel's source: core's `comparePolicies` under the default weights, its theme comparisons
// (`comparison.themes`, one per theme of the vocabulary) told in plain text. The words follow the render package's
// `describeThemeComparison`, which writes Markdown; the page needs text nodes, so the same data is told here
// without Markdown's escapes, and commitments and kinds of support by their labels rather than their ids.
import {
  type CompiledPolicy,
  comparePolicies,
  defaultWeights,
  THEME_LABELS,
  type ThemeComparison,
  toCondition,
  toConditionNode,
} from '@fairpost/core';
import { describeCondition, describeThemeVerdict, enGB } from '@fairpost/render';

/** One line of the summary, under a theme a reader recognises. */
export interface ThemeLine {
  readonly theme: string;
  readonly text: string;
}

/** One region where the two policies decide differently. */
export interface DecisionDifference {
  readonly when: string;
  readonly share: number;
  readonly draft: string;
  readonly other: string;
  readonly verdict: 'stricter' | 'looser';
}

/** The draft against another policy, as the studio shows it. */
export interface ComparisonSummary {
  /** One sentence: how the other policy compares with the draft overall. */
  readonly headline: string;
  /** What the shares are measured under, said beside them. */
  readonly weights: string;
  readonly themes: readonly ThemeLine[];
  readonly differences: readonly DecisionDifference[];
}

/** The name the shares are printed under (docs/weights.md says where each rate comes from). */
export const WEIGHTS_NAME = 'the default weights';

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

const VERDICT: Record<string, string> = {
  stricter: 'is stricter than your draft',
  looser: 'is looser than your draft',
  same: 'decides every situation as your draft does',
  incomparable: 'is stricter than your draft in some situations and looser in others',
};

/** A short list of names: up to three, then how many more. */
const some = (names: readonly string[]) =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

/**
 * One theme in plain text: which side is stricter or looser there and on what share of it, the share each governs,
 * the commitments and kinds of support the other policy adds or drops, and one situation where they differ.
 */
function themeText(
  t: ThemeComparison,
  draft: CompiledPolicy,
  other: CompiledPolicy,
  otherTitle: string,
): string {
  const b = otherTitle;
  const headline = `${describeThemeVerdict(b, t)}.`;
  const reach =
    t.governed.a === null || t.governed.b === null
      ? ''
      : ` Your draft governs ${percent(t.governed.a)} of it, ${b} ${percent(t.governed.b)}.`;
  const label = (catalogue: 'commitments' | 'dutyActions') => (id: string) =>
    draft.vocabulary.catalogues[catalogue].get(id)?.label ??
    other.vocabulary.catalogues[catalogue].get(id)?.label ??
    id;
  const commitment = label('commitments');
  const support = label('dutyActions');
  const changes = [
    ...(t.commitments.added.length > 0 ? [`promises ${some(t.commitments.added.map(commitment))}`] : []),
    ...(t.commitments.removed.length > 0 ? [`drops ${some(t.commitments.removed.map(commitment))}`] : []),
    ...(t.dutyActions.added.length > 0
      ? [`adds ${t.dutyActions.added.length} kinds of support (${some(t.dutyActions.added.map(support))})`]
      : []),
    ...(t.dutyActions.removed.length > 0
      ? [
          `drops ${t.dutyActions.removed.length} kinds of support (${some(t.dutyActions.removed.map(support))})`,
        ]
      : []),
  ];
  const changed = changes.length > 0 ? ` ${b} ${changes.join('; ')}.` : '';
  let instance = '';
  if (t.example) {
    // Only the draft's vocabulary's facts are described; a custom fact of the other policy is left out of the words.
    const vocabulary = draft.vocabulary;
    const node = toConditionNode(t.example.when);
    const known = (node.kind === 'all' ? node.children : [node]).filter(
      (test) => (test.kind !== 'test' && test.kind !== 'set-test') || vocabulary.facts.has(test.fact),
    );
    const when = toCondition({ kind: 'all', children: known });
    const described = describeCondition(when, { vocabulary });
    const situation = described.kind === 'clause' ? `if ${described.text}` : 'in any situation of the theme';
    instance = ` For example, ${situation}: your draft says “${enGB.outcomes[t.example.a]}”, ${b} “${enGB.outcomes[t.example.b]}”.`;
  }
  return `(${percent(t.themeShare)} of situations) ${headline}${reach}${changed}${instance}`;
}

/**
 * Compares another policy with the draft under the default weights: the draft is the baseline, so "stricter"
 * describes the other policy. One line per theme, from core's `comparison.themes`.
 * @example compareWithDraft(draft, managementDraft).themes.map((t) => `${t.theme}: ${t.text}`)
 */
export function compareWithDraft(draft: CompiledPolicy, other: CompiledPolicy): ComparisonSummary {
  const c = comparePolicies(draft, other, { distribution: defaultWeights });
  const otherTitle = other.policy.title;
  return {
    headline: `${otherTitle} ${VERDICT[c.verdict]}: stricter in ${percent(c.stricterShare)} of situations and looser in ${percent(c.looserShare)}, under ${WEIGHTS_NAME}.`,
    weights: WEIGHTS_NAME,
    themes: c.themes.map((t) => ({
      theme: THEME_LABELS[t.theme].label,
      text: themeText(t, draft, other, otherTitle),
    })),
    differences: c.differences.map((d) => ({
      when: d.region,
      share: d.share,
      draft: d.a.outcome,
      other: d.b.outcome,
      verdict: d.verdict,
    })),
  };
}
