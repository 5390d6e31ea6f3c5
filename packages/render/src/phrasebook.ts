import { describeDeadline, type Outcome, type Policy, type Rule, type RuleStrength } from '@fairpost/core';

/** Where a rule belongs in the handbook (the format's `rule.topic`). */
export type Topic = NonNullable<Rule['topic']>;

/** An organisation's own words for one fact: any field given replaces the vocabulary's. */
export interface FactPhrases {
  /** A short label (“Account”). */
  readonly label?: string;
  /** The question a reader answers to give the fact (“Which account are you using?”). */
  readonly question?: string;
  /** A second-person clause per enum value, completing “If …”. */
  readonly values?: Readonly<Record<string, string>>;
  /** A short label per enum value, for lists and questions. */
  readonly valueLabels?: Readonly<Record<string, string>>;
  /** The clause for a boolean fact that holds. */
  readonly whenTrue?: string;
  /** The clause for a boolean fact that does not hold. */
  readonly whenFalse?: string;
}

/** The words a fact test is phrased with, once the vocabulary and the phrasebook have been consulted. */
export interface FactWords {
  readonly label: string;
  readonly question?: string;
}

/**
 * Every word and sentence pattern the renderers use. An organisation overrides some by spreading the default:
 * `{ ...enGB, outcomes: { ...enGB.outcomes, 'check-first': 'Ask first' } }`. Sentence patterns are functions so
 * that a language with other word order can supply its own.
 */
