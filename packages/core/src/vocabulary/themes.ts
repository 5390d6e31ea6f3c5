import type { Condition } from '../model/condition.js';
import { deepFreeze } from '../model/deep-freeze.js';
import type {
  StandardCatalogueId,
  StandardFactName,
  StandardFactValue,
  StandardSetFactName,
  StandardSetMember,
} from './fact-types.js';

/**
 * The themes a union rep or a researcher reads a policy by, in the order a comparison lists them. Each has a region
 * of the scenario space (`THEME_REGIONS`) and codes every fact value and catalogue entry it concerns.
 */
export const THEMES = [
  'private-life',
  'organisation-accounts',
  'client-confidentiality',
  'colleagues',
  'speaking-for-the-organisation',
  'content-and-images',
  'support-when-targeted',
  'monitoring-and-commitments',
] as const;

/** One of the themes. */
export type Theme = (typeof THEMES)[number];

/**
 * The eight elements of the CTG study of government social-media policies (Hrdinova, Helbig & Peters, 2010), the
 * coding researchers already use, so that Fairpost's figures line up with published ones.
 */
export const CTG_ELEMENTS = [
  'employee-access',
  'account-management',
  'acceptable-use',
  'employee-conduct',
  'content',
  'security',
  'legal-issues',
  'citizen-conduct',
] as const;

/** One of CTG's eight elements. */
export type CtgElement = (typeof CTG_ELEMENTS)[number];

/**
 * The categories the NLRB General Counsel's reports on social-media policies (OM 11-74, 12-31, 12-59; GC 15-04) group
 * rules into. They apply to US staff only; an entry no report discusses has none.
 */
export const NLRB_CATEGORIES = [
  'confidentiality',
  'conduct-toward-employer',
  'conduct-toward-fellow-employees',
  'conduct-toward-third-parties',
  'logos-and-trademarks',
  'photography-and-recording',
  'leaving-work',
  'conflicts-of-interest',
] as const;

/** One of the NLRB categories. */
export type NlrbCategory = (typeof NLRB_CATEGORIES)[number];

/** A label and a one-line description, for tables, the codebook and rendered comparisons. */
export interface CodeLabel {
  readonly label: string;
  readonly description: string;
}

/** The label and description of each theme. */
export const THEME_LABELS: Readonly<Record<Theme, CodeLabel>> = deepFreeze({
  'private-life': {
    label: 'Private life',
    description:
      'Own-time use of a personal or pseudonymous account: what a progressive policy leaves alone.',
  },
  'organisation-accounts': {
    label: 'Organisation accounts',
    description: 'Use of the organisation’s own accounts, and who may post on them.',
  },
  'client-confidentiality': {
    label: 'Client confidentiality',
    description: 'Anything that identifies a client, survivor or service user, or involves them.',
  },
  colleagues: {
    label: 'Colleagues',
    description: 'Information about colleagues, and dealings with colleagues and managers online.',
  },
  'speaking-for-the-organisation': {
    label: 'Speaking for the organisation',
    description:
      'Acting for the organisation, or on an account that names it, where others may read you as its voice.',
  },
  'content-and-images': {
    label: 'Content and images',
    description: 'Images of people, children, branding and recordings made at work.',
  },
  'support-when-targeted': {
    label: 'Support when targeted',
    description: 'What the organisation does when someone is doxxed, harassed or threatened.',
  },
  'monitoring-and-commitments': {
    label: 'Monitoring and commitments',
    description:
      'Personal use during work time, and what the organisation promises or reserves about monitoring, passwords and access.',
  },
});

/** The label and description of each CTG element. */
export const CTG_ELEMENT_LABELS: Readonly<Record<CtgElement, CodeLabel>> = deepFreeze({
  'employee-access': {
    label: 'Employee access',
    description: 'Who may use social media at work, and how access is granted.',
  },
  'account-management': {
    label: 'Account management',
    description: 'Creating, running and closing the organisation’s accounts.',
  },
  'acceptable-use': {
    label: 'Acceptable use',
    description: 'Personal and professional use of social media, at work and outside it.',
  },
  'employee-conduct': { label: 'Employee conduct', description: 'How staff behave online.' },
  content: { label: 'Content', description: 'What may be posted, and who approves it.' },
  security: { label: 'Security', description: 'Passwords, devices, account safety and monitoring.' },
  'legal-issues': {
    label: 'Legal issues',
    description: 'Privacy, records, confidentiality, defamation and the law that applies.',
  },
  'citizen-conduct': {
    label: 'Citizen conduct',
    description: 'How the public may behave on the organisation’s accounts, and moderation.',
  },
});

