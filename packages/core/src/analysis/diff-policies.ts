import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import { deepFreeze } from '../model/deep-freeze.js';
import type { DoubtRule, FactDoubtRule, Policy } from '../model/policy.js';
import { conditionRegion, regionFacts } from '../region/region.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { THEME_LABELS, THEME_REGIONS, THEMES, type Theme } from '../vocabulary/themes.js';
import { compiledOf } from './analyze-policy.js';
import { comparePolicies, type OutcomeDifference, type PolicyComparison } from './compare-policies.js';
import type { SupportVerdict } from './compare-support.js';
import { leaningOf } from './compare-themes.js';
import type { FactDistribution } from './fact-distribution.js';
import {
  createSpace,
  disjoint,
  intersectMasks,
  type MaskRegion,
  regionShare,
  toMasks,
} from '../region/region.js';
import { spaceWeights } from './fact-distribution.js';

/** Options for `diffPolicies`. */
export interface DiffOptions {
  /**
   * How likely each fact value is, for the shares. Default: the vocabulary's default weights (`defaultWeights`); an
   * empty object `{}` weighs every value of every fact equally.
   */
  readonly distribution?: FactDistribution;
}

/** How decisions change within one theme, for staff reading "what changes". */
export interface ThemeChange {
  readonly theme: Theme;
  /** The theme's label ("Private life"). */
  readonly label: string;
  /** `stricter` or `looser` when the new version moves one way only in this theme, `mixed` when both. */
  readonly verdict: 'stricter' | 'looser' | 'mixed';
  /** For a mixed theme, the direction its changes mostly take (`leaningOf`); null when even, or not mixed. */
  readonly leaning: 'stricter' | 'looser' | null;
  /** Of the theme's situations (under the weights), the share where the new version is stricter. */
  readonly stricterShare: number;
  /** Of the theme's situations, the share where it is looser. */
  readonly looserShare: number;
  /** The differences that touch the theme, the largest share first (at most three): examples in words. */
  readonly examples: readonly OutcomeDifference[];
}

/** What a text change is about. */
export type TextChangeSubject = 'policy' | 'default' | 'rule' | 'duty' | 'commitment';

/** One passage of text that differs between the versions: a title, a reason, a quoted source, a summary. */
export interface TextChange {
  readonly subject: TextChangeSubject;
  /** The rule, duty or commitment id (absent for the policy and the default). */
  readonly id?: string;
  /** The field: `title`, `summary`, `reason`, `text`, `quote`, or `presence` for an entry added or removed. */
  readonly field: 'title' | 'summary' | 'reason' | 'text' | 'quote' | 'presence';
  /** The old text, or null when there was none. */
  readonly from: string | null;
  /** The new text, or null when there is none. */
  readonly to: string | null;
}

/**
 * A change in what an answer of "not sure" means: the policy-wide doubt rule (`fact` null) or one fact's, added
 * (`from` null), removed (`to` null) or resolved differently. Only what the rule decides counts (how it resolves, the
 * outcome, the assumed value, the conditions and reviewers), not its wording.
 */
export interface DoubtChange {
  readonly fact: string | null;
  readonly from: DoubtRule | FactDoubtRule | null;
  readonly to: DoubtRule | FactDoubtRule | null;
}

/** Everything that changes from one version of a policy to the next, for "what changes for staff". */
export interface PolicyDiff {
  /** Whether anything changes in meaning: a decision, the support owed, a commitment, or a doubt rule. */
  readonly meaningChanged: boolean;
  /** Which weights the shares are under. */
  readonly weights: 'default' | 'uniform' | 'given';
  /** The decisions, support and commitments compared exactly (every difference region, both reasons). */
  readonly comparison: PolicyComparison;
  /** The decisions that change, theme by theme, in the themes' order (themes with no change left out). */
  readonly themes: readonly ThemeChange[];
  /** Verdicts in one place: decisions (by strictness), support and commitments (weaker or stronger for staff). */
  readonly verdicts: {
    readonly decisions: PolicyComparison['verdict'];
    readonly support: SupportVerdict;
    readonly commitments: SupportVerdict;
  };
  /** Titles, reasons, quotes, texts and the summary that differ, matched by id (order does not matter). */
  readonly text: readonly TextChange[];
  /** Changes in what "not sure" means, the policy-wide rule first, then by fact in the newer version's order. */
  readonly doubt: readonly DoubtChange[];
}

