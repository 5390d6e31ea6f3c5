// The policy interview as data: the questions a person who has never written a policy answers, in plain words. The
// terminal (`fairpost init --interview`) and the studio page ask exactly these, in this order; `draftPolicy` turns the
// answers into a policy. The answer schema (interview-answers.ts) takes its values and defaults from here.

/** How a question is answered. */
export const INTERVIEW_ANSWER_KINDS = ['choice', 'multi-choice', 'text', 'duration', 'yes-no'] as const;
/** One way of answering: one option, several options, free text, a length of time in words, or yes/no. */
export type InterviewAnswerKind = (typeof INTERVIEW_ANSWER_KINDS)[number];

/** One option of a choice or multi-choice question. */
export interface InterviewOption<V extends string = string> {
  /** The value stored in the answers. */
  readonly value: V;
  /** What the person reads. */
  readonly label: string;
}

/**
 * When a question is asked, from an earlier answer: a choice that is one of `oneOf`, a multi-choice that includes
 * any of `includesAny`, or a yes/no that `is` the given answer. A question that does not apply is skipped, and
 * its answer (default or given) plays no part in the draft. `question` is always an earlier question's id (a test
 * checks it; the type says only `string` because the ids come from the interview itself).
 */
export type InterviewAppliesWhen =
  | { readonly question: string; readonly oneOf: readonly string[] }
  | { readonly question: string; readonly includesAny: readonly string[] }
  | { readonly question: string; readonly is: boolean };

interface QuestionBase<I extends string> {
  /** The key of the answer in the answers object. */
  readonly id: I;
  /** The question, in plain words. */
  readonly prompt: string;
  /** A sentence or two on what the answer changes in the policy. */
  readonly help: string;
  /** When it is asked; always when absent. */
  readonly appliesWhen?: InterviewAppliesWhen;
}

/** A question answered by picking one option. */
export interface ChoiceQuestion<I extends string = string, V extends string = string>
  extends QuestionBase<I> {
  readonly kind: 'choice';
  readonly options: readonly InterviewOption<V>[];
  readonly default: V;
}
/** A question answered by picking any number of options (none is an answer too). */
export interface MultiChoiceQuestion<I extends string = string, V extends string = string>
  extends QuestionBase<I> {
  readonly kind: 'multi-choice';
  readonly options: readonly InterviewOption<V>[];
  readonly default: readonly V[];
}
/** A question answered in free text. */
export interface TextQuestion<I extends string = string> extends QuestionBase<I> {
  readonly kind: 'text';
  readonly default: string;
}
/** A question answered with a length of time in words ("within 4 hours", "2 working days") or ISO 8601. */
export interface DurationQuestion<I extends string = string> extends QuestionBase<I> {
  readonly kind: 'duration';
  readonly default: string;
}
/** A question answered yes or no. */
export interface YesNoQuestion<I extends string = string> extends QuestionBase<I> {
  readonly kind: 'yes-no';
  readonly default: boolean;
}

/** One question of the interview. */
export type InterviewQuestion =
  | ChoiceQuestion
  | MultiChoiceQuestion
  | TextQuestion
  | DurationQuestion
  | YesNoQuestion;

/** Options from a record of labels, so the values and their words are written once. */
function optionsOf<V extends string>(labels: Record<V, string>): InterviewOption<V>[] {
  return (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));
}

/** The kinds of organisation the interview knows; `public-body` adds the rule on party politics. */
export const ORGANISATION_KINDS = {
  campaigning: 'A campaigning or advocacy organisation',
  'support-service': 'A charity or service that supports people directly',
  'public-body': 'A council or other public body',
  union: 'A trade union or members’ association',
  other: 'Something else',
} as const;
/** One kind of organisation. */
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

/** Whom the organisation serves; the last two bring in the confidentiality questions. */
export const PEOPLE_SERVED = {
  public: 'The public, supporters or campaigners',
  members: 'Our members',
  clients: 'Clients, survivors or service users who could be put at risk if identified',
  'children-and-families': 'Children, young people and their families',
} as const;
/** One answer to whom the organisation serves. */
export type PeopleServed = keyof typeof PEOPLE_SERVED;

/** The kinds of account the organisation may run, as the vocabulary's `platform.kind` names them. */
export const ORGANISATION_ACCOUNTS = {
  'social-network': 'Social networks (Facebook, Instagram, X, Bluesky, TikTok…)',
  'professional-network': 'Professional networks (LinkedIn)',
  'messaging-app': 'Channels or groups on messaging apps (WhatsApp, Telegram, Signal)',
  'forum-or-comments': 'Forums or comment sections',
} as const;
/** One kind of account the organisation runs. */
export type OrganisationAccount = keyof typeof ORGANISATION_ACCOUNTS;

/** Who checks content before it goes out (ids from the vocabulary's roles catalogue). */
export const REVIEWERS = {
  'comms-team': 'The communications team',
  'policy-lead': 'The policy lead',
  'line-manager': 'Your line manager',
  leadership: 'The leadership team',
} as const;
/** One reviewer. */
export type Reviewer = keyof typeof REVIEWERS;

