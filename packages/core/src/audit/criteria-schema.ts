import { z } from 'zod';
import { ConditionSchema } from '../model/condition.js';
import { OUTCOMES } from '../model/outcome.js';
import { ID_PATTERN, JURISDICTIONS, RULE_STRENGTHS } from '../model/policy-format.js';

/** The format criteria files are written in; a major version may break, a minor one only adds. */
export const CRITERIA_FORMAT = 'fair-policy/1';

/** How much a finding matters: `error` (the policy fails the criterion), `warning` (it probably does), `note`. */
export const AUDIT_SEVERITIES = ['error', 'warning', 'note'] as const;
/** The severity of an audit finding. */
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

/** The parts of a policy a `policy-part-absent` test can look for. */
export const POLICY_PARTS = ['principles', 'sources', 'effectiveDate', 'jurisdictions'] as const;

const kebab = z.string().regex(ID_PATTERN);
const text = z.string().min(1);

/** A published document a criterion comes from. */
export const PublishedSourceSchema = z
  .strictObject({
    id: kebab.describe('The id criteria cite it by.'),
    title: text.describe('The document’s title.'),
    publisher: text.describe('Who published it.'),
    year: z.number().int().min(1900).max(2100).describe('The year it was published.'),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .describe('Where it can be read.'),
  })
  .meta({ id: 'PublishedSource', title: 'Published source', description: 'A document criteria cite.' });

/** A text that reads differently for one thing and for several (`{count}` stands for the number). */
const CountedTextSchema = z.union([text, z.strictObject({ one: text, other: text })]);

/** What a summary line says, and when. */
export const SummaryPhraseSchema = z
  .strictObject({
    text: CountedTextSchema.describe(
      'The phrase; placeholders: {reach} and {limit} (a criterion with `over`), {provided} and {total} (checklist), {count} (rules involved).',
    ),
    when: z
      .enum(['always', 'fires'])
      .default('fires')
      .describe('always: whenever the criterion or group is applied; fires: only when it finds something.'),
  })
  .meta({ id: 'SummaryPhrase', title: 'Summary phrase' });

const decides = z
  .strictObject({
    kind: z.literal('decides'),
    within: ConditionSchema.describe('The scenarios the criterion is about.'),
    except: ConditionSchema.optional().describe(
      'Scenarios where governing is legitimate, left out of the test.',
    ),
    outcomes: z.array(z.enum(OUTCOMES)).min(1).describe('The outcomes that count.'),
    conditionsAny: z
      .array(kebab)
      .optional()
      .describe('Only decisions that attach one of these conditions count.'),
    conditionsNone: z
      .array(kebab)
      .optional()
      .describe('Only decisions that attach none of these conditions count.'),
    strengths: z
      .array(z.enum(RULE_STRENGTHS))
      .optional()
      .describe('Only rules of these strengths count (the default counts as must).'),
    over: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        'Fire only when the counted share of `within` (less `except`) is over this; the share is the reach.',
      ),
    fires: z
      .enum(['when-found', 'when-absent'])
      .default('when-found')
      .describe('when-absent: fire when no scenario of `within` is decided so.'),
  })
  .describe('How the policy decides a region of scenarios.');

const commitmentMade = z.strictObject({
  kind: z.literal('commitment-made'),
  commitments: z.array(kebab).min(1).describe('Fires when the policy makes any of these commitments.'),
});

const commitmentAbsent = z.strictObject({
  kind: z.literal('commitment-absent'),
  anyOf: z.array(kebab).min(1).describe('Fires when the policy makes none of these commitments.'),
});

const dutyHeldBy = z.strictObject({
  kind: z.literal('duty-held-by'),
  holders: z.array(kebab).min(1).describe('Fires for every duty that can apply and is held by one of these.'),
});

const dutyAbsent = z.strictObject({
  kind: z.literal('duty-absent'),
  within: ConditionSchema.describe(
    'The scenarios the support is owed in (typically a work-related incident).',
  ),
  actions: z.array(kebab).min(1).describe('The duty actions that provide the measure.'),
  require: z
    .enum(['any', 'all'])
    .default('any')
    .describe('any: one of the actions provides it; all: every action is needed.'),
  modalities: z
    .array(z.enum(['must', 'should', 'may']))
    .default(['must', 'should'])
    .describe('How binding a duty must be to count.'),
  deadline: z.boolean().default(false).describe('Whether a duty counts only with a deadline.'),
  consent: z.boolean().default(false).describe('Whether a duty counts only when it waits for consent.'),
  notHeldBy: z
    .array(kebab)
    .default(['person-targeted'])
    .describe('Holders whose duties do not count (support is what others do for the person).'),
});

