import { Document, stringify } from 'yaml';
import { describeDeadline, readDeadline } from '../deadline/duration.js';
import { formatDocument } from '../format/format-document.js';
import type { Condition } from '../model/condition.js';
import type { Commitment, Duty, Policy, Rule } from '../model/policy.js';
import { ID_PATTERN, SCHEMA_VERSION, VOCABULARY_ID } from '../model/policy-format.js';
import {
  describeAnswer,
  type InterviewAnswers,
  InterviewAnswersSchema,
  questionApplies,
} from './interview-answers.js';
import {
  INTERVIEW,
  type InterviewQuestionId,
  PEOPLE_SERVED,
  REPORT_RECEIVERS,
  REVIEWERS,
  type Support,
  URGENT_SUPPORT,
} from './interview-questions.js';

/** A policy drafted from interview answers: the policy, its YAML text, and the answers (defaults filled in). */
export interface PolicyDraft {
  /** The policy, valid in the standard vocabulary. */
  readonly policy: Policy;
  /** The policy as YAML in the canonical layout `fairpost fmt` writes, with the answers kept in a closing comment. */
  readonly yaml: string;
  /** The answers it was drafted from, every question answered. */
  readonly answers: InterviewAnswers;
}

/** The `sources` id every traced entry points at. */
export const INTERVIEW_SOURCE_ID = 'interview';
/** The line that opens the answers comment at the end of a draft; `readDraftAnswers` looks for it. */
export const ANSWERS_MARKER = 'fairpost-interview-answers:';
/** The published schema address a draft names, so the same answers give the same bytes wherever they are drafted. */
export const DRAFT_SCHEMA_URL = 'https://schemas.fairpost.dev/1/draft-07/policy.json';

const PERSONAL_ACCOUNTS = ['personal', 'personal-named', 'pseudonymous'] as const;

/** Each kind of support as a duty: who holds it, how binding, and why. `receiver` is whoever receives reports. */
const SUPPORT_DUTIES: Record<
  Support,
  {
    readonly holder: Duty['holder'] | 'receiver';
    readonly modality: Duty['modality'];
    readonly consentRequired?: boolean;
    readonly also?: Condition;
    readonly reason: string;
  }
> = {
  'risk-assessment': {
    holder: 'receiver',
    modality: 'must',
    reason: 'The right response depends on the risk to you, and you know that risk best.',
  },
  'take-over-replies': {
    holder: 'comms-team',
    modality: 'must',
    consentRequired: true,
    reason: 'You should not have to engage with abuse you receive for doing your job.',
  },
  'report-to-platforms': {
    holder: 'comms-team',
    modality: 'must',
    reason: 'Reporting abuse takes time and knowing each platform’s rules; it is our job, not yours.',
  },
  'lock-down-accounts': {
    holder: 'comms-team',
    modality: 'must',
    consentRequired: true,
    reason: 'Stepping away is easier when someone else is watching your accounts for you.',
  },
  'security-help': {
    holder: 'organisation',
    modality: 'must',
    reason: 'Securing your devices and accounts stops an attack from spreading.',
  },
  'remove-details-from-website': {
    holder: 'comms-team',
    modality: 'must',
    reason: 'Nothing on our own website should help anyone find you.',
  },
  'pay-data-broker-removal': {
    holder: 'organisation',
    modality: 'must',
    reason: 'Your address can be bought online; the organisation pays to have it taken down.',
  },
  'time-off-or-adjusted-duties': {
    holder: 'line-manager',
    modality: 'must',
    reason: 'Being targeted is exhausting; time away or lighter duties help you recover.',
  },
  'legal-support': {
    holder: 'organisation',
    modality: 'must',
    reason: 'Some attacks break the law; you should not have to pay to find out your options.',
  },
  'psychological-support': {
    holder: 'organisation',
    modality: 'must',
    reason: 'Online abuse does real harm; counselling is there if you want it.',
  },
  'record-incident': {
    holder: 'receiver',
    modality: 'must',
    reason: 'A record shows what happened and what was done, for you and for anything that follows.',
  },
  'no-statement-against-wishes': {
    holder: 'organisation',
    modality: 'must',
    reason: 'A public statement can draw more attention to you, so it is your call.',
  },
  'police-report-with-consent': {
    holder: 'receiver',
    modality: 'may',
    consentRequired: true,
    reason: 'Some people want the police involved and some have good reasons not to; it is never required.',
  },
  'no-disciplinary-action': {
    holder: 'organisation',
    modality: 'must',
    reason:
      'You are targeted because of the work we do together. Being attacked is never a disciplinary matter.',
  },
  'equal-support-for-freelancers-and-volunteers': {
    holder: 'organisation',
    modality: 'must',
    also: { fact: 'actor.role', in: ['freelancer', 'volunteer'] },
    reason: 'Freelancers and volunteers doing our work are targeted for it just as staff are.',
  },
  'emergency-fund': {
    holder: 'leadership',
    modality: 'must',
    also: { fact: 'incident.severity', is: 'risk-to-safety' },
    reason: 'When your safety is at risk, waiting for a budget meeting is not an option.',
  },
  'review-after-incident': {
    holder: 'receiver',
    modality: 'should',
    reason:
      'Each incident teaches something; reviewing it with you improves the response for the next person.',
  },
};