/** The label and description of each NLRB category. */
export const NLRB_CATEGORY_LABELS: Readonly<Record<NlrbCategory, CodeLabel>> = deepFreeze({
  confidentiality: {
    label: 'Confidentiality',
    description: 'Confidential, internal or client information.',
  },
  'conduct-toward-employer': {
    label: 'Conduct toward the company and supervisors',
    description: 'Criticism of the employer and managers; pay and conditions.',
  },
  'conduct-toward-fellow-employees': {
    label: 'Conduct toward fellow employees',
    description: 'Harassment of and information about colleagues.',
  },
  'conduct-toward-third-parties': {
    label: 'Conduct toward third parties',
    description: 'Clients, the public, the press and partners.',
  },
  'logos-and-trademarks': {
    label: 'Logos and trademarks',
    description: 'Use of the employer’s name, logo and branding.',
  },
  'photography-and-recording': {
    label: 'Photography and recording',
    description: 'Photos and recordings, at work and of people.',
  },
  'leaving-work': { label: 'Leaving work', description: 'Walking off the job, and conduct around leaving.' },
  'conflicts-of-interest': {
    label: 'Conflicts of interest',
    description: 'Endorsements and interests that conflict with the employer’s.',
  },
});

/** How one fact value or catalogue entry is coded: the themes it concerns, its CTG elements and NLRB categories. */
export interface Coding {
  /** The themes it concerns (empty for a value that concerns none, such as "no incident"). */
  readonly themes: readonly Theme[];
  /** CTG elements (at least one). */
  readonly ctg: readonly CtgElement[];
  /** NLRB categories (empty when no General Counsel report discusses it). */
  readonly nlrb: readonly NlrbCategory[];
}

const code = (themes: Theme[], ctg: CtgElement[], nlrb: NlrbCategory[] = []): Coding => ({
  themes,
  ctg,
  nlrb,
});
const both = (coding: Coding) => ({ true: coding, false: coding });

/** Every value of every standard fact, coded; a fact or value missing here is a compile error. */
type FactCodebook = {
  readonly [F in StandardFactName]: Readonly<Record<`${CodedValue<F>}`, Coding>>;
};

/** What is coded of a fact: each value, or for a set fact each member it may hold. */
type CodedValue<F extends StandardFactName> = F extends StandardSetFactName
  ? StandardSetMember<F>
  : StandardFactValue<F>;

/** Every entry of every standard catalogue, coded. */
type CatalogueCodebook = {
  readonly [C in 'conditions' | 'roles' | 'dutyActions' | 'commitments' | 'consequences']: Readonly<
    Record<StandardCatalogueId<C>, Coding>
  >;
};

const role = code([], ['employee-conduct']);
const jurisdiction = code([], ['legal-issues']);
const platform = code([], ['acceptable-use']);
const incident = code(['support-when-targeted'], ['security']);
const support = (ctg: CtgElement[], themes: Theme[] = []) => code(['support-when-targeted', ...themes], ctg);

/**
 * The codebook of the standard vocabulary: every fact value coded to themes, CTG elements and NLRB categories.
 * Typed against the vocabulary, so a new fact or value does not compile until it is coded; a test checks the same at
 * run time. Rendered as docs/codebook.md.
 */