const policyPartAbsent = z.strictObject({
  kind: z.literal('policy-part-absent'),
  part: z.enum(POLICY_PARTS).describe('Fires when the policy has none of this part.'),
});

const reviewDate = z.strictObject({
  kind: z.literal('review-date'),
  fires: z
    .enum(['when-absent', 'when-passed'])
    .describe(
      'when-absent: the policy gives no date for its next review (neither `review.nextReview` nor a last review or effective date with `review.every`). when-passed: that date is before the audit’s reference date (`asOf`); not applied without one.',
    ),
});

/** A criterion's test: a closed set of declarative kinds, each evaluated exactly over the compiled policy. */
export const CriterionTestSchema = z
  .discriminatedUnion('kind', [
    decides,
    commitmentMade,
    commitmentAbsent,
    dutyHeldBy,
    dutyAbsent,
    policyPartAbsent,
    reviewDate,
  ])
  .meta({ id: 'CriterionTest', title: 'Criterion test' });

/** A group of criteria, one theme of the audit; a group can be switched off. */
export const CriterionGroupSchema = z
  .strictObject({
    id: kebab,
    theme: text.describe('The theme as readers see it (“Private life”).'),
    enabled: z.boolean().default(true).describe('false switches every criterion of the group off.'),
    summary: SummaryPhraseSchema.optional().describe('What the group adds to the summary line.'),
  })
  .meta({ id: 'CriterionGroup', title: 'Criterion group' });

/** Where a criterion applies: `everywhere`, or the jurisdictions whose law or guidance it comes from. */
export const AppliesInSchema = z.union([z.literal('everywhere'), z.array(z.enum(JURISDICTIONS)).min(1)]);

/** One criterion: what a fair policy does, where that is published, the test, and what to do instead. */
export const CriterionSchema = z
  .strictObject({
    id: kebab,
    group: kebab.describe('The id of its group.'),
    severity: z.enum(AUDIT_SEVERITIES),
    appliesIn: AppliesInSchema,
    title: text.describe('A short name.'),
    criterion: text.describe('What a fair policy does, in plain words.'),
    finding: text.describe('What the audit says when the test fires.'),
    fix: text.describe('What to change, in plain words.'),
    source: z.strictObject({
      id: kebab.describe('The id of a source of the criteria file.'),
      section: text.optional().describe('The section of the document, when one is precise.'),
    }),
    scope: ConditionSchema.optional().describe(
      'The scenarios a finding concerns when the test names none (commitments, policy parts); every scenario when absent.',
    ),
    onlyIfPolicyTests: z
      .array(z.string())
      .optional()
      .describe('Apply the criterion only to policies whose rules test every one of these facts.'),
    checklist: z.boolean().default(false).describe('Whether it is one measure of its group’s checklist.'),
    summary: SummaryPhraseSchema.optional(),
    test: CriterionTestSchema,
  })
  .meta({ id: 'Criterion', title: 'Criterion' });

/** A criteria file: its format, version, sources, groups and criteria. */
export const CriteriaSetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(CRITERIA_FORMAT),
    id: kebab,
    version: z.string().min(1).describe('The criteria’s own version.'),
    title: text,
    description: text.optional(),
    sources: z.array(PublishedSourceSchema).min(1),
    groups: z.array(CriterionGroupSchema).min(1),
    criteria: z.array(CriterionSchema).min(1),
  })
  .meta({
    id: 'CriteriaSet',
    title: 'Fairpost audit criteria',
    description: 'Criteria a policy is audited against.',
  });

/** A published source. */
export type PublishedSource = z.infer<typeof PublishedSourceSchema>;
/** A criterion's test. */
export type CriterionTest = z.infer<typeof CriterionTestSchema>;
/** A group of criteria. */
export type CriterionGroup = z.infer<typeof CriterionGroupSchema>;
/** One criterion. */
export type Criterion = z.infer<typeof CriterionSchema>;
/** A criteria file as written (defaults not yet applied). */
export type CriteriaSetInput = z.input<typeof CriteriaSetSchema>;
/** A criteria file, validated. */
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
/** A summary phrase. */
export type SummaryPhrase = z.infer<typeof SummaryPhraseSchema>;
