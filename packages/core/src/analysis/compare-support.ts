import { dueAt } from '../deadline/duration.js';
import type { Duty } from '../model/policy.js';
import type { ResolvedVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { SupportEntry } from './policy-metrics.js';

/**
 * Which way a change moves the support staff get, or the protection a commitment gives them: `weaker` (less, later,
 * less binding, or left to the person targeted), `stronger`, or `neutral` (different, neither more nor less).
 */
export type SupportDirection = 'weaker' | 'stronger' | 'neutral';

/** The verdict on support or commitments as a whole: `same` when nothing changed, `mixed` when both ways. */
export type SupportVerdict = 'weaker' | 'stronger' | 'mixed' | 'same';

/** What about a duty action changed. */
export const SUPPORT_ASPECTS = ['presence', 'holder', 'modality', 'deadline', 'consent', 'coverage'] as const;
/** One aspect of support that can change. */
export type SupportAspect = (typeof SUPPORT_ASPECTS)[number];

/** One aspect of one duty action that differs between the two policies. */
export interface SupportAspectChange {
  readonly aspect: SupportAspect;
  /** The first policy's value in words (`null` when it had none). */
  readonly from: string | null;
  /** The second policy's value in words (`null` when it has none). */
  readonly to: string | null;
  readonly direction: SupportDirection;
}

/** A change in the support put in place for one duty action, aspect by aspect, with its direction. */
export interface SupportChange {
  readonly action: string;
  readonly a: SupportEntry | null;
  readonly b: SupportEntry | null;
  /** What changed, aspect by aspect. */
  readonly changes: readonly SupportAspectChange[];
  /** Whether the second policy's support for this action is weaker or stronger overall (`mixed` when both). */
  readonly verdict: Exclude<SupportVerdict, 'same'>;
}

/** A commitment added, dropped or turned into its opposite, and which way that moves staff's protection. */
export interface CommitmentChange {
  /** `added`, `removed`, or `reversed`: the first policy's commitment replaced by its opposite in the vocabulary. */
  readonly change: 'added' | 'removed' | 'reversed';
  /** The commitment concerned (for `reversed`, the first policy's). */
  readonly commitment: string;
  /** For `reversed`: the second policy's commitment, the opposite of the first. */
  readonly opposite?: string;
  /** Whether the commitment concerned protects staff or restricts them. */
  readonly polarity: 'protects' | 'restricts';
  readonly direction: Exclude<SupportDirection, 'neutral'>;
}

/** The person targeted, as a holder of a duty: support left to them is no support from the organisation. */
export const PERSON_TARGETED = 'person-targeted';

const MODALITY_RANK: Record<Duty['modality'], number> = { must: 3, should: 2, may: 1 };
const deadlineMs = (deadline: string) => dueAt(new Date(0), deadline).getTime();
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function aspectChanges(
  x: SupportEntry,
  y: SupportEntry,
  roleLabel: (id: string) => string,
): SupportAspectChange[] {
  const changes: SupportAspectChange[] = [];
  const holdersX = [...x.holders].sort().map(roleLabel).join(', ');
  const holdersY = [...y.holders].sort().map(roleLabel).join(', ');
  if (holdersX !== holdersY) {
    const onPerson = (e: SupportEntry) => e.holders.includes(PERSON_TARGETED);
    changes.push({
      aspect: 'holder',
      from: holdersX,
      to: holdersY,
      // Work moved onto the person targeted is support taken away; moved off them, support given.
      direction:
        onPerson(y) && !onPerson(x) ? 'weaker' : onPerson(x) && !onPerson(y) ? 'stronger' : 'neutral',
    });
  }
  if (x.modality !== y.modality)
    changes.push({
      aspect: 'modality',
      from: x.modality,
      to: y.modality,
      direction: MODALITY_RANK[y.modality] < MODALITY_RANK[x.modality] ? 'weaker' : 'stronger',
    });
  if (x.deadline !== y.deadline) {
    const direction: SupportDirection =
      x.deadline === undefined
        ? 'stronger'
        : y.deadline === undefined
          ? 'weaker'
          : deadlineMs(y.deadline) > deadlineMs(x.deadline)
            ? 'weaker'
            : deadlineMs(y.deadline) < deadlineMs(x.deadline)
              ? 'stronger'
              : 'neutral';
    changes.push({ aspect: 'deadline', from: x.deadline ?? null, to: y.deadline ?? null, direction });
  }
  if (x.consentRequired !== y.consentRequired)
    changes.push({
      aspect: 'consent',
      from: x.consentRequired ? 'with consent' : 'without asking',
      to: y.consentRequired ? 'with consent' : 'without asking',
      // Consent keeps the person in control of what is done to their accounts and in their name.
      direction: y.consentRequired ? 'stronger' : 'weaker',
    });
  if (x.coverage !== y.coverage && x.coverage !== null && y.coverage !== null)
    changes.push({
      aspect: 'coverage',
      from: percent(x.coverage),
      to: percent(y.coverage),
      direction: y.coverage < x.coverage ? 'weaker' : 'stronger',
    });
  return changes;
}

/** The verdict of a list of directions: `same` when none, `mixed` when weaker and stronger both occur. */
export function verdictOf(directions: readonly SupportDirection[]): SupportVerdict {
  const weaker = directions.includes('weaker');
  const stronger = directions.includes('stronger');
  return weaker && stronger ? 'mixed' : weaker ? 'weaker' : stronger ? 'stronger' : 'same';
}

/**
 * Support compared duty action by duty action: who holds it (moved onto the person targeted is weaker), how
 * binding it is (must, should, may), how soon (a longer or dropped deadline is weaker), whether it waits for the
 * person's consent (a dropped consent requirement is weaker), and how many work-related incidents it covers. A
 * duty action only one side has is support added or removed. Only actions that differ are listed. Holders are
 * named by `roleLabel` (by default their ids).
 */
export function compareSupport(
  a: readonly SupportEntry[],
  b: readonly SupportEntry[],
  roleLabel: (id: string) => string = (id) => id,
): SupportChange[] {
  const actions = [...new Set([...a.map((e) => e.action), ...b.map((e) => e.action)])];
  return actions.flatMap((action): SupportChange[] => {
    const x = a.find((e) => e.action === action) ?? null;
    const y = b.find((e) => e.action === action) ?? null;
    if (x && y) {
      const changes = aspectChanges(x, y, roleLabel);
      if (changes.length === 0) return [];
      const verdict = verdictOf(changes.map((c) => c.direction));
      // A change with no direction (one holder for another) is still a change; call it by what it is not.
      return [{ action, a: x, b: y, changes, verdict: verdict === 'same' ? 'mixed' : verdict }];
    }
    const removed = y === null;
    return [
      {
        action,
        a: x,
        b: y,
        changes: [
          {
            aspect: 'presence',
            from: removed ? action : null,
            to: removed ? null : action,
            direction: removed ? 'weaker' : 'stronger',
          },
        ],
        verdict: removed ? 'weaker' : 'stronger',
      },
    ];
  });
}

/**
 * Commitments compared by polarity: a protective commitment dropped, or a restrictive one added, is weaker
 * protection for staff; the reverse is stronger; a commitment replaced by its opposite in the vocabulary ("we will
 * not monitor your personal accounts" → "we monitor …") is one change, `reversed`.
 */
export function compareCommitments(
  a: readonly string[],
  b: readonly string[],
  vocabulary: ResolvedVocabulary,
): CommitmentChange[] {
  const inA = new Set(a);
  const inB = new Set(b);
  const catalogue = vocabulary.catalogues.commitments;
  const polarity = (id: string) => catalogue.get(id)?.polarity ?? 'protects';
  // The vocabulary names the opposite on one side of a pair (the promise); look both ways.
  const opposite = (id: string): string | undefined => {
    const own = catalogue.get(id)?.opposite;
    if (own) return own;
    for (const [other, entry] of catalogue) if (entry.opposite === id) return other;
    return undefined;
  };
  const changes: CommitmentChange[] = [];
  const paired = new Set<string>();
  for (const id of a) {
    if (inB.has(id)) continue;
    const other = opposite(id);
    if (other && inB.has(other) && !inA.has(other)) {
      paired.add(other);
      changes.push({
        change: 'reversed',
        commitment: id,
        opposite: other,
        polarity: polarity(id),
        direction: polarity(id) === 'protects' ? 'weaker' : 'stronger',
      });
    } else
      changes.push({
        change: 'removed',
        commitment: id,
        polarity: polarity(id),
        direction: polarity(id) === 'protects' ? 'weaker' : 'stronger',
      });
  }
  for (const id of b) {
    if (inA.has(id) || paired.has(id)) continue;
    changes.push({
      change: 'added',
      commitment: id,
      polarity: polarity(id),
      direction: polarity(id) === 'protects' ? 'stronger' : 'weaker',
    });
  }
  return changes;
}