export interface Phrasebook {
  /** The BCP 47 tag of the phrasebook's language. */
  readonly language: string;
  /** The words for each outcome, as a reader sees them in a heading or a table. */
  readonly outcomes: Readonly<Record<Outcome | 'undetermined', string>>;
  /** The heading of each topic's section. */
  readonly topics: Readonly<Record<Topic, string>>;
  /** Section headings and labels. */
  readonly headings: {
    readonly principles: string;
    readonly scope: string;
    readonly scopeIntro: string;
    readonly outOfScope: string;
    readonly promises: string;
    readonly reserved: string;
    readonly reservedIntro: string;
    readonly targeted: string;
    readonly noSupport: string;
    readonly targetedIntro: string;
    readonly dutiesCaption: string;
    readonly dutiesOnYouCaption: string;
    readonly whoToAsk: string;
    readonly whoToAskCaption: string;
    readonly definitions: string;
    readonly sources: string;
    readonly documents: string;
    readonly traceability: string;
    readonly otherwise: string;
  };
  /** Column headings of the tables. */
  readonly columns: {
    readonly what: string;
    readonly whatYouDo: string;
    readonly when: string;
    readonly who: string;
    readonly byWhen: string;
    readonly consent: string;
    readonly why: string;
    readonly role: string;
    readonly askBefore: string;
    readonly responsibleFor: string;
  };
  /** Short labels beside a rule or in the title block. */
  readonly labels: {
    readonly version: string;
    readonly status: string;
    readonly effective: string;
    readonly lastReviewed: string;
    readonly nextReview: string;
    readonly reviewed: string;
    readonly organisation: string;
    readonly why: string;
    readonly source: string;
    readonly assumption: string;
    readonly inOurWords: string;
    readonly rule: string;
    readonly duty: string;
    readonly commitment: string;
    readonly principle: string;
    readonly definition: string;
    readonly default: string;
    readonly file: string;
    readonly none: string;
    readonly noDeadline: string;
    readonly consentNeeded: string;
    readonly consentNotNeeded: string;
    readonly resolution: string;
    readonly advice: string;
    readonly adviceNote: string;
    readonly consequence: string;
  };
  /** The status of the policy, in words. */
  readonly statuses: Readonly<Record<NonNullable<Policy['status']>, string>>;
  /** How the resolution strategy works, in one sentence. */
  readonly resolutions: Readonly<Record<Policy['resolution'], string>>;
  /** The verb for each modality (“must”). */
  readonly modalities: Readonly<Record<'must' | 'should' | 'may', string>>;
  /** Overrides of fact labels and phrases, by fact name. */
  readonly facts: Readonly<Record<string, FactPhrases>>;
  /** Lists: `a, b and c`. */
  readonly and: (items: readonly string[]) => string;
  /** Lists: `a, b or c`. */
  readonly or: (items: readonly string[]) => string;
  /** A list of alternatives inside a larger clause: `either a or b`. */
  readonly either: (items: readonly string[]) => string;
  /** A list of requirements inside alternatives: `both a and b`. */
  readonly both: (items: readonly string[]) => string;
  /**
   * A test of a set fact: its clause (`it is about`, or negated `it is not about`) completed by the members' noun
   * phrases, joined by `and` when every member is meant and `or` when one is enough.
   */
  readonly setTest: (clause: string, members: readonly string[], every: boolean, negated: boolean) => string;
  /** A fact whose value is not one of some values. */
  readonly factIsNot: (fact: FactWords, valueLabels: readonly string[]) => string;
  /** A fact that may take any value but must be known. */
  readonly factIsKnown: (fact: FactWords) => string;
  /** Opens a rule: `If ${clause}`. */
  readonly ifClause: (clause: string) => string;
  /** Opens a rule whose condition always holds. */
  readonly always: string;
  /** Opens a rule whose condition never holds. */
  readonly never: string;
  /** Opens the default: “In any other situation”. */
  readonly otherwise: string;
  /**
   * What the reader may do, given an outcome, the conditions' phrases and the reviewers' phrases, and how binding
   * the rule is: `must` (the default) for a rule, `should` for advice, so "must not" and "should not" read apart.
   */
  readonly outcomeSentence: (
    outcome: Outcome,
    conditions: readonly string[],
    reviewers: readonly string[],
    strength?: RuleStrength,
  ) => string;
  /** One duty as a sentence: holder, modality and action phrase (and the deadline and consent, when given). */
  readonly dutySentence: (duty: {
    holder: string;
    modality: string;
    action: string;
    deadline?: string;
    consentRequired: boolean;
  }) => string;
  /** How often a policy is reviewed, in words (`P1Y` → “every year”, `P6M` → “every 6 months”). */
  readonly reviewPeriod: (iso: string) => string;
  /** A deadline in words (`PT24H` → “within 24 hours”; with `workingDays`, `P2D` → “within 2 working days”). */
  readonly deadline: (iso: string, options?: { workingDays?: boolean }) => string;
  /**
   * How the organisation keeps time for deadlines, in one or two sentences, from the policy's calendar: its time
   * zone, whose bank holidays and which closure days (YYYY-MM-DD) are not working days.
   */
  readonly calendarSentence: (calendar: {
    timeZone?: string;
    holidays?: 'england-and-wales' | 'scotland' | 'northern-ireland';
    closures: readonly string[];
  }) => string;
  /**
   * Who is told when a duty slips: the modalities it covers (“must”), the role's phrase, how long overdue in words
   * (`pb.deadline`, “within 4 hours”; absent when at once) and why.
   */
  readonly escalationSentence: (escalation: {
    modalities: readonly string[];
    tell: string;
    overdueBy?: string;
    reason?: string;
  }) => string;
  /** A flowchart question from a clause. */
  readonly question: (clause: string) => string;
  /** Flowchart words. */
  readonly flowchart: {
    readonly start: string;
    readonly yes: string;
    readonly no: string;
    readonly strictestOrder: string;
  };
  /**
   * Words for doubt: what "I'm not sure" means, in the handbook and in a decision. Optional so that a phrasebook
   * written before doubt existed still type-checks; the renderers fall back to `enGB`'s.
   */
  readonly doubt?: DoubtPhrases;
  /** Words used when a decision is rendered. */
  readonly decision: {
    readonly outcome: string;
    readonly why: string;
    readonly noRuleApplies: string;
    readonly conditions: string;
    readonly ask: string;
    readonly support: string;
    readonly maybeSupport: string;
    readonly undetermined: (possible: readonly string[]) => string;
    readonly neededFacts: string;
  };
}

/** Words for doubt, in the handbook and in a decision. */
export interface DoubtPhrases {
  /** The handbook section's heading. */
  readonly heading: string;
  /** Opens the policy-wide rule: “If you are not sure of something the answer depends on”. */
  readonly anything: string;
  /** Opens a rule for one fact, from its label. */
  readonly about: (label: string) => string;
  /** What the strictest rule says. */
  readonly strictest: string;
  /** What an assume rule says, from the value's phrase. */
  readonly assume: (phrase: string) => string;
  /** The label of the line that says a decision was reached in doubt. */
  readonly decidedInDoubt: string;
  /** Which facts the person was not sure of, from their labels. */
  readonly unsureAbout: (labels: readonly string[]) => string;
}

