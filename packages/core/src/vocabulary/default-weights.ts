import type { FactDistribution } from '../analysis/fact-distribution.js';
import { deepFreeze } from '../model/deep-freeze.js';
import type { StandardFactName } from './fact-types.js';

/**
 * Where a base rate comes from: a published source it is read from (with the reasoning that turns the source's
 * figure into a rate), or an assumption (with the reasoning behind it). Every default rate says which, so a reader
 * can see how much of a share rests on evidence and how much on judgement.
 */
export type WeightBasis =
  | { readonly kind: 'source'; readonly source: string; readonly note: string }
  | { readonly kind: 'assumption'; readonly note: string };

/** The base rates of one fact's values (summing to 1), with their basis. */
export interface FactBaseRates {
  readonly fact: StandardFactName;
  /** Value → rate; boolean values are written `"true"` and `"false"`. The rates sum to 1. */
  readonly rates: Readonly<Record<string, number>>;
  readonly basis: WeightBasis;
}

const assumption = (note: string): WeightBasis => ({ kind: 'assumption', note });
const source = (source: string, note: string): WeightBasis => ({ kind: 'source', source, note });
const bool = (fact: StandardFactName, rate: number, basis: WeightBasis): FactBaseRates => ({
  fact,
  // Rounded so that true + false is exactly 1 in binary floating point for the rates used here.
  rates: { true: rate, false: Math.round((1 - rate) * 1e9) / 1e9 },
  basis,
});

/**
 * The default base rates of every standard fact, with their basis: how often each value comes up in the everyday
 * social-media life of staff at a small UK campaigning organisation (the flagship case). Facts are independent.
 * Documented, with every source and assumption, in docs/weights.md (generated from this list).
 */
