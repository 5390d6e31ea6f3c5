import { z } from 'zod';
import { AnyFactValueSchema } from './condition.js';
import { OutcomeSchema } from './outcome.js';
import { socialMediaVocabulary } from '../vocabulary/social-media-vocabulary.js';
import {
  CATALOGUE_ID,
  CUSTOM_CATALOGUE_ID,
  CUSTOM_FACT_NAME,
  type CatalogueName,
  BooleanFactSchema,
  CatalogueEntrySchema,
  EnumFactSchema,
  SetFactSchema,
  POLARITIES,
} from '../vocabulary/vocabulary-schema.js';

/** Where a policy applies: the legal systems its audit criteria are chosen by. */
export const JURISDICTIONS = ['uk', 'us', 'eu', 'other'] as const;
/** How binding a rule is: `must` (a rule, the default) or `should` (advice). */
export const RULE_STRENGTHS = ['must', 'should'] as const;
/** How binding a rule is. */
export type RuleStrength = (typeof RULE_STRENGTHS)[number];
/** A place a policy applies. */
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * What a doubt rule does with a fact answered "not sure": `strictest` takes the strictest outcome still possible;
 * `outcome` gives a named outcome (with its reviewers or conditions); `assume` (per fact only) assumes a value.
 */
export const DOUBT_RESOLUTIONS = ['strictest', 'outcome', 'assume'] as const;
/** How a doubt rule settles a decision that depends on a fact answered "not sure". */
export type DoubtResolution = (typeof DOUBT_RESOLUTIONS)[number];

/** The format's own version. Minor versions only add optional fields; a major version may break. */
export const SCHEMA_VERSION = '1.0.0';
/** The vocabulary policies of this format are written in. */
export const VOCABULARY_ID = 'social-media/1';