/**
 * Drafts a policy from interview answers: valid in the standard vocabulary, every rule, duty and commitment traced to
 * the answer that produced it (its `source` names the interview, the question and the answer in words), and the YAML
 * in the canonical layout with the answers kept in a closing comment so that the draft can be reopened
 * (`readDraftAnswers`). The same answers always give the same bytes. Throws only for answers that are not valid
 * (read them with `parseInterviewAnswers` first).
 * @example
 * const draft = draftPolicy(defaultInterviewAnswers());
 * writeFileSync('policy.yaml', draft.yaml);
 */
export function draftPolicy(answers: InterviewAnswers): PolicyDraft {
  const checked = InterviewAnswersSchema.safeParse(answers);
  if (!checked.success)
    throw new TypeError(`draftPolicy needs valid interview answers: ${checked.error.issues[0]?.message}`);
  const { $schema: _, ...a } = checked.data;
  const policy = policyFrom(a);
  return { policy, yaml: yamlOf(policy, a), answers: a };
}

function policyFrom(a: InterviewAnswers): Policy {
  const applies = (id: InterviewQuestionId) => questionApplies(questionOf(id), a);
  // A multi-choice answer is traced to the one option that produced the entry, not to the whole list.
  const trace = (id: InterviewQuestionId, option?: string) => {
    const q = questionOf(id);
    const label = q.kind === 'multi-choice' ? q.options.find((o) => o.value === option)?.label : undefined;
    return { document: INTERVIEW_SOURCE_ID, section: q.prompt, quote: label ?? describeAnswer(q, a) };
  };
  const respond = deadlineOf(a.respondWithin);
  const urgent = deadlineOf(a.urgentSupportWithin);
  const receiver = a.reportsTo;
  const receiverWords = REPORT_RECEIVERS[receiver].replace(/^A /, 'a ').replace(/^The /, 'the ');
  const runsAccounts = applies('publicInformationFreely');

  const rules: Rule[] = [];
  if (applies('confidentiality')) {
    const children = a.peopleServed === 'children-and-families';
    if (a.confidentiality === 'with-consent')
      rules.push({
        id: 'identifying-only-with-consent',
        title: 'Identifying someone we support, with their consent',
        topic: 'clients',
        when: {
          all: [
            { fact: 'content.identifiesClient', is: true },
            { fact: 'content.hasConsent', is: true },
          ],
        },
        outcome: 'permitted-with-conditions',
        conditions: [children ? 'get-written-parental-consent' : 'get-consent'],
        reason: children
          ? 'A child can be identified only with written consent from a parent or carer.'
          : 'Someone we support can decide to be identified, but only they can decide it.',
        source: trace('confidentiality'),
      });
    rules.push({
      id: 'never-identify-the-people-we-support',
      title: 'Keep the people we support confidential',
      topic: 'clients',
      when: { fact: 'content.identifiesClient', is: true },
      outcome: 'not-permitted',
      reason:
        a.confidentiality === 'with-consent'
          ? 'The people we support can be put at risk by being identified. Without their consent, nothing you post, on any account and at any time, may identify them.'
          : 'The people we support can be put at risk by being identified. Nothing you post, on any account and at any time, may identify them.',
      source: trace('confidentiality'),
    });
  }
  if (applies('noConnectingWithClients') && a.noConnectingWithClients)
    rules.push({
      id: 'no-connecting-with-the-people-we-support',
      title: 'Friending or following the people we support',
      topic: 'clients',
      when: {
        all: [
          { fact: 'activity.kind', is: 'connect' },
          { fact: 'counterpart.kind', in: ['client', 'former-client'] },
          { fact: 'actor.clientFacing', is: true },
        ],
      },
      outcome: 'not-permitted',
      reason:
        'A connection can reveal someone’s link to our service and blurs a professional relationship, so staff who work with them directly do not friend or follow them.',
      source: trace('noConnectingWithClients'),
    });
  if (a.noHarassingColleagues)
    rules.push({
      id: 'no-harassing-colleagues',
      title: 'Do not harass colleagues',
      topic: 'conduct',
      when: {
        all: [
          { fact: 'content.isAbusive', is: true },
          { fact: 'counterpart.kind', in: ['colleague', 'manager'] },
        ],
      },
      outcome: 'not-permitted',
      reason: 'Harassing a colleague online is harassment at work, wherever it happens.',
      source: trace('noHarassingColleagues'),
    });
  if (a.unionActivityProtected)
    rules.push({
      id: 'union-activity',
      title: 'Union activity',
      topic: 'own-accounts',
      when: {
        all: [
          { fact: 'content.kind', is: 'union-activity' },
          { fact: 'account.kind', in: [...PERSONAL_ACCOUNTS] },
        ],
      },
      outcome: 'permitted',
      reason: 'Lawful union activity is protected, in work time as well as your own.',
      source: trace('unionActivityProtected'),
    });
  rules.push({
    id: 'views-on-our-work',
    title: 'Your views on our work, on an account that names us',
    topic: 'own-accounts',
    when: {
      all: [
        { fact: 'account.kind', is: 'personal-named' },
        { fact: 'content.kind', in: ['view-on-work-topic', 'view-on-employer'] },
      ],
    },
    ...viewsOutcome(a),
    source: trace('personalViews'),
  });
  if (a.ownTimeOutOfScope)
    rules.push({
      id: 'own-time-is-your-own',
      title: 'Your own accounts in your own time',
      topic: 'scope',
      when: {
        all: [
          { fact: 'account.kind', in: [...PERSONAL_ACCOUNTS] },
          { fact: 'context.time', is: 'own-time' },
        ],
      },
      outcome: 'out-of-scope',
      reason: 'What you do on your own accounts in your own time is your business.',
      source: trace('ownTimeOutOfScope'),
    });
  if (a.organisationKind === 'public-body')
    rules.push({
      id: 'no-party-politics-on-our-accounts',
      title: 'Party politics on our accounts',
      topic: 'organisation-accounts',
      when: {
        all: [
          { fact: 'account.kind', is: 'organisational' },
          { fact: 'content.kind', is: 'party-political' },
        ],
      },
      outcome: 'not-permitted',
      reason:
        'A public body serves everyone, whoever they vote for, so its accounts stay out of party politics.',
      source: trace('organisationKind'),
    });
  if (runsAccounts && a.publicInformationFreely)
    rules.push({
      id: 'public-information-on-our-accounts',
      title: 'Sharing what is already public on our accounts',
      topic: 'organisation-accounts',
      when: {
        all: [
          { fact: 'account.kind', is: 'organisational' },
          { fact: 'content.kind', in: ['public-information', 'pointer'] },
        ],
      },
      outcome: 'permitted',
      reason: 'If it is already public, anyone who runs one of our accounts can share it without asking.',
      source: trace('publicInformationFreely'),
    });
  if (runsAccounts)
    rules.push({
      id: 'new-content-on-our-accounts',
      title: 'Anything new on our accounts',
      topic: 'organisation-accounts',
      when: { fact: 'account.kind', is: 'organisational' },
      outcome: 'check-first',
      reviewers: [a.reviewer],
      reason: `Our accounts speak for everyone here, so ${REVIEWERS[a.reviewer].toLowerCase()} checks new content first.`,
      source: trace('reviewer'),
    });

  const targeted = (also?: Condition): Condition => ({
    all: [
      { fact: 'incident.kind', notIn: ['none'] },
      { fact: 'incident.workRelated', is: true },
      ...(also ? [also] : []),
    ],
  });
  const duties: Duty[] = [
    {
      id: 'receive-report',
      when: targeted(),
      action: 'receive-report',
      holder: receiver,
      modality: 'must',
      ...respond,
      reason: 'Someone must own the response from the start, so that you are not left to chase help.',
      source: trace('respondWithin'),
    },
  ];
  for (const action of a.support) {
    const spec = SUPPORT_DUTIES[action];
    const isUrgent = URGENT_SUPPORT.includes(action);
    duties.push({
      id: action,
      when: targeted(spec.also),
      action,
      holder: spec.holder === 'receiver' ? receiver : spec.holder,
      modality: spec.modality,
      ...(isUrgent ? urgent : {}),
      ...(spec.consentRequired ? { consentRequired: true } : {}),
      reason: spec.reason,
      source: trace('support', action),
    });
  }

  const commitments: Commitment[] = [];
  if (a.ownTimeOutOfScope)
    commitments.push({
      id: 'own-time-is-your-own',
      commitment: 'own-time-is-your-own',
      source: trace('ownTimeOutOfScope'),
    });
  for (const promise of a.promises)
    commitments.push({ id: promise, commitment: promise, source: trace('promises', promise) });
  if (a.unionActivityProtected)
    commitments.push({
      id: 'union-activity-protected',
      commitment: 'union-activity-protected',
      source: trace('unionActivityProtected'),
    });
  commitments.push({
    id: 'support-when-targeted',
    commitment: 'support-when-targeted',
    source: trace('reportsTo'),
  });

  const served = PEOPLE_SERVED[a.peopleServed];
  return {
    schemaVersion: SCHEMA_VERSION,
    id: policyIdOf(a.organisation),
    title: `${a.organisation}: social media policy`,
    organisation: a.organisation,
    version: 'draft 1',
    status: 'draft',
    language: 'en-GB',
    vocabulary: VOCABULARY_ID,
    summary: [
      `How ${a.organisation} uses social media, what it asks of the people who work here and what it promises them.`,
      `We serve ${served.charAt(0).toLowerCase()}${served.slice(1)}.`,
      a.ownTimeOutOfScope
        ? 'What you do on your own accounts in your own time is your business, except for the few things that touch other people’s safety.'
        : '',
      `If you are targeted online because of your work, tell ${receiverWords}: they respond ${describeDeadline(respond.deadline, respond.workingDays ? { workingDays: true } : {})}, and the organisation stands by you.`,
    ]
      .filter(Boolean)
      .join(' '),
    sources: [
      {
        id: INTERVIEW_SOURCE_ID,
        title: 'Answers to the Fairpost policy interview',
        note: 'Each rule, duty and commitment names the question and the answer it was drafted from.',
      },
    ],
    resolution: 'first-match',
    default: {
      outcome: 'permitted',
      reason:
        'What this policy does not restrict, you may do. It restricts only what protects other people or the work.',
    },
    rules,
    duties,
    commitments,
  };
}