export const defaultWeightBasis: readonly FactBaseRates[] = deepFreeze([
  {
    fact: 'actor.role',
    rates: {
      staff: 0.7,
      manager: 0.15,
      'senior-leader': 0.04,
      'board-member': 0.02,
      volunteer: 0.05,
      freelancer: 0.03,
      'service-user': 0.01,
    },
    basis: assumption(
      'A small organisation: most people acting are staff, about one in seven manages others; volunteers, freelancers and the board act on its behalf less often.',
    ),
  },
  bool(
    'actor.clientFacing',
    0.4,
    assumption('About two in five staff of a campaigning or service charity work directly with clients.'),
  ),
  bool(
    'actor.authorisedSpokesperson',
    0.05,
    assumption('A handful of named spokespeople (director, comms lead) in an organisation of a few dozen.'),
  ),
  {
    fact: 'actor.capacity',
    rates: { personal: 0.8, 'on-behalf': 0.1, professional: 0.1 },
    basis: assumption(
      'Most social-media activity by staff is for themselves; acting for the organisation is a minority.',
    ),
  },
  {
    fact: 'actor.workJurisdiction',
    rates: { uk: 0.9, us: 0.03, eu: 0.05, other: 0.02 },
    basis: assumption('A UK organisation with a few staff working remotely from abroad.'),
  },
  {
    fact: 'account.kind',
    rates: { organisational: 0.1, 'personal-named': 0.15, personal: 0.65, pseudonymous: 0.1 },
    basis: assumption(
      'Most use is on people’s own accounts; a minority name their employer in their profile; the organisation’s accounts are run by a few people.',
    ),
  },
  {
    fact: 'activity.kind',
    rates: {
      post: 0.1,
      share: 0.1,
      comment: 0.1,
      'reply-to-criticism': 0.01,
      connect: 0.05,
      message: 0.1,
      browse: 0.5,
      'create-account': 0.01,
      moderate: 0.03,
    },
    basis: source(
      'Pew Research Center (2019), “Sizing Up Twitter Users”: the most active 10% of users create 80% of tweets.',
      'Most people mostly read: browsing is taken as half of all activity, posting, sharing, commenting and messaging a tenth each; the split between them is an assumption.',
    ),
  },
  {
    fact: 'context.time',
    rates: { 'work-time': 0.3, 'own-time': 0.7 },
    basis: source(
      'Office for National Statistics, Annual Survey of Hours and Earnings: full-time employees in the UK work about 37 paid hours a week.',
      'About 37 working hours of some 112 waking hours a week is a third; part-time staff and volunteers bring it down to 30%.',
    ),
  },
  {
    fact: 'context.device',
    rates: { organisation: 0.2, own: 0.8 },
    basis: assumption('Most social-media use is on people’s own phones, even at work.'),
  },
  {
    fact: 'content.kind',
    rates: {
      'public-information': 0.08,
      pointer: 0.08,
      'new-content': 0.03,
      'internal-information': 0.01,
      'view-on-work-topic': 0.05,
      'view-on-employer': 0.01,
      'legal-matter': 0.005,
      'financial-information': 0.005,
      'personal-life': 0.555,
      'party-political': 0.05,
      'union-activity': 0.01,
      'event-details': 0.05,
      'image-of-people': 0.05,
      'client-information': 0.005,
      'colleague-information': 0.01,
    },
    basis: assumption(
      'Most of what staff post is about their own lives; work content (public information, pointers, events) is about a quarter; confidential, legal and financial content is rare.',
    ),
  },
  bool(
    'content.identifiesClient',
    0.01,
    assumption('One post in a hundred identifies a client (the rate used when issue 16 was filed).'),
  ),
  bool(
    'content.showsChildren',
    0.05,
    assumption('One post in twenty shows children (family photos, events).'),
  ),
  bool(
    'content.hasConsent',
    0.5,
    assumption('Whether consent was given is as likely as not: no evidence either way.'),
  ),
  bool(
    'content.statesPersonalView',
    0.3,
    assumption('About a third of posts say, or make plain, that they give the person’s own view.'),
  ),
  bool(
    'content.disclosesRole',
    0.2,
    assumption('About one post in five discloses the person’s role (profile bio, signature).'),
  ),
  bool(
    'content.isAbusive',
    0.01,
    source(
      'Amnesty International (2018), “Troll Patrol”: 7.1% of tweets sent to the women studied were problematic or abusive.',
      'That figure is abuse received by women in public life; abuse sent by staff is far rarer, taken as 1% (the rate used when issue 16 was filed).',
    ),
  ),
  bool(
    'content.revealsPrivateEvent',
    0.02,
    assumption('Two posts in a hundred reveal a private event (a colleague’s illness, a client’s news).'),
  ),
  {
    fact: 'counterpart.kind',
    rates: {
      none: 0.6,
      client: 0.01,
      'former-client': 0.005,
      colleague: 0.05,
      manager: 0.01,
      public: 0.305,
      press: 0.005,
      'political-party': 0.005,
      'partner-or-funder': 0.005,
      supplier: 0.005,
    },
    basis: assumption(
      'Most activity involves nobody in particular, or the public at large; clients, the press and partners are rare counterparts.',
    ),
  },
  {
    fact: 'incident.kind',
    rates: {
      none: 0.98,
      doxxing: 0.002,
      harassment: 0.006,
      threats: 0.002,
      impersonation: 0.002,
      'pile-on': 0.004,
      'account-compromise': 0.003,
      'offline-threat': 0.001,
    },
    basis: source(
      'Pew Research Center (2021), “The State of Online Harassment”: 41% of US adults have experienced online harassment at some time.',
      'Over a lifetime that is common; in a given situation it is rare: 2% of situations involve an incident (the rate used when issue 16 was filed), harassment and pile-ons most often.',
    ),
  },
  bool(
    'incident.workRelated',
    0.5,
    assumption('Half of the incidents staff of a campaigning organisation face are because of their work.'),
  ),
  {
    fact: 'incident.severity',
    rates: { low: 0.6, serious: 0.3, 'risk-to-safety': 0.1 },
    basis: assumption('Most incidents are low-level; one in ten puts someone’s safety at risk.'),
  },
  {
    fact: 'platform.kind',
    rates: {
      'social-network': 0.6,
      'professional-network': 0.1,
      'employer-review-site': 0.01,
      'forum-or-comments': 0.09,
      'messaging-app': 0.18,
      'own-website': 0.02,
    },
    basis: assumption('Most activity is on the large social networks, then messaging apps.'),
  },
  bool(
    'content.usesBranding',
    0.05,
    assumption('One post in twenty uses the organisation’s logo or branding.'),
  ),
  bool(
    'content.recordedAtWork',
    0.05,
    assumption('One post in twenty includes a photo or recording made at work.'),
  ),
  bool(
    'content.aboutPayOrConditions',
    0.02,
    assumption('Two posts in a hundred discuss pay or working conditions.'),
  ),
  bool('content.isEndorsement', 0.02, assumption('Two posts in a hundred endorse a product or service.')),
  bool(
    'content.conflictOfInterest',
    0.01,
    assumption('One post in a hundred raises a conflict of interest.'),
  ),
  {
    fact: 'risk.kind',
    rates: { none: 0.9, 'publishing-contentious-work': 0.05, 'known-risk': 0.05 },
    basis: assumption('One person in ten is at known risk or about to publish contentious work.'),
  },
] satisfies FactBaseRates[]);

/**
 * The default scenario distribution: base rates for every value of every standard fact (facts independent), so that
 * a share of the scenario space reads as "how often this comes up" rather than "how many combinations of values".
 * Uniform weighting made `content.identifiesClient = true` half the space; here it is 1%. Each rate's source or
 * assumption is in `defaultWeightBasis` and docs/weights.md. Shares measured with it are printed "under the default
 * weights"; pass no distribution to measure uniformly.
 * @example
 * policyMetrics(policy, { distribution: defaultWeights }).privateLifeReach;
 */
export const defaultWeights: FactDistribution = deepFreeze(
  Object.fromEntries(defaultWeightBasis.map((f) => [f.fact, { ...f.rates }])),
);