/** A kebab-case id (`own-time-out-of-scope`). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An ISO 8601 duration with at least one component, not zero (`PT24H`, `P2D`, `P1W`; not `PT0H`). */
export const DURATION_PATTERN =
  /^P(?!$)(?=.*[1-9])(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
/** How a number is written in a deadline in words: digits, or "a", "an", "one" to "seven". */
export const DEADLINE_NUMBER = String.raw`(\d{1,4}|an?|one|two|three|four|five|six|seven)`;
/** A unit of a deadline in words, singular or plural. */
export const DEADLINE_UNIT = '(year|month|week|day|hour|minute|second)s?';
/**
 * The deadlines the published JSON Schema accepts: a non-zero ISO 8601 duration, or the same in lower-case words
 * (`24 hours`, `2 working days`, `1 day and 12 hours`). `parsePolicy` also accepts other letter cases, rejects
 * deadlines over a year, and stores the canonical ISO form.
 */
export const DEADLINE_PATTERN = new RegExp(
  String.raw`^(?:${DURATION_PATTERN.source.slice(1, -1)}|(?:within\s+)?${DEADLINE_NUMBER}\s+(?:(?:working|business)\s+)?${DEADLINE_UNIT}(?:(?:,\s*|\s+and\s+|,\s*and\s+)${DEADLINE_NUMBER}\s+${DEADLINE_UNIT})*)$`,
);
/** An IANA time zone name (`Europe/London`); whether the zone exists is checked by `parsePolicy`. */
export const TIME_ZONE_PATTERN = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/;
/** The bank-holiday calendars Fairpost ships, from GOV.UK's published rules. */
export const HOLIDAY_CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
/**
 * A source's web address: http or https, a host name (letters, digits, hyphens, dots), an optional port, then
 * only the characters RFC 3986 allows (anything else percent-encoded). One regular expression, so `parsePolicy` and
 * every JSON Schema validator accept exactly the same addresses (a URL parser and a `format: uri` check disagreed
 * on nearly half of generated addresses). No user name: `https://trusted.example@evil.example` is refused.
 */
export const SOURCE_URL_PATTERN =
  /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?(?::\d{1,5})?(?:[/?#](?:[A-Za-z0-9._~!$&'()*+,;=:@/?#-]|%[0-9A-Fa-f]{2})*)?$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SEMVER_PATTERN = /^1\.\d+\.\d+$/;
/**
 * A calendar date that exists (YYYY-MM-DD): days past a month's end, and 29 February outside leap years, are
 * refused. A regular expression rather than a refinement, so that `parsePolicy` and every JSON Schema validator
 * accept exactly the same dates.
 */
export const CALENDAR_DATE_PATTERN =
  /^(?:\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;
/** How often a policy is reviewed: an ISO 8601 period of whole years and/or months (P1Y, P6M, P1Y6M). */
export const REVIEW_PERIOD_PATTERN = /^P(?:[1-9]\d?Y(?:[1-9]\d?M)?|[1-9]\d?M)$/;

/**
 * How an optional field treats an explicit `undefined`. `exact` (the published format) matches JSON, which has no
 * `undefined`: the inferred type is `field?: T`, the same as the types generated from the JSON Schema. `loose` (the
 * structural schema) also accepts `field: undefined` from JavaScript callers.
 */
export type Optionality = 'exact' | 'loose';

/** The optional wrapper an `Optionality` stands for. */
type OptionalOf<T extends z.ZodType, O extends Optionality> = O extends 'exact'
  ? z.ZodExactOptional<T>
  : z.ZodOptional<T>;

/** What varies between the published schema and the structural one `parsePolicy` checks first. */
export interface FormatParts<C extends z.ZodType, R extends z.ZodType, O extends Optionality> {
  /** The condition schema. */
  condition: C;
  /** A reference to an entry of a catalogue. */
  catalogueRef: (catalogue: CatalogueName) => R;
  /** Whether to give the schemas ids for the JSON Schema's `$defs` (only one instance may). */
  named: boolean;
  /** How optional fields treat an explicit `undefined`. */
  optionality: O;
  /**
   * A deadline as written: the published schema gives its pattern; the structural one takes any string so that
   * `parsePolicy` can say precisely what is wrong with it (zero, negative, over a year).
   */
  deadline: z.ZodString;
}

/**
 * Builds every schema of the policy format from its parts. Written once, instantiated twice: with the
 * vocabulary-aware condition for publishing and types, and with the structural one for precise parse errors.
 */
export function createPolicyFormat<C extends z.ZodType, R extends z.ZodType, O extends Optionality>({
  condition,
  catalogueRef,
  named,
  optionality,
  deadline,
}: FormatParts<C, R, O>) {
  // Descriptions go on the inner schema: `.describe()` on the conditional wrapper type would widen it.
  const optional = <T extends z.ZodType>(schema: T): OptionalOf<T, O> =>
    (optionality === 'exact' ? schema.exactOptional() : schema.optional()) as OptionalOf<T, O>;
  const meta = <T extends z.ZodType>(schema: T, id: string, title: string, description: string): T =>
    (named ? schema.meta({ id, title, description }) : schema.describe(description)) as T;

  const id = (what: string) =>
    z.string().regex(ID_PATTERN).describe(`A kebab-case id for this ${what}, unique in the policy.`);

  const SourceRef = meta(
    z.strictObject({
      document: z.string().min(1).describe('The `id` of an entry in the policy’s `sources`.'),
      section: optional(z.string().min(1).describe('The section or heading of the document.')),
      quote: optional(z.string().min(1).describe('The passage this encodes, quoted exactly.')),
    }),
    'SourceRef',
    'Source reference',
    'Where in a source document this comes from.',
  );

  const provenance = {
    source: optional(SourceRef),
    assumption: optional(
      z
        .string()
        .min(1)
        .describe('What the source leaves open and this entry assumes, stated so a reader can challenge it.'),
    ),
  };

  const Source = meta(
    z.strictObject({
      id: id('source'),
      title: z.string().min(1).describe('The document’s title.'),
      url: optional(
        z
          .string()
          .regex(SOURCE_URL_PATTERN)
          .describe('Where the document can be read: an http or https address (RFC 3986 characters only).'),
      ),
      file: optional(z.string().min(1).describe('A file the document is kept in.')),
      note: optional(z.string().min(1).describe('What the document is and how it was used.')),
    }),
    'Source',
    'Source',
    'A document the policy was drawn from.',
  );

  const Principle = meta(
    z.strictObject({
      title: optional(z.string().min(1).describe('A short heading.')),
      text: z.string().min(1).describe('The principle, in plain words.'),
      ...provenance,
    }),
    'Principle',
    'Principle',
    'A statement of what the policy values; guidance, not a rule.',
  );

  const Definition = meta(
    z.strictObject({
      term: z.string().min(1).describe('The term defined.'),
      meaning: z.string().min(1).describe('What it means in this policy.'),
      ...provenance,
    }),
    'Definition',
    'Definition',
    'A term the policy uses in a particular sense.',
  );

  const Topic = meta(
    z.enum(['scope', 'organisation-accounts', 'own-accounts', 'clients', 'conduct', 'other']),
    'Topic',
    'Topic',
    'Where the rule belongs in the handbook; when absent, renderers infer it from the condition.',
  );

  const Rule = meta(
    z.strictObject({
      id: id('rule'),
      title: optional(z.string().min(1).describe('A short heading for the rule.')),
      topic: optional(Topic),
      when: condition.describe('The situations this rule covers.'),
      outcome: OutcomeSchema,
      conditions: optional(
        z
          .array(catalogueRef('conditions'))
          .describe(
            'What the person must do for a permitted-with-conditions outcome (ids from the conditions catalogue).',
          ),
      ),
      reviewers: optional(
        z
          .array(catalogueRef('roles'))
          .describe('Who to ask for a check-first outcome (ids from the roles catalogue).'),
      ),
      strength: optional(
        z
          .enum(RULE_STRENGTHS)
          .describe(
            'must (the default): a rule staff are held to; should: advice, so "should not" is not "must not".',
          ),
      ),
      consequence: optional(
        catalogueRef('consequences').describe(
          'What may follow when the rule is not kept (an id from the consequences catalogue).',
        ),
      ),
      reason: z.string().min(1).describe('Why the rule says this, in plain language.'),
      ...provenance,
    }),
    'Rule',
    'Rule',
    'In the situations `when` describes, the policy gives `outcome`, for `reason`.',
  );

  const DefaultOutcome = meta(
    z.strictObject({
      outcome: OutcomeSchema,
      conditions: optional(
        z.array(catalogueRef('conditions')).describe('Conditions attached to the default.'),
      ),
      reviewers: optional(
        z.array(catalogueRef('roles')).describe('Who to ask when the default is check-first.'),
      ),
      reason: z.string().min(1).describe('Why this is the default.'),
      ...provenance,
    }),
    'DefaultOutcome',
    'Default outcome',
    'The outcome when no rule matches.',
  );

  const Duty = meta(
    z.strictObject({
      id: id('duty'),
      when: condition.describe('When the duty applies (typically an incident).'),
      action: catalogueRef('dutyActions').describe('What is done (an id from the duty-actions catalogue).'),
      holder: catalogueRef('roles').describe('Who does it (an id from the roles catalogue).'),
      modality: z.enum(['must', 'should', 'may']).describe('How binding the duty is.'),
      deadline: optional(
        deadline.describe(
          'How soon after the report, as an ISO 8601 duration (PT24H, P2D) or in words ("24 hours", "2 working days", "1 week"); parsePolicy stores the ISO form.',
        ),
      ),
      workingDays: optional(
        z
          .boolean()
          .describe(
            'Whether the deadline counts working days (Monday to Friday, less the calendar’s bank holidays and closures); only for a whole number of days. "2 working days" sets it.',
          ),
      ),
      consentRequired: optional(z.boolean().describe('Whether it is done only with the person’s consent.')),
      text: optional(
        z
          .string()
          .min(1)
          .describe('The duty in the policy’s own words, when the catalogue phrase is not enough.'),
      ),
      reason: z.string().min(1).describe('Why the organisation owes this.'),
      ...provenance,
    }),
    'Duty',
    'Duty',
    'What the organisation or a named role must, should or may do when `when` holds.',
  );

  const Calendar = meta(
    z.strictObject({
      timeZone: optional(
        z
          .string()
          .regex(TIME_ZONE_PATTERN)
          .describe(
            'The IANA time zone deadlines are kept in (Europe/London); days keep local time across clock changes.',
          ),
      ),
      holidays: optional(
        z
          .enum(HOLIDAY_CALENDARS)
          .describe('Whose bank holidays are not working days (GOV.UK’s published rules; shipped as data).'),
      ),
      closures: optional(
        z
          .array(z.string().regex(DATE_PATTERN))
          .describe('The organisation’s own closure days (YYYY-MM-DD), not working days either.'),
      ),
    }),
    'Calendar',
    'Calendar',
    'How the organisation keeps time for deadlines: its time zone, and which days are not working days.',
  );

  const Review = meta(
    z.strictObject({
      lastReviewed: optional(
        z
          .string()
          .regex(CALENDAR_DATE_PATTERN)
          .describe('When the policy was last reviewed (YYYY-MM-DD, a date that exists).'),
      ),
      nextReview: optional(
        z
          .string()
          .regex(CALENDAR_DATE_PATTERN)
          .describe('When the policy is next to be reviewed (YYYY-MM-DD, a date that exists).'),
      ),
      every: optional(
        z
          .string()
          .regex(REVIEW_PERIOD_PATTERN)
          .describe(
            'How often the policy is reviewed, as an ISO 8601 period of years or months: P1Y (every year), P6M, P2Y.',
          ),
      ),
    }),
    'Review',
    'Review',
    'When the policy is reviewed: the last review, the next one and how often. The audit reads the next review from `nextReview`, else from the last review (or the effective date) plus `every`.',
  );

  const Escalation = meta(
    z.strictObject({
      id: id('escalation'),
      modalities: optional(
        z
          .array(z.enum(['must', 'should', 'may']))
          .min(1)
          .describe('Which duties it covers, by how binding they are; must-duties when absent.'),
      ),
      overdueBy: optional(
        deadline.describe(
          'How long a duty may be overdue before this escalation is owed, as an ISO 8601 duration or in words; at once when absent.',
        ),
      ),
      tell: catalogueRef('roles').describe('Who is told (an id from the roles catalogue).'),
      reason: optional(z.string().min(1).describe('Why they are told.')),
      ...provenance,
    }),
    'Escalation',
    'Escalation',
    'Who is told when a duty slips: when a duty of these modalities is overdue by `overdueBy`, `tell` is told.',
  );

  const Commitment = meta(
    z.strictObject({
      id: id('commitment'),
      commitment: catalogueRef('commitments').describe('The promise (an id from the commitments catalogue).'),
      text: optional(z.string().min(1).describe('The promise in the policy’s own words.')),
      ...provenance,
    }),
    'Commitment',
    'Commitment',
    'A promise the organisation makes about its own conduct.',
  );

  const CustomEntry = meta(
    CatalogueEntrySchema.extend({
      id: z.string().regex(CUSTOM_CATALOGUE_ID).describe('The id, starting `custom-`.'),
    }),
    'CustomCatalogueEntry',
    'Custom catalogue entry',
    'A catalogue entry of the policy’s own, with an id starting `custom-`.',
  );
  const customEntries = (catalogue: string) =>
    optional(
      z.array(CustomEntry).describe(`The policy’s own ${catalogue}, each with an id starting \`custom-\`.`),
    );
  const CustomCommitmentEntry = meta(
    CustomEntry.extend({
      polarity: optional(
        z
          .enum(POLARITIES)
          .describe(
            'protects (the default): a promise that limits the organisation; restricts: a practice it reserves.',
          ),
      ),
    }),
    'CustomCommitmentEntry',
    'Custom commitment entry',
    'A commitment of the policy’s own, with an id starting `custom-` and its polarity.',
  );

  const customFactName = z
    .string()
    .regex(CUSTOM_FACT_NAME)
    .describe('The fact’s name: `custom.` then camelCase words (custom.campaignPhase).');
  const question = optional(
    z.string().min(1).describe('The question a questionnaire asks to learn this fact.'),
  );
  const CustomFact = meta(
    z.discriminatedUnion('type', [
      meta(
        EnumFactSchema.extend({ name: customFactName, question }),
        'CustomEnumFact',
        'Custom enum fact',
        'A fact of the policy’s own that takes one of listed values.',
      ),
      meta(
        BooleanFactSchema.extend({ name: customFactName, question }),
        'CustomBooleanFact',
        'Custom boolean fact',
        'A fact of the policy’s own that is true or false.',
      ),
      meta(
        SetFactSchema.extend({ name: customFactName, question }),
        'CustomSetFact',
        'Custom set fact',
        'A fact of the policy’s own whose value is a set of listed members.',
      ),
    ]),
    'CustomFact',
    'Custom fact',
    'A fact of the policy’s own, named `custom.<name>`.',
  );

  const Custom = meta(
    z.strictObject({
      facts: optional(z.array(CustomFact).describe('Facts of the policy’s own, each named `custom.<name>`.')),
      conditions: customEntries('conditions'),
      roles: customEntries('roles'),
      dutyActions: customEntries('duty actions'),
      commitments: optional(
        z
          .array(CustomCommitmentEntry)
          .describe('The policy’s own commitments, each with an id starting `custom-` and a polarity.'),
      ),
      consequences: customEntries('consequences'),
    }),
    'CustomVocabulary',
    'Custom vocabulary',
    `Facts and catalogue entries the policy adds to the standard vocabulary. Fact names match ${CUSTOM_FACT_NAME.source}; entry ids match ${CUSTOM_CATALOGUE_ID.source}.`,
  );

  // Doubt: what "I'm not sure" means. One variant per resolution, so the JSON Schema says exactly which fields go
  // with which; the policy-wide rule cannot assume a value (the value depends on the fact).
  const doubtReason = z
    .string()
    .min(1)
    .describe('Why doubt is settled this way, in plain words ("If in doubt, don’t post it.").');
  const doubtVariants = {
    strictest: {
      resolve: z
        .literal('strictest')
        .describe('Take the strictest outcome still possible, whatever the answer would have been.'),
      reason: doubtReason,
      ...provenance,
    },
    outcome: {
      resolve: z.literal('outcome').describe('Give a named outcome, such as check-first with its reviewers.'),
      outcome: OutcomeSchema,
      conditions: optional(
        z.array(catalogueRef('conditions')).describe('Conditions attached to the outcome given in doubt.'),
      ),
      reviewers: optional(
        z.array(catalogueRef('roles')).describe('Who to ask when the outcome given in doubt is check-first.'),
      ),
      reason: doubtReason,
      ...provenance,
    },
    assume: {
      resolve: z.literal('assume').describe('Decide as if the fact had this value.'),
      value: AnyFactValueSchema.describe('The value assumed: one the fact can take.'),
      reason: doubtReason,
      ...provenance,
    },
  };
  const factName = named
    ? z.union([
        z.enum(socialMediaVocabulary.facts.map((f) => f.name) as [string, ...string[]]),
        z.string().regex(CUSTOM_FACT_NAME),
      ])
    : z.string();
  const doubtFact = {
    fact: factName.describe('The fact this rule is for (a standard fact or custom.<name>).'),
  };
  const PolicyDoubtRule = meta(
    z.discriminatedUnion('resolve', [
      z.strictObject(doubtVariants.strictest),
      z.strictObject(doubtVariants.outcome),
    ]),
    'DoubtRule',
    'Doubt rule',
    'What a decision is when it depends on a fact the person answered "not sure": the strictest outcome still possible, or a named outcome.',
  );
  const FactDoubtRule = meta(
    z.discriminatedUnion('resolve', [
      z.strictObject({ ...doubtFact, ...doubtVariants.strictest }),
      z.strictObject({ ...doubtFact, ...doubtVariants.outcome }),
      z.strictObject({ ...doubtFact, ...doubtVariants.assume }),
    ]),
    'FactDoubtRule',
    'Fact doubt rule',
    'What doubt about one fact means, where it differs from the policy-wide rule: the strictest outcome, a named outcome, or an assumed value.',
  );
  const Doubt = meta(
    z.strictObject({
      default: optional(PolicyDoubtRule),
      facts: optional(
        z.array(FactDoubtRule).describe('Rules for particular facts, which take precedence over `default`.'),
      ),
    }),
    'Doubt',
    'Doubt',
    'What "I\'m not sure" means: a scenario may list facts answered unsure (`unsure`); when the outcome depends on them and on no fact left unasked, these rules decide. Without them, unsure is treated as unknown.',
  );

  const Policy = meta(
    z.strictObject({
      $schema: optional(z.string().describe('The JSON Schema this file is written against (for editors).')),
      schemaVersion: z
        .string()
        .regex(SEMVER_PATTERN)
        .describe(`The policy format version, ${SCHEMA_VERSION}.`),
      id: id('policy'),
      title: z.string().min(1).describe('The policy’s title.'),
      organisation: z.string().min(1).describe('The organisation the policy belongs to.'),
      version: z.string().min(1).describe('The policy’s own version (“1.0”, “draft 2”).'),
      status: optional(
        z.enum(['draft', 'proposed', 'adopted', 'example']).describe('Where the policy stands.'),
      ),
      effectiveDate: optional(z.string().regex(DATE_PATTERN).describe('When it takes effect (YYYY-MM-DD).')),
      review: optional(Review),
      language: z.string().min(2).describe('The language of its text, as a BCP 47 tag (en-GB).'),
      vocabulary: z.literal(VOCABULARY_ID).describe('The vocabulary the policy is written in.'),
      summary: optional(z.string().min(1).describe('A paragraph saying what the policy is for.')),
      jurisdictions: optional(
        z
          .array(z.enum(JURISDICTIONS))
          .min(1)
          .describe(
            'Where the policy applies (uk, us, eu, other): the audit applies the legal criteria of each.',
          ),
      ),
      sources: optional(z.array(Source).describe('The documents the policy was drawn from.')),
      principles: optional(z.array(Principle).describe('What the policy values.')),
      definitions: optional(z.array(Definition).describe('Terms used in a particular sense.')),
      resolution: z
        .enum(['first-match', 'strictest'])
        .describe(
          'first-match: the first matching rule decides. strictest: the strictest matching outcome wins.',
        ),
      default: DefaultOutcome,
      rules: z.array(Rule).describe('The decision rules.'),
      duties: optional(z.array(Duty).describe('What the organisation owes people targeted for their work.')),
      commitments: optional(z.array(Commitment).describe('Promises about the organisation’s own conduct.')),
      calendar: optional(Calendar),
      escalation: optional(
        z.array(Escalation).describe('Who is told when a duty owed to a targeted person slips.'),
      ),
      custom: optional(Custom),
      doubt: optional(Doubt),
    }),
    'Policy',
    'Fairpost policy',
    'A social-media policy as typed rules: metadata, principles, rules, duties and commitments.',
  );

  return {
    Policy,
    Rule,
    Duty,
    Commitment,
    Calendar,
    Escalation,
    Review,
    Source,
    SourceRef,
    Principle,
    Definition,
    DefaultOutcome,
    Custom,
    Doubt,
    FactDoubtRule,
  };
}

/** The catalogue id patterns: standard entries are kebab-case, custom ones start `custom-`. */
export const CATALOGUE_ID_PATTERNS = { standard: CATALOGUE_ID, custom: CUSTOM_CATALOGUE_ID } as const;