function viewsOutcome(a: InterviewAnswers): Pick<Rule, 'outcome' | 'conditions' | 'reviewers' | 'reason'> {
  switch (a.personalViews) {
    case 'say-it-is-yours':
      return {
        outcome: 'permitted-with-conditions',
        conditions: ['state-personal-view'],
        reason:
          'People who can see where you work may read your view as ours. Say it is your own view and you are free to give it, including disagreement.',
      };
    case 'free':
      return { outcome: 'permitted', reason: 'Your views are your own, including disagreement with us.' };
    case 'check-first':
      return {
        outcome: 'check-first',
        reviewers: [a.reviewer],
        reason: 'People who can see where you work may read your view as ours, so talk it through first.',
      };
    default:
      return a.personalViews satisfies never;
  }
}

/** A deadline answer as the duty stores it: the ISO duration, and `workingDays` when it counts working days. */
function deadlineOf(words: string): { deadline: string; workingDays?: true } {
  const read = readDeadline(words);
  if (!read.ok) throw new TypeError(`draftPolicy: ${read.problem.message}`);
  return read.deadline.workingDays
    ? { deadline: read.deadline.duration, workingDays: true }
    : { deadline: read.deadline.duration };
}

function questionOf(id: InterviewQuestionId) {
  return INTERVIEW.find((q) => q.id === id)!;
}

/** The policy id from the organisation's name: `Riverside Advice` → `riverside-advice-social-media`. */
function policyIdOf(organisation: string): string {
  const base = organisation
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const id = base ? `${base}-social-media` : 'social-media';
  return ID_PATTERN.test(id) ? id : 'social-media';
}

/** The draft's text: the schema line, the policy in the canonical layout, and the answers in a closing comment. */
function yamlOf(policy: Policy, answers: InterviewAnswers): string {
  const doc = new Document(policy);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${DRAFT_SCHEMA_URL}`,
    ' Drafted by the Fairpost policy interview. Edit it freely: each rule and duty names the answer it came from,',
    ' and the answers themselves are kept at the end, so that the interview can reopen this draft.',
  ].join('\n');
  const answerLines = stringify(answers, { lineWidth: 0 }).trimEnd().split('\n');
  doc.comment = [` ${ANSWERS_MARKER}`, ...answerLines.map((line) => `   ${line}`)].join('\n');
  const formatted = formatDocument(doc.toString({ lineWidth: 0 }), 'draft.yaml');
  if (!formatted.ok) throw new Error(`draftPolicy wrote YAML it cannot read back: ${formatted.message}`);
  return formatted.text;
}