type Texts = Partial<Record<TextChange['field'], string>>;
interface Entry {
  readonly id: string;
  readonly texts: Texts;
}

function entriesOf(policy: Policy): Record<Exclude<TextChangeSubject, 'policy' | 'default'>, Entry[]> {
  const quote = (e: { source?: { quote?: string } }) => e.source?.quote;
  const texts = (t: Partial<Record<TextChange['field'], string | undefined>>): Texts =>
    Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as Texts;
  return {
    rule: policy.rules.map((r) => ({
      id: r.id,
      texts: texts({ title: r.title, reason: r.reason, quote: quote(r) }),
    })),
    duty: (policy.duties ?? []).map((d) => ({
      id: d.id,
      texts: texts({ text: d.text, reason: d.reason, quote: quote(d) }),
    })),
    commitment: (policy.commitments ?? []).map((c) => ({
      id: c.id,
      texts: texts({ text: c.text, quote: quote(c) }),
    })),
  };
}

const FIELDS: readonly TextChange['field'][] = ['title', 'summary', 'text', 'reason', 'quote'];

/** Text changes, matched by id so that reordering changes nothing; entries added or removed are `presence`. */
function textChanges(a: Policy, b: Policy): TextChange[] {
  const out: TextChange[] = [];
  const field = (
    subject: TextChangeSubject,
    id: string | undefined,
    name: TextChange['field'],
    from: string | undefined,
    to: string | undefined,
  ) => {
    if (from === to) return;
    out.push({ subject, ...(id ? { id } : {}), field: name, from: from ?? null, to: to ?? null });
  };
  field('policy', undefined, 'title', a.title, b.title);
  field('policy', undefined, 'summary', a.summary, b.summary);
  field('default', undefined, 'reason', a.default.reason, b.default.reason);
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  for (const subject of ['rule', 'duty', 'commitment'] as const) {
    const before = new Map(ea[subject].map((e) => [e.id, e]));
    const after = new Map(eb[subject].map((e) => [e.id, e]));
    for (const [id, x] of before) {
      const y = after.get(id);
      if (!y) {
        field(subject, id, 'presence', x.texts.title ?? x.texts.text ?? id, undefined);
        continue;
      }
      for (const name of FIELDS) field(subject, id, name, x.texts[name], y.texts[name]);
    }
    for (const [id, y] of after)
      if (!before.has(id)) field(subject, id, 'presence', undefined, y.texts.title ?? y.texts.text ?? id);
  }
  return out;
}

/** What a doubt rule decides, as one comparable string: its wording and provenance left out. */
function doubtMeaning(rule: DoubtRule | FactDoubtRule): string {
  switch (rule.resolve) {
    case 'strictest':
      return 'strictest';
    case 'outcome':
      return JSON.stringify([
        rule.outcome,
        [...(rule.conditions ?? [])].sort(),
        [...(rule.reviewers ?? [])].sort(),
      ]);
    case 'assume':
      return JSON.stringify(['assume', rule.value]);
    default:
      return rule satisfies never;
  }
}

/** The doubt rules whose meaning differs between the versions, matched by fact. */
function doubtChanges(a: Policy, b: Policy): DoubtChange[] {
  const out: DoubtChange[] = [];
  const compare = (fact: string | null, from: DoubtRule | FactDoubtRule | undefined, to: typeof from) => {
    if (from === undefined && to === undefined) return;
    if (from !== undefined && to !== undefined && doubtMeaning(from) === doubtMeaning(to)) return;
    out.push({ fact, from: from ?? null, to: to ?? null });
  };
  compare(null, a.doubt?.default, b.doubt?.default);
  const before = new Map((a.doubt?.facts ?? []).map((r) => [r.fact, r]));
  const after = new Map((b.doubt?.facts ?? []).map((r) => [r.fact, r]));
  for (const [fact, rule] of after) compare(fact, before.get(fact), rule);
  for (const [fact, rule] of before) if (!after.has(fact)) compare(fact, rule, undefined);
  return out;
}

