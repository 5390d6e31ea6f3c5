// The comparison panel's source, behind one small adapter so that the comparison issue's theme summary (issue 16)
// can replace these lines without touching the view: today the themes are read off core's `comparePolicies`.
import { type CompiledPolicy, comparePolicies, describeDeadline, type SupportEntry } from '@fairpost/core';

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
  readonly themes: readonly ThemeLine[];
  readonly differences: readonly DecisionDifference[];
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

const VERDICT: Record<string, string> = {
  stricter: 'is stricter than your draft',
  looser: 'is looser than your draft',
  same: 'decides every situation as your draft does',
  incomparable: 'is stricter than your draft in some situations and looser in others',
};

/**
 * Compares another policy with the draft: the draft is the baseline, so "stricter" describes the other policy.
 * @example compareWithDraft(draft, managementDraft).themes.map((t) => `${t.theme}: ${t.text}`)
 */
export function compareWithDraft(draft: CompiledPolicy, other: CompiledPolicy): ComparisonSummary {
  const c = comparePolicies(draft, other);
  const themes: ThemeLine[] = [];
  const otherTitle = other.policy.title;
  themes.push({
    theme: 'Posting decisions',
    text: `${otherTitle} is stricter in ${percent(c.stricterShare)} of situations and looser in ${percent(c.looserShare)}.`,
  });
  const reach = (r: number | null) => (r === null ? 'not measured' : percent(r));
  const a = c.metrics.a.privateLifeReach;
  const b = c.metrics.b.privateLifeReach;
  themes.push({
    theme: 'Private life',
    text:
      a === b
        ? `Both govern ${reach(a)} of own-time use of personal accounts.`
        : `Your draft governs ${reach(a)} of own-time use of personal accounts; ${otherTitle} governs ${reach(b)}.`,
  });
  const describe = (e: SupportEntry | null) =>
    e
      ? [e.modality, e.deadline ? describeDeadline(e.deadline) : '', e.consentRequired ? 'with consent' : '']
          .filter(Boolean)
          .join(', ')
      : 'nothing';
  if (c.support.length === 0)
    themes.push({ theme: 'Support if targeted', text: 'The same support in both.' });
  for (const change of c.support) {
    const label = change.a?.label ?? change.b?.label ?? change.action;
    themes.push({
      theme: 'Support if targeted',
      text: `${label}: your draft — ${describe(change.a)}; ${otherTitle} — ${describe(change.b)}.`,
    });
  }
  const commitmentLabel = (id: string) =>
    draft.vocabulary.catalogues.commitments.get(id)?.label ??
    other.vocabulary.catalogues.commitments.get(id)?.label ??
    id;
  for (const id of c.commitments.removed)
    themes.push({ theme: 'Commitments', text: `Only your draft commits to: ${commitmentLabel(id)}.` });
  for (const id of c.commitments.added)
    themes.push({ theme: 'Commitments', text: `Only ${otherTitle} commits to: ${commitmentLabel(id)}.` });
  return {
    headline: `${otherTitle} ${VERDICT[c.verdict]}.`,
    themes,
    differences: c.differences.map((d) => ({
      when: d.region,
      share: d.share,
      draft: d.a.outcome,
      other: d.b.outcome,
      verdict: d.verdict,
    })),
  };
}