/** What staff may do when giving a view on the organisation's work from an account that names it. */
export const PERSONAL_VIEWS = {
  'say-it-is-yours': 'They may, if they say it is their own view',
  free: 'They may, with no conditions',
  'check-first': 'They check with the reviewer first',
} as const;
/** One answer on personal views. */
export type PersonalViews = keyof typeof PERSONAL_VIEWS;

/** The promises about staff's private online lives (ids from the vocabulary's commitments catalogue). */
export const PRIVATE_LIFE_PROMISES = {
  'no-monitoring-of-personal-accounts': 'We will not monitor staff’s personal accounts',
  'no-password-requests': 'We will never ask for passwords or access to personal accounts',
  'personal-accounts-not-required': 'Nobody has to use a personal account for work',
  'no-pre-approval-of-personal-posts': 'Nobody needs approval before posting on a personal account',
  'no-social-media-screening': 'We will not look at candidates’ social media when recruiting',
  'connections-not-required': 'Nobody has to follow or connect with our accounts',
  'consultation-on-changes': 'We will agree changes to this policy with staff and their union',
} as const;
/** One promise. */
export type PrivateLifePromise = keyof typeof PRIVATE_LIFE_PROMISES;

/** How the people the organisation supports are kept confidential online. */
export const CONFIDENTIALITY = {
  never: 'Nothing anyone posts may identify them, on any account, at any time',
  'with-consent': 'Only with their consent, and never without it',
} as const;
/** One answer on confidentiality. */
export type Confidentiality = keyof typeof CONFIDENTIALITY;

/** Who receives a report when someone is targeted (ids from the vocabulary's roles catalogue). */
export const REPORT_RECEIVERS = {
  'safety-lead': 'A named safety lead (with a deputy)',
  'line-manager': 'The person’s line manager',
  hr: 'HR',
  leadership: 'The leadership team',
} as const;
/** One receiver of reports. */
export type ReportReceiver = keyof typeof REPORT_RECEIVERS;

/** The support the organisation may commit to (ids from the vocabulary's duty-actions catalogue). */
export const SUPPORT = {
  'risk-assessment': 'Assess the risk with them: physical, psychological and reputational',
  'take-over-replies': 'Take over replies, so they need not engage',
  'report-to-platforms': 'Report the abuse to the platforms',
  'lock-down-accounts': 'Lock down and watch their accounts while they step away',
  'security-help': 'Help with security: devices, passwords, two-factor sign-in',
  'remove-details-from-website': 'Remove their details from our website',
  'pay-data-broker-removal': 'Pay to have their details removed from data-broker sites',
  'time-off-or-adjusted-duties': 'Time off or adjusted duties',
  'legal-support': 'Free legal advice',
  'psychological-support': 'Free counselling',
  'record-incident': 'Keep a record of the incident',
  'no-statement-against-wishes': 'No public statement against their wishes',
  'police-report-with-consent': 'Help reporting to the police, only if they want to',
  'no-disciplinary-action': 'No blame or disciplinary action for being targeted',
  'equal-support-for-freelancers-and-volunteers': 'The same support for freelancers and volunteers',
  'emergency-fund': 'An emergency fund when their safety is at risk',
  'review-after-incident': 'Review the response with them afterwards',
} as const;
/** One kind of support. */
export type Support = keyof typeof SUPPORT;

/** The support that is urgent: it takes the deadline of the "urgent support" question. */
export const URGENT_SUPPORT: readonly Support[] = [
  'risk-assessment',
  'take-over-replies',
  'lock-down-accounts',
  'remove-details-from-website',
  'emergency-fund',
];

const CONFIDENTIAL_PEOPLE: readonly PeopleServed[] = ['clients', 'children-and-families'];

/**
 * The interview, in the order it is asked. Each question says how it is answered, its default, and when it applies;
 * `draftPolicy` records in each rule, duty and commitment which answer produced it.
 */