/** The decisions that change, theme by theme, with shares of each theme's own situations under the weights. */
function themeChanges(
  comparison: PolicyComparison,
  a: CompiledPolicy,
  b: CompiledPolicy,
  distribution: FactDistribution,
): ThemeChange[] {
  if (comparison.differences.length === 0) return [];
  const domains = (fact: string): readonly FactValue[] =>
    a.vocabulary.facts.has(fact) ? a.domains(fact) : b.domains(fact);
  const themeRegions = THEMES.map((theme) => conditionRegion(THEME_REGIONS[theme], domains));
  const facts = [...new Set([...comparison.facts, ...themeRegions.flatMap(regionFacts)])];
  const space = createSpace(facts, domains);
  const weights = spaceWeights(space, distribution);
  const share = (cubes: MaskRegion) => regionShare(disjoint(cubes, space), space, weights);
  const differences = comparison.differences.map((d) => ({
    d,
    cubes: toMasks(conditionRegion(d.when, domains), space),
  }));
  const out: ThemeChange[] = [];
  THEMES.forEach((theme, i) => {
    const region = toMasks(themeRegions[i]!, space);
    const whole = share(region);
    if (whole === 0) return;
    let stricter = 0;
    let looser = 0;
    const touching: { d: OutcomeDifference; s: number }[] = [];
    for (const { d, cubes } of differences) {
      const s = share(intersectMasks(region, cubes, space));
      if (s === 0) continue;
      touching.push({ d, s });
      if (d.verdict === 'stricter') stricter += s;
      else looser += s;
    }
    if (touching.length === 0) return;
    touching.sort((x, y) => y.s - x.s);
    const verdict = stricter > 0 && looser > 0 ? 'mixed' : stricter > 0 ? 'stricter' : 'looser';
    out.push({
      theme,
      label: THEME_LABELS[theme].label,
      verdict,
      leaning: verdict === 'mixed' ? leaningOf(stricter, looser) : null,
      stricterShare: stricter / whole,
      looserShare: looser / whole,
      examples: touching.slice(0, 3).map((t) => t.d),
    });
  });
  return out;
}

/**
 * What changes from one version of a policy to the next, for staff: the decisions that change, theme by theme
 * (shares of each theme's situations under the default weights unless others are given, with examples in words),
 * support that gets weaker or stronger (holder, modality, deadline, consent, a duty removed), commitments added,
 * dropped or reversed, and the text that changes (titles, reasons, quotes, the summary), matched by id so that
 * reordering is no change, and what an answer of "not sure" means (the doubt rules). `meaningChanged` is false
 * exactly when no decision, support, commitment or doubt rule changes.
 * @example
 * const diff = diffPolicies(current, proposed);
 * if (diff.verdicts.support === 'weaker') console.log('support is cut');
 */
export function diffPolicies(
  v1: Policy | CompiledPolicy,
  v2: Policy | CompiledPolicy,
  options: DiffOptions = {},
): PolicyDiff {
  const a = compiledOf(v1);
  const b = compiledOf(v2);
  const distribution = options.distribution ?? defaultWeights;
  const comparison = comparePolicies(a, b, { distribution });
  const doubt = doubtChanges(a.policy, b.policy);
  const meaningChanged =
    comparison.differences.length > 0 ||
    comparison.support.length > 0 ||
    comparison.commitmentChanges.length > 0 ||
    doubt.length > 0;
  return deepFreeze({
    meaningChanged,
    weights:
      options.distribution === undefined || options.distribution === defaultWeights
        ? 'default'
        : Object.keys(options.distribution).length === 0
          ? 'uniform'
          : 'given',
    comparison,
    themes: themeChanges(comparison, a, b, distribution),
    verdicts: {
      decisions: comparison.verdict,
      support: comparison.supportVerdict,
      commitments: comparison.commitmentVerdict,
    },
    text: textChanges(a.policy, b.policy),
    doubt,
  });
}