export const FACT_CODING: FactCodebook = deepFreeze({
  'actor.role': {
    staff: role,
    manager: code(['colleagues'], ['employee-conduct'], ['conduct-toward-employer']),
    'senior-leader': code(['speaking-for-the-organisation'], ['employee-conduct']),
    'board-member': code(['speaking-for-the-organisation'], ['employee-conduct']),
    volunteer: role,
    freelancer: role,
    'service-user': code(['client-confidentiality'], ['citizen-conduct'], ['conduct-toward-third-parties']),
  },
  'actor.clientFacing': both(code(['client-confidentiality'], ['employee-conduct'], ['confidentiality'])),
  'actor.authorisedSpokesperson': both(code(['speaking-for-the-organisation'], ['employee-access'])),
  'actor.capacity': {
    personal: code(['private-life', 'monitoring-and-commitments'], ['acceptable-use']),
    'on-behalf': code(['speaking-for-the-organisation'], ['account-management'], ['conduct-toward-employer']),
    professional: code(['speaking-for-the-organisation'], ['acceptable-use']),
  },
  'actor.workJurisdiction': {
    uk: jurisdiction,
    us: code([], ['legal-issues'], ['conduct-toward-employer']),
    eu: jurisdiction,
    other: jurisdiction,
  },
  'account.kind': {
    organisational: code(['organisation-accounts'], ['account-management', 'employee-access']),
    'personal-named': code(
      ['speaking-for-the-organisation'],
      ['acceptable-use'],
      ['conduct-toward-employer'],
    ),
    personal: code(['private-life'], ['acceptable-use']),
    pseudonymous: code(['private-life'], ['acceptable-use']),
  },
  'activity.kind': {
    post: code([], ['content']),
    share: code([], ['content']),
    comment: code([], ['employee-conduct']),
    'reply-to-criticism': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-third-parties'],
    ),
    connect: code(['client-confidentiality'], ['employee-conduct'], ['conduct-toward-third-parties']),
    message: code([], ['employee-conduct']),
    browse: code(['monitoring-and-commitments'], ['employee-access']),
    'create-account': code(['organisation-accounts'], ['account-management']),
    moderate: code(['organisation-accounts'], ['citizen-conduct']),
  },
  'context.time': {
    'work-time': code(['monitoring-and-commitments'], ['employee-access', 'acceptable-use']),
    'own-time': code(['private-life'], ['acceptable-use']),
  },
  'context.device': {
    organisation: code(['monitoring-and-commitments'], ['security']),
    own: code(['private-life'], ['security']),
  },
  'content.kind': {
    'public-information': code(['content-and-images'], ['content']),
    pointer: code(['content-and-images'], ['content']),
    'new-content': code(['speaking-for-the-organisation'], ['content']),
    'internal-information': code(['colleagues'], ['legal-issues'], ['confidentiality']),
    'view-on-work-topic': code(['speaking-for-the-organisation'], ['employee-conduct']),
    'view-on-employer': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-employer'],
    ),
    'legal-matter': code(['speaking-for-the-organisation'], ['legal-issues'], ['confidentiality']),
    'financial-information': code(['speaking-for-the-organisation'], ['legal-issues'], ['confidentiality']),
    'personal-life': code(['private-life'], ['acceptable-use']),
    'party-political': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-third-parties'],
    ),
    'union-activity': code(
      ['private-life', 'monitoring-and-commitments'],
      ['employee-conduct'],
      ['conduct-toward-employer'],
    ),
    'event-details': code(['content-and-images'], ['content']),
    'image-of-people': code(['content-and-images'], ['content'], ['photography-and-recording']),
    'client-information': code(['client-confidentiality'], ['legal-issues'], ['confidentiality']),
    'colleague-information': code(['colleagues'], ['employee-conduct'], ['conduct-toward-fellow-employees']),
  },
  'content.identifiesClient': both(code(['client-confidentiality'], ['legal-issues'], ['confidentiality'])),
  'content.showsChildren': both(code(['content-and-images'], ['content'], ['photography-and-recording'])),
  'content.hasConsent': both(code(['content-and-images'], ['legal-issues'], ['photography-and-recording'])),
  'content.statesPersonalView': both(code(['speaking-for-the-organisation'], ['employee-conduct'])),
  'content.disclosesRole': both(code(['speaking-for-the-organisation'], ['employee-conduct'])),
  'content.isAbusive': both(
    code(
      ['colleagues'],
      ['employee-conduct'],
      ['conduct-toward-fellow-employees', 'conduct-toward-third-parties'],
    ),
  ),
  'content.revealsPrivateEvent': both(
    code(['client-confidentiality'], ['legal-issues'], ['confidentiality']),
  ),
  'counterpart.kind': {
    none: code([], ['employee-conduct']),
    client: code(['client-confidentiality'], ['employee-conduct'], ['conduct-toward-third-parties']),
    'former-client': code(['client-confidentiality'], ['employee-conduct'], ['conduct-toward-third-parties']),
    colleague: code(['colleagues'], ['employee-conduct'], ['conduct-toward-fellow-employees']),
    manager: code(['colleagues'], ['employee-conduct'], ['conduct-toward-employer']),
    public: code([], ['citizen-conduct'], ['conduct-toward-third-parties']),
    press: code(['speaking-for-the-organisation'], ['content'], ['conduct-toward-third-parties']),
    'political-party': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-third-parties'],
    ),
    'partner-or-funder': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-third-parties'],
    ),
    supplier: code([], ['employee-conduct'], ['conflicts-of-interest']),
  },
  'incident.kind': {
    none: code([], ['security']),
    doxxing: incident,
    harassment: incident,
    threats: incident,
    impersonation: incident,
    'pile-on': incident,
    'account-compromise': incident,
    'offline-threat': incident,
  },
  'incident.workRelated': both(incident),
  'incident.severity': { low: incident, serious: incident, 'risk-to-safety': incident },
  'platform.kind': {
    'social-network': platform,
    'professional-network': platform,
    'employer-review-site': code(
      ['speaking-for-the-organisation'],
      ['acceptable-use'],
      ['conduct-toward-employer'],
    ),
    'forum-or-comments': platform,
    'messaging-app': platform,
    'own-website': code(['organisation-accounts'], ['account-management']),
  },
  'content.usesBranding': both(code(['content-and-images'], ['content'], ['logos-and-trademarks'])),
  'content.recordedAtWork': both(code(['content-and-images'], ['content'], ['photography-and-recording'])),
  'content.aboutPayOrConditions': both(
    code(['monitoring-and-commitments'], ['employee-conduct'], ['conduct-toward-employer']),
  ),
  'content.isEndorsement': both(
    code(['speaking-for-the-organisation'], ['content'], ['conflicts-of-interest']),
  ),
  'content.conflictOfInterest': both(
    code(['speaking-for-the-organisation'], ['legal-issues'], ['conflicts-of-interest']),
  ),
  'content.topics': {
    employer: code(['speaking-for-the-organisation'], ['employee-conduct'], ['conduct-toward-employer']),
    'pay-and-conditions': code(
      ['monitoring-and-commitments'],
      ['employee-conduct'],
      ['conduct-toward-employer'],
    ),
    colleagues: code(['colleagues'], ['employee-conduct']),
    clients: code(['client-confidentiality'], ['content'], ['confidentiality']),
    'partners-and-funders': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-third-parties'],
    ),
    'party-politics': code(['speaking-for-the-organisation'], ['employee-conduct']),
    'union-activity': code(['monitoring-and-commitments'], ['employee-conduct'], ['conduct-toward-employer']),
    'legal-matters': code(['speaking-for-the-organisation'], ['legal-issues'], ['confidentiality']),
    finances: code(['speaking-for-the-organisation'], ['legal-issues'], ['confidentiality']),
    'personal-life': code(['private-life'], ['employee-conduct']),
  },
  'risk.kind': {
    none: code([], ['security']),
    'publishing-contentious-work': code(['support-when-targeted'], ['security']),
    'known-risk': code(['support-when-targeted'], ['security']),
  },
} satisfies FactCodebook);