/** Where each shipped bank-holiday calendar applies, in words. */
const HOLIDAY_PLACES = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
} as const;

/** Capitalises the first letter of a sentence. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase('en-GB') + text.slice(1);
}

function list(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const quote = (text: string) => `“${text}”`;

/** The default phrasebook: plain British English, second person. */
export const enGB: Phrasebook = {
  language: 'en-GB',
  outcomes: {
    'out-of-scope': 'Your own business',
    permitted: 'Go ahead',
    'permitted-with-conditions': 'Go ahead, on conditions',
    'check-first': 'Check first',
    'not-permitted': 'Do not',
    undetermined: 'It depends',
  },
  topics: {
    scope: 'What this policy does not cover',
    'organisation-accounts': 'Posting on the organisation’s accounts',
    'own-accounts': 'Your own accounts',
    clients: 'Working with clients',
    conduct: 'How we treat each other',
    other: 'Other rules',
  },
  headings: {
    principles: 'Principles',
    scope: 'What this policy does not cover, and what we promise',
    scopeIntro: 'Start here: what is your own business, and what the organisation promises you.',
    outOfScope: 'Not covered by this policy',
    promises: 'Our promises to you',
    reserved: 'What the organisation reserves the right to do',
    reservedIntro: 'These are not promises to you: they are practices this policy allows the organisation.',
    targeted: 'If you are targeted online',
    noSupport:
      'This policy commits the organisation to no support for staff who are doxxed, harassed or threatened because of their work.',
    targetedIntro:
      'If you are doxxed, harassed or threatened because of your work, this is what we will do, who does it, by when, and what needs your consent.',
    dutiesCaption: 'What we will do if you are targeted',
    dutiesOnYouCaption: 'What this policy leaves to you if you are targeted',
    whoToAsk: 'Who to ask',
    whoToAskCaption: 'The people this policy names',
    definitions: 'Definitions',
    sources: 'Sources',
    documents: 'Documents this policy draws on',
    traceability: 'Where each part comes from',
    otherwise: 'When no rule applies',
  },
  columns: {
    what: 'What we will do',
    whatYouDo: 'What you are asked to do',
    when: 'When',
    who: 'Who does it',
    byWhen: 'By when',
    consent: 'Your consent',
    why: 'Why',
    role: 'Who',
    askBefore: 'Ask them before',
    responsibleFor: 'They are responsible for',
  },
  labels: {
    version: 'Version',
    status: 'Status',
    effective: 'In effect from',
    lastReviewed: 'Last reviewed',
    nextReview: 'Next review',
    reviewed: 'Reviewed',
    organisation: 'Organisation',
    why: 'Why',
    source: 'Source',
    assumption: 'Assumption',
    inOurWords: 'In our words',
    rule: 'Rule',
    duty: 'Duty',
    commitment: 'Promise',
    principle: 'Principle',
    definition: 'Definition',
    default: 'Default',
    file: 'File',
    none: '—',
    noDeadline: 'As soon as possible',
    consentNeeded: 'Only with your consent',
    consentNotNeeded: 'Not needed',
    resolution: 'How the rules combine',
    advice: 'Advice',
    adviceNote: 'This is advice, not a rule.',
    consequence: 'If it is not kept',
  },
  statuses: { draft: 'Draft', proposed: 'Proposed', adopted: 'Adopted', example: 'Example' },
  resolutions: {
    'first-match': 'The rules are read in order, and the first one that fits your situation decides.',
    strictest: 'When several rules fit your situation, the strictest of them decides.',
  },
  modalities: { must: 'must', should: 'should', may: 'may' },
  facts: {},
  and: (items) => list(items, 'and'),
  or: (items) => list(items, 'or'),
  either: (items) => (items.length > 1 ? `either ${list(items, 'or')}` : (items[0] ?? '')),
  both: (items) => (items.length === 2 ? `both ${list(items, 'and')}` : list(items, 'and')),
  setTest: (clause, members, every, negated) =>
    every && negated && members.length > 1
      ? `${clause} ${members.length === 2 ? 'both ' : 'all of '}${list(members, 'and')}`
      : `${clause} ${list(members, every ? 'and' : 'or')}`,
  factIsNot: (fact, values) =>
    `the answer to ${quote(fact.question ?? fact.label)} is not ${list(values.map(quote), 'or')}`,
  factIsKnown: (fact) => `you can answer ${quote(fact.question ?? fact.label)}`,
  ifClause: (clause) => `If ${clause}`,
  always: 'In every situation',
  never: 'In no situation (this rule never applies)',
  otherwise: 'In any other situation',
  outcomeSentence: (outcome, conditions, reviewers, strength = 'must') => {
    const should = strength === 'should';
    const extraConditions =
      conditions.length > 0 ? `; you ${should ? 'should' : 'must'} also ${list(conditions, 'and')}` : '';
    const extraReviewers = reviewers.length > 0 ? `; if in doubt, ask ${list(reviewers, 'or')}` : '';
    switch (outcome) {
      case 'out-of-scope':
        return `this policy does not cover it: it is your own business${extraConditions}${extraReviewers}`;
      case 'permitted':
        return `you can go ahead without checking with anyone${extraConditions}${extraReviewers}`;
      case 'permitted-with-conditions':
        if (conditions.length === 0) return `you can go ahead, on conditions${extraReviewers}`;
        return `${should ? `you can go ahead, and you should ${list(conditions, 'and')}` : `you can go ahead as long as you ${list(conditions, 'and')}`}${extraReviewers}`;
      case 'check-first': {
        const check =
          reviewers.length > 0 ? `check with ${list(reviewers, 'and')} first` : 'check before you go ahead';
        return `${should ? `you should ${check}` : check}${extraConditions}`;
      }
      case 'not-permitted':
        return `you ${should ? 'should' : 'must'} not do it${extraConditions}${extraReviewers}`;
      default:
        return outcome satisfies never;
    }
  },
  dutySentence: ({ holder, modality, action, deadline, consentRequired }) =>
    `${capitalise(holder)} ${modality} ${action}${deadline ? `, ${deadline}` : ''}${consentRequired && !/consent/i.test(action) ? ', and only with your consent' : ''}.`,
  reviewPeriod: (iso) => {
    const [, years, months] = /^P(?:(\d+)Y)?(?:(\d+)M)?$/.exec(iso) ?? [];
    const unit = (n: string | undefined, one: string) =>
      n === undefined ? [] : [Number(n) === 1 ? one : `${Number(n)} ${one}s`];
    const parts = [...unit(years, 'year'), ...unit(months, 'month')];
    return parts.length === 0 ? iso : `every ${parts.join(' and ')}`;
  },
  deadline: describeDeadline,
  calendarSentence: ({ timeZone, holidays, closures }) => {
    const sentences: string[] = [];
    if (timeZone) sentences.push(`Deadlines are kept in ${timeZone} time, across clock changes.`);
    const notWorking: string[] = [];
    if (holidays) notWorking.push(`bank holidays in ${HOLIDAY_PLACES[holidays]}`);
    if (closures.length > 0)
      notWorking.push(`the days the organisation is closed (${list(closures, 'and')})`);
    if (notWorking.length > 0)
      sentences.push(`Working days are Monday to Friday, except ${list(notWorking, 'and')}.`);
    return sentences.join(' ');
  },
  escalationSentence: ({ modalities, tell, overdueBy, reason }) =>
    `If something the organisation ${list(modalities, 'or')} do for you is not done by its deadline, ${tell} is told ${overdueBy ? `${overdueBy} of that deadline` : 'at once'}.${reason ? ` Why: ${reason}` : ''}`,
  question: (clause) => `${capitalise(clause)}?`,
  flowchart: {
    start: 'Your situation',
    yes: 'yes',
    no: 'no',
    strictestOrder: 'Checked from the strictest rule down',
  },
  doubt: {
    heading: 'If you are not sure',
    anything: 'If you are not sure of something the answer depends on',
    about: (label) => `If you are not sure about “${label}”`,
    strictest: 'take the strictest answer it could have: if in doubt, don’t',
    assume: (phrase) => `go on the basis that ${phrase}`,
    decidedInDoubt: 'Decided in doubt',
    unsureAbout: (labels) => `you were not sure about ${list(labels.map(quote), 'and')}`,
  },
  decision: {
    outcome: 'Answer',
    why: 'Why',
    noRuleApplies: 'No rule covers this, so the default applies',
    conditions: 'You must',
    ask: 'Ask',
    support: 'Support you are owed',
    maybeSupport: 'More support may apply; it depends on',
    undetermined: (possible) =>
      `The answer depends on things you have not said yet. It could be: ${list(possible.map(quote), 'or')}.`,
    neededFacts: 'To decide, answer',
  },
};
