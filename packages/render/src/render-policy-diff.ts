import {
  describeDeadline,
  type DoubtChange,
  type PolicyDiff,
  type SupportAspectChange,
  type SupportVerdict,
  type TextChange,
} from '@fairpost/core';
import { escapeHtml } from './escape-html.js';
import { escapeMarkdown } from './escape-markdown.js';

/** What to call the two versions in "what changes for staff". */
export interface PolicyDiffSides {
  /** The current version ("Current policy", a title, a file name). */
  readonly a: string;
  /** The proposed version. */
  readonly b: string;
  /** What the shares were measured under ("the weights in my-weights.yaml"); by default told from the diff. */
  readonly weights?: string;
}

/** A run of text: plain, emphasised, or quoted from the policy. Every run is escaped by the renderer. */
interface Run {
  readonly text: string;
  readonly kind: 'plain' | 'strong' | 'quote';
}
type Line = readonly Run[];
interface Section {
  readonly heading: string;
  readonly lines: readonly Line[];
}

const plain = (text: string): Run => ({ text, kind: 'plain' });
const strong = (text: string): Run => ({ text, kind: 'strong' });
const quoted = (text: string): Run => ({ text, kind: 'quote' });
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

const SUPPORT_WORDS: Record<SupportVerdict, string> = {
  weaker: 'weaker: staff who are targeted get less, later, or have to do more themselves',
  stronger: 'stronger: staff who are targeted get more, or sooner',
  mixed: 'mixed: stronger in some ways, weaker in others',
  same: 'unchanged',
};
const COMMITMENT_WORDS: Record<SupportVerdict, string> = {
  weaker: 'weaker protection for staff',
  stronger: 'stronger protection for staff',
  mixed: 'mixed: some protections gained, some lost',
  same: 'unchanged',
};
const DECISION_WORDS: Record<PolicyDiff['verdicts']['decisions'], string> = {
  stricter: 'stricter',
  looser: 'looser',
  same: 'unchanged',
  incomparable: 'stricter in some situations and looser in others',
};

/** One aspect of a support change in words: "within 24 hours instead of within 4 hours", "removed". */
export function aspectWords(change: SupportAspectChange): string {
  const deadline = (d: string | null) => (d === null ? 'no deadline' : describeDeadline(d));
  switch (change.aspect) {
    case 'presence':
      return change.to === null ? 'removed' : 'added';
    case 'holder':
      return `done by ${change.to} instead of ${change.from}`;
    case 'modality':
      return `${change.to} instead of ${change.from}`;
    case 'deadline':
      return `${deadline(change.to)} instead of ${deadline(change.from)}`;
    case 'consent':
      return `${change.to} instead of ${change.from}`;
    case 'coverage':
      return `for ${change.to} of work-related incidents instead of ${change.from}`;
    default:
      return change.aspect satisfies never;
  }
}

function textSubject(change: TextChange): string {
  const what = change.field === 'presence' ? '' : ` ${change.field}`;
  switch (change.subject) {
    case 'policy':
      return `The policy’s${what}`;
    case 'default':
      return `The default’s${what}`;
    case 'rule':
    case 'duty':
    case 'commitment':
      return `${change.subject[0]!.toUpperCase()}${change.subject.slice(1)} “${change.id ?? ''}”${what}`;
    default:
      return change.subject satisfies never;
  }
}

/** What one side of a doubt change decides, in words (ids as the rest of the diff names outcomes). */
function doubtWords(rule: DoubtChange['from'], fact: string | null): string {
  if (rule === null)
    return fact === null
      ? 'no rule (“not sure” stays unknown)'
      : 'no rule of its own (the policy-wide rule, if any)';
  switch (rule.resolve) {
    case 'strictest':
      return 'the strictest outcome still possible';
    case 'outcome':
      return `${rule.outcome}${rule.reviewers?.length ? ` (ask ${rule.reviewers.join(', ')})` : ''}`;
    case 'assume':
      return `decide as if ${JSON.stringify(rule.value)}`;
    default:
      return rule satisfies never;
  }
}