const duty = support;
const promise = (themes: Theme[], ctg: CtgElement[], nlrb: NlrbCategory[] = []) =>
  code(['monitoring-and-commitments', ...themes], ctg, nlrb);
const consequence = code([], ['employee-conduct']);

/**
 * The codebook of the standard catalogues: every condition, role, duty action, commitment and consequence coded to
 * themes, CTG elements and NLRB categories. Typed against the vocabulary, like `FACT_CODING`.
 */
export const CATALOGUE_CODING: CatalogueCodebook = deepFreeze({
  conditions: {
    'state-personal-view': code(
      ['speaking-for-the-organisation'],
      ['employee-conduct'],
      ['conduct-toward-employer'],
    ),
    'disclose-role': code(['speaking-for-the-organisation'], ['employee-conduct']),
    'get-consent': code(['content-and-images'], ['content', 'legal-issues'], ['photography-and-recording']),
    'get-written-parental-consent': code(
      ['content-and-images'],
      ['content', 'legal-issues'],
      ['photography-and-recording'],
    ),
    'remove-identifying-details': code(['client-confidentiality'], ['legal-issues'], ['confidentiality']),
    'share-without-commentary': code(['speaking-for-the-organisation'], ['content'], ['confidentiality']),
    'check-accuracy': code(['content-and-images'], ['content']),
    'use-privacy-settings': code(['private-life'], ['security']),
    'give-notice-of-images': code(['content-and-images'], ['content'], ['photography-and-recording']),
    'follow-content-guidelines': code(['content-and-images'], ['content']),
    'explain-removal': code(['organisation-accounts'], ['citizen-conduct']),
    'give-privacy-notice': code(['organisation-accounts'], ['legal-issues']),
    'agree-with-comms': code(['organisation-accounts'], ['account-management']),
    'be-respectful': code(
      ['colleagues'],
      ['employee-conduct'],
      ['conduct-toward-employer', 'conduct-toward-fellow-employees', 'conduct-toward-third-parties'],
    ),
    'keep-within-reasonable-use': code(['monitoring-and-commitments'], ['employee-access', 'acceptable-use']),
  },
  roles: {
    organisation: code([], ['account-management']),
    'line-manager': code(['colleagues'], ['employee-conduct']),
    'safety-lead': support(['security']),
    'comms-team': code(['organisation-accounts', 'speaking-for-the-organisation'], ['account-management']),
    'policy-lead': code(['speaking-for-the-organisation'], ['content']),
    legal: code([], ['legal-issues']),
    leadership: code(['speaking-for-the-organisation'], ['account-management']),
    hr: code(['colleagues'], ['employee-conduct']),
    'union-rep': code(['monitoring-and-commitments'], ['employee-conduct'], ['conduct-toward-employer']),
    'safeguarding-lead': code(['client-confidentiality'], ['legal-issues'], ['confidentiality']),
    'data-protection-officer': code(
      ['client-confidentiality', 'monitoring-and-commitments'],
      ['legal-issues', 'security'],
    ),
    'person-targeted': support(['security']),
  },
  dutyActions: {
    'receive-report': duty(['security']),
    'risk-assessment': duty(['security']),
    'involve-person': duty(['employee-conduct']),
    'take-over-replies': duty(['account-management'], ['organisation-accounts']),
    'report-to-platforms': duty(['account-management']),
    'moderate-comments': duty(['citizen-conduct'], ['organisation-accounts']),
    'lock-down-accounts': duty(['security']),
    'monitor-accounts': duty(['security']),
    'security-help': duty(['security']),
    'remove-details-from-website': duty(['security', 'account-management']),
    'pay-data-broker-removal': duty(['security']),
    'time-off-or-adjusted-duties': duty(['employee-conduct']),
    'reassign-only-in-consultation': duty(['employee-conduct']),
    'legal-support': duty(['legal-issues']),
    'psychological-support': duty(['employee-conduct']),
    'record-incident': duty(['legal-issues']),
    'no-statement-against-wishes': duty(['content'], ['speaking-for-the-organisation']),
    'police-report-with-consent': duty(['legal-issues']),
    'no-disciplinary-action': duty(['employee-conduct']),
    'equal-support-for-freelancers-and-volunteers': duty(['employee-conduct']),
    'emergency-fund': duty(['security']),
    'review-after-incident': duty(['security']),
    'privacy-education': duty(['security']),
    'remove-identifying-content': duty(['security', 'content']),
    'temporary-relocation': duty(['security']),
    'offer-reassignment': duty(['employee-conduct']),
    'security-training': duty(['security']),
    'peer-support': duty(['employee-conduct']),
    debrief: duty(['employee-conduct']),
    'prevention-plan': duty(['security']),
    'pre-emptive-data-removal': duty(['security']),
  },
  commitments: {
    'no-monitoring-of-personal-accounts': promise(['private-life'], ['security', 'acceptable-use']),
    'no-password-requests': promise(['private-life'], ['security']),
    'personal-accounts-not-required': promise(['private-life'], ['acceptable-use']),
    'union-activity-protected': promise([], ['employee-conduct'], ['conduct-toward-employer']),
    'no-ban-on-access': promise([], ['employee-access']),
    'personal-opinions-respected': promise(
      ['private-life'],
      ['employee-conduct'],
      ['conduct-toward-employer'],
    ),
    'own-time-is-your-own': promise(['private-life'], ['acceptable-use']),
    'service-user-autonomy': promise(['client-confidentiality'], ['citizen-conduct']),
    'consultation-on-changes': promise([], ['employee-conduct'], ['conduct-toward-employer']),
    'support-when-targeted': promise(['support-when-targeted'], ['security']),
    'no-pre-approval-of-personal-posts': promise(['private-life'], ['content', 'acceptable-use']),
    'no-social-media-screening': promise(['private-life'], ['legal-issues']),
    'connections-not-required': promise(['private-life'], ['acceptable-use']),
    'monitor-personal-accounts': promise(['private-life'], ['security', 'acceptable-use']),
    'request-account-access': promise(['private-life'], ['security']),
    'require-promotion-from-personal-accounts': promise(
      ['private-life', 'speaking-for-the-organisation'],
      ['acceptable-use'],
    ),
    'pre-approve-personal-posts': promise(['private-life'], ['content', 'acceptable-use']),
    'screen-social-media-in-recruitment': promise(['private-life'], ['legal-issues']),
    'require-connecting-with-organisation': promise(['private-life'], ['acceptable-use']),
  },
  consequences: {
    'advice-only': consequence,
    'post-removal': code([], ['content']),
    'informal-conversation': consequence,
    'disciplinary-procedure': consequence,
    dismissal: consequence,
  },
} satisfies CatalogueCodebook);