export const INTERVIEW = [
  {
    id: 'organisation',
    kind: 'text',
    prompt: 'What is your organisation called?',
    help: 'The name goes at the top of the policy and in its title.',
    default: 'Our organisation',
  },
  {
    id: 'organisationKind',
    kind: 'choice',
    prompt: 'Which of these best describes your organisation?',
    help: 'A council or other public body also gets a rule keeping party politics off its official accounts.',
    options: optionsOf(ORGANISATION_KINDS),
    default: 'campaigning',
  },
  {
    id: 'peopleServed',
    kind: 'choice',
    prompt: 'Whom does your organisation serve?',
    help: 'If the people you support could be put at risk by being identified, the policy keeps them confidential.',
    options: optionsOf(PEOPLE_SERVED),
    default: 'public',
  },
  {
    id: 'accounts',
    kind: 'multi-choice',
    prompt: 'Which accounts does the organisation run in its own name?',
    help: 'Choose none if it runs no accounts: the policy then has no rules for them.',
    options: optionsOf(ORGANISATION_ACCOUNTS),
    default: ['social-network'],
  },
  {
    id: 'reviewer',
    kind: 'choice',
    prompt: 'Who checks new content before it goes out?',
    help: 'They are the people staff ask when the policy says "check first".',
    options: optionsOf(REVIEWERS),
    default: 'comms-team',
  },
  {
    id: 'publicInformationFreely',
    kind: 'yes-no',
    prompt:
      'Can anyone who runs your accounts share what is already public (a press release, a published report, a link to your website) without asking?',
    help: 'Yes keeps sign-off to what needs it; no means every post on your accounts is checked first.',
    appliesWhen: { question: 'accounts', includesAny: Object.keys(ORGANISATION_ACCOUNTS) },
    default: true,
  },
  {
    id: 'ownTimeOutOfScope',
    kind: 'yes-no',
    prompt: 'Is what staff do on their own accounts, in their own time, their own business?',
    help: 'Yes puts own-time use of personal accounts out of the policy’s reach, except the few rules that protect other people.',
    default: true,
  },
  {
    id: 'promises',
    kind: 'multi-choice',
    prompt: 'Which promises will you make about staff’s private lives online?',
    help: 'Each becomes a commitment in the policy that anyone can hold the organisation to.',
    options: optionsOf(PRIVATE_LIFE_PROMISES),
    default: [
      'no-monitoring-of-personal-accounts',
      'no-password-requests',
      'personal-accounts-not-required',
      'consultation-on-changes',
    ],
  },
  {
    id: 'personalViews',
    kind: 'choice',
    prompt:
      'May staff give their own view on your work from a personal account that says where they work, including disagreement?',
    help: 'People who can see where someone works may read their view as the organisation’s.',
    options: optionsOf(PERSONAL_VIEWS),
    default: 'say-it-is-yours',
  },
  {
    id: 'unionActivityProtected',
    kind: 'yes-no',
    prompt: 'Should the policy say plainly that lawful union activity online is protected?',
    help: 'Yes adds a rule and a commitment, so that no manager reads the policy otherwise.',
    default: true,
  },
  {
    id: 'noHarassingColleagues',
    kind: 'yes-no',
    prompt: 'Should harassing a colleague online be against the policy, on any account?',
    help: 'This touches a colleague’s safety, so most policies keep it in scope even in people’s own time.',
    default: true,
  },
  {
    id: 'confidentiality',
    kind: 'choice',
    prompt: 'May anyone post something that identifies a person you support?',
    help: 'This applies on every account, at any time: the people you support can be put at risk.',
    appliesWhen: { question: 'peopleServed', oneOf: CONFIDENTIAL_PEOPLE },
    options: optionsOf(CONFIDENTIALITY),
    default: 'never',
  },
  {
    id: 'noConnectingWithClients',
    kind: 'yes-no',
    prompt:
      'Should staff who work directly with the people you support keep from friending or following them on personal accounts?',
    help: 'A connection can reveal someone’s link to your service, and blurs a professional relationship.',
    appliesWhen: { question: 'peopleServed', oneOf: CONFIDENTIAL_PEOPLE },
    default: true,
  },
  {
    id: 'reportsTo',
    kind: 'choice',
    prompt: 'If someone is targeted online because of their work, who do they tell?',
    help: 'That person receives the report and is the single point of contact from then on.',
    options: optionsOf(REPORT_RECEIVERS),
    default: 'safety-lead',
  },
  {
    id: 'respondWithin',
    kind: 'duration',
    prompt: 'How soon will they respond to a report?',
    help: 'In plain words, such as "within 4 hours", "1 day" or "2 working days".',
    default: 'within 4 hours',
  },
  {
    id: 'support',
    kind: 'multi-choice',
    prompt: 'Which support will the organisation commit to for someone targeted because of their work?',
    help: 'Each becomes a duty: who does it and, for urgent support, by when.',
    options: optionsOf(SUPPORT),
    default: [
      'risk-assessment',
      'take-over-replies',
      'report-to-platforms',
      'security-help',
      'remove-details-from-website',
      'psychological-support',
      'record-incident',
      'no-statement-against-wishes',
      'police-report-with-consent',
      'no-disciplinary-action',
    ],
  },
  {
    id: 'urgentSupportWithin',
    kind: 'duration',
    prompt:
      'How soon will the urgent support be in place (risk assessment, taking over replies and the like)?',
    help: 'In plain words, such as "within 24 hours" or "1 day".',
    appliesWhen: { question: 'support', includesAny: URGENT_SUPPORT },
    default: 'within 24 hours',
  },
] as const satisfies readonly InterviewQuestion[];

/** The id of a question, which is also the key of its answer. */
export type InterviewQuestionId = (typeof INTERVIEW)[number]['id'];
