import { z } from 'zod';
import { ConditionSchema, ConditionShapeSchema } from './condition.js';
import { createPolicyFormat, DEADLINE_PATTERN, SCHEMA_VERSION, VOCABULARY_ID } from './policy-format.js';
import type { StandardCatalogueId } from '../vocabulary/fact-types.js';
import { socialMediaVocabulary } from '../vocabulary/social-media-vocabulary.js';
import { type CatalogueName, CUSTOM_CATALOGUE_ID } from '../vocabulary/vocabulary-schema.js';

function standardOrCustomRef(catalogue: CatalogueName): z.ZodType<string> {
  const ids = socialMediaVocabulary[catalogue].map((entry) => entry.id) as [string, ...string[]];
  return z.union([z.enum(ids), z.string().regex(CUSTOM_CATALOGUE_ID)]);
}

const published = createPolicyFormat({
  condition: ConditionSchema,
  catalogueRef: standardOrCustomRef,
  named: true,
  optionality: 'exact',
  deadline: z.string().regex(DEADLINE_PATTERN),
});

/**
 * The policy format: the single source of the `Policy` type and of the published JSON Schema. It knows the
 * standard vocabulary, but the checks JSON Schema cannot express (unique ids, declared custom facts, sources that
 * exist) live in `parsePolicy`, which is the way to validate a policy.
 */
export const PolicySchema = published.Policy;
/** The rule schema of the published format. */
export const RuleSchema = published.Rule;
/** The duty schema of the published format. */
export const DutySchema = published.Duty;
/** The commitment schema of the published format. */
export const CommitmentSchema = published.Commitment;
/** The calendar schema: the organisation's time zone, bank holidays and closure days. */
export const CalendarSchema = published.Calendar;
/** The escalation schema: who is told when a duty slips. */
export const EscalationSchema = published.Escalation;
/** When the policy is reviewed: the last review, the next one and how often. */
export const ReviewSchema = published.Review;
/** What "I'm not sure" means in the policy: a policy-wide rule and rules for particular facts. */
export const DoubtSchema = published.Doubt;
/** A doubt rule for one fact. */
export const FactDoubtRuleSchema = published.FactDoubtRule;
/** Where in a source document a rule, duty or other entry comes from. */
export const SourceRefSchema = published.SourceRef;

/**
 * The same format with structural conditions and plain-string references: `parsePolicy` checks this first, so that
 * errors point at a key rather than at a failed union, then checks the vocabulary itself.
 * @internal
 */
export const PolicyShapeSchema = createPolicyFormat({
  condition: ConditionShapeSchema,
  catalogueRef: () => z.string(),
  named: false,
  optionality: 'loose',
  deadline: z.string(),
}).Policy;

/** A valid Fairpost policy. */
export type Policy = z.infer<typeof PolicySchema>;
/** A decision rule. */
export type Rule = z.infer<typeof RuleSchema>;
/** A support duty. */
export type Duty = z.infer<typeof DutySchema>;
/** How the organisation keeps time for deadlines. */
export type Calendar = z.infer<typeof CalendarSchema>;
/** Who is told when a duty slips. */
export type Escalation = z.infer<typeof EscalationSchema>;
/** A commitment about the organisation's own conduct. */
export type Commitment = z.infer<typeof CommitmentSchema>;
/** When a policy is reviewed. */
export type Review = z.infer<typeof ReviewSchema>;
/** What "I'm not sure" means in a policy. */
export type Doubt = z.infer<typeof DoubtSchema>;
/** What doubt about one fact means. */
export type FactDoubtRule = z.infer<typeof FactDoubtRuleSchema>;
/** The policy-wide doubt rule. */
export type DoubtRule = NonNullable<Doubt['default']>;
/** Where the policy's resolution strategy says how matching rules combine. */
export type Resolution = Policy['resolution'];
/** A reference to one of the standard conditions, or a custom one. */
export type ConditionId = StandardCatalogueId<'conditions'> | `custom-${string}`;

/** The `schemaVersion` and `vocabulary` of policies written today. */
export const VOCABULARY_ID_AND_VERSION = {
  schemaVersion: SCHEMA_VERSION,
  vocabulary: VOCABULARY_ID,
} as const;