/**
 * The region of the scenario space each theme covers, as a condition in the policy format. A comparison measures
 * each theme here; a theme's region tests only fact values coded to that theme (a test checks this).
 * `monitoring-and-commitments` is also judged by the commitments the policies make.
 */
export const THEME_REGIONS: Readonly<Record<Theme, Condition>> = deepFreeze({
  'private-life': {
    all: [
      { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
      { fact: 'context.time', is: 'own-time' },
    ],
  },
  'organisation-accounts': { fact: 'account.kind', is: 'organisational' },
  'client-confidentiality': {
    any: [
      { fact: 'content.identifiesClient', is: true },
      { fact: 'content.kind', is: 'client-information' },
      { fact: 'counterpart.kind', in: ['client', 'former-client'] },
    ],
  },
  colleagues: {
    any: [
      { fact: 'content.kind', is: 'colleague-information' },
      { fact: 'counterpart.kind', in: ['colleague', 'manager'] },
    ],
  },
  'speaking-for-the-organisation': {
    any: [
      { fact: 'actor.capacity', is: 'on-behalf' },
      { fact: 'account.kind', is: 'personal-named' },
    ],
  },
  'content-and-images': {
    any: [
      { fact: 'content.kind', is: 'image-of-people' },
      { fact: 'content.showsChildren', is: true },
      { fact: 'content.usesBranding', is: true },
      { fact: 'content.recordedAtWork', is: true },
    ],
  },
  'support-when-targeted': {
    all: [
      { fact: 'incident.kind', isNot: 'none' },
      { fact: 'incident.workRelated', is: true },
    ],
  },
  'monitoring-and-commitments': {
    all: [
      { fact: 'context.time', is: 'work-time' },
      { fact: 'actor.capacity', is: 'personal' },
    ],
  },
} satisfies Record<Theme, Condition>);

/** The coding of a fact value of the standard vocabulary, or `undefined` for a custom fact or an unknown value. */
export function factValueCoding(fact: string, value: string | boolean): Coding | undefined {
  const values = (FACT_CODING as Readonly<Record<string, Readonly<Record<string, Coding>>>>)[fact];
  return values ? values[String(value)] : undefined;
}

/** The coding of a standard catalogue entry, or `undefined` for a custom or unknown one. */
export function catalogueCoding(
  catalogue: 'conditions' | 'roles' | 'dutyActions' | 'commitments' | 'consequences',
  id: string,
): Coding | undefined {
  return (CATALOGUE_CODING[catalogue] as Readonly<Record<string, Coding>>)[id];
}