function sections(diff: PolicyDiff, sides: PolicyDiffSides): Section[] {
  const c = diff.comparison;
  const weights =
    sides.weights !== undefined && diff.weights === 'given'
      ? `under ${sides.weights}`
      : diff.weights === 'default'
        ? 'under the default weights (docs/weights.md)'
        : diff.weights === 'uniform'
          ? 'with every value of every fact equally likely'
          : 'under the weights given';
  const out: Section[] = [];
  const summary: Line[] = [
    [
      plain(`From ${sides.a} to ${sides.b}. `),
      strong(
        diff.meaningChanged ? 'This changes what the policy means for staff.' : 'Nothing changes in meaning.',
      ),
    ],
    [
      plain('Decisions: '),
      strong(DECISION_WORDS[diff.verdicts.decisions]),
      plain(
        c.differences.length > 0
          ? ` (stricter in ${percent(c.stricterShare)} and looser in ${percent(c.looserShare)} of situations, ${weights}).`
          : '.',
      ),
    ],
    [plain('Support when you are targeted: '), strong(SUPPORT_WORDS[diff.verdicts.support]), plain('.')],
    [plain('Commitments: '), strong(COMMITMENT_WORDS[diff.verdicts.commitments]), plain('.')],
    ...(diff.doubt.length > 0
      ? [
          [
            plain('What “not sure” means: '),
            strong(`${diff.doubt.length} ${diff.doubt.length === 1 ? 'rule changes' : 'rules change'}`),
            plain('.'),
          ] satisfies Line,
        ]
      : []),
  ];
  out.push({ heading: 'In short', lines: summary });
  if (diff.themes.length > 0) {
    out.push({
      heading: 'Decisions that change, by theme',
      lines: diff.themes.map((t): Line => {
        const example = t.examples[0]!;
        const shares =
          t.verdict === 'mixed'
            ? `${t.leaning ? `mixed, mostly ${t.leaning}: ` : ''}stricter in ${percent(t.stricterShare)} and looser in ${percent(t.looserShare)} of its situations`
            : `${t.verdict} in ${percent(t.verdict === 'stricter' ? t.stricterShare : t.looserShare)} of its situations`;
        return [
          strong(t.label),
          plain(
            `: ${shares}. For example, when ${example.region}: ${example.a.outcome} → ${example.b.outcome}.`,
          ),
        ];
      }),
    });
  } else if (c.differences.length > 0) {
    out.push({
      heading: 'Decisions that change',
      lines: c.differences
        .slice(0, 10)
        .map(
          (d): Line => [plain(`When ${d.region}: ${d.a.outcome} → ${d.b.outcome} (${percent(d.share)}).`)],
        ),
    });
  }
  if (c.support.length > 0)
    out.push({
      heading: 'Support when you are targeted',
      lines: c.support.map((s): Line => {
        const entry = s.b ?? s.a;
        return [
          strong(entry?.label ?? s.action),
          plain(`: ${s.changes.map(aspectWords).join('; ')} — `),
          strong(s.verdict === 'mixed' ? 'changed' : `${s.verdict} support`),
          plain('.'),
        ];
      }),
    });
  if (c.commitmentChanges.length > 0)
    out.push({
      heading: 'Commitments',
      lines: c.commitmentChanges.map(
        (m): Line => [
          plain(
            m.change === 'reversed'
              ? `Reversed: ${m.commitment} becomes ${m.opposite ?? ''}`
              : `${m.change === 'added' ? 'Added' : 'Dropped'}: ${m.commitment}`,
          ),
          plain(' — '),
          strong(`${m.direction} protection`),
          plain('.'),
        ],
      ),
    });
  if (diff.doubt.length > 0)
    out.push({
      heading: 'What “not sure” means',
      lines: diff.doubt.map(
        (d): Line => [
          plain(d.fact === null ? 'Any fact answered “not sure”: ' : `${d.fact} answered “not sure”: `),
          plain(doubtWords(d.from, d.fact)),
          plain(' → '),
          strong(doubtWords(d.to, d.fact)),
          plain('.'),
        ],
      ),
    });
  if (diff.text.length > 0)
    out.push({
      heading: 'Wording that changes',
      lines: diff.text.map((t): Line => {
        if (t.field === 'presence')
          return [
            plain(`${textSubject(t)} ${t.to === null ? 'removed' : 'added'}: `),
            quoted(t.to ?? t.from ?? ''),
          ];
        return [
          plain(`${textSubject(t)}: `),
          ...(t.from === null ? [plain('none')] : [quoted(t.from)]),
          plain(' → '),
          ...(t.to === null ? [plain('none')] : [quoted(t.to)]),
        ];
      }),
    });
  return out;
}

function markdownRun(run: Run): string {
  switch (run.kind) {
    case 'plain':
      return escapeMarkdown(run.text);
    case 'strong':
      return `**${escapeMarkdown(run.text)}**`;
    case 'quote':
      return `“${escapeMarkdown(run.text)}”`;
    default:
      return run.kind satisfies never;
  }
}

function htmlRun(run: Run): string {
  switch (run.kind) {
    case 'plain':
      return escapeHtml(run.text);
    case 'strong':
      return `<strong>${escapeHtml(run.text)}</strong>`;
    case 'quote':
      return `<q>${escapeHtml(run.text)}</q>`;
    default:
      return run.kind satisfies never;
  }
}

/**
 * "What changes for staff" between two versions of a policy, as Markdown a union can circulate: the verdicts in
 * words, the decisions that change by theme (shares and an example), support made weaker or stronger, commitments
 * added, dropped or reversed, and the wording that changes. Everything from the policies is escaped.
 * @example
 * writeFileSync('changes.md', renderPolicyDiffMarkdown(diffPolicies(current, proposed), { a: 'Current', b: 'Proposed' }));
 */
export function renderPolicyDiffMarkdown(diff: PolicyDiff, sides: PolicyDiffSides): string {
  const out = [`# What changes for staff`, ''];
  for (const section of sections(diff, sides)) {
    out.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const line of section.lines) out.push(`- ${line.map(markdownRun).join('')}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}q{font-style:italic}li{margin:.4rem 0}';

/**
 * "What changes for staff" as a standalone HTML page: the same content as `renderPolicyDiffMarkdown`, every text
 * from the policies escaped so that it renders inert.
 * @example
 * writeFileSync('changes.html', renderPolicyDiffHtml(diffPolicies(current, proposed), { a: 'Current', b: 'Proposed' }));
 */
export function renderPolicyDiffHtml(diff: PolicyDiff, sides: PolicyDiffSides): string {
  const body = sections(diff, sides).flatMap((section) => [
    `<h2>${escapeHtml(section.heading)}</h2>`,
    '<ul>',
    ...section.lines.map((line) => `<li>${line.map(htmlRun).join('')}</li>`),
    '</ul>',
  ]);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>What changes for staff</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>What changes for staff</h1>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
