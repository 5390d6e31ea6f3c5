import { z } from 'zod';
import { AnyFactValueSchema, FACT_OPERATORS, SET_OPERATORS } from './condition.js';
import { OutcomeSchema } from './outcome.js';
import { DOUBT_RESOLUTIONS } from './policy-format.js';
import { DutySchema, SourceRefSchema } from './policy.js';
import { CatalogueEntrySchema } from '../vocabulary/vocabulary-schema.js';

// The published shape of what `evaluate` returns, for tools that store or pass decisions on as JSON. The
// `Decision` interfaces in decision.ts stay the TypeScript source for the evaluator (readonly throughout); a type
// test holds this schema to them, property for property.

const text = (description: string) => z.string().min(1).describe(description);
const factName = z.string().describe('A fact name (`account.kind`, `custom.campaignPhase`).');
const FactValueSchema = AnyFactValueSchema.describe('A value of a fact: a string or a boolean.');

const provenance = {
  source: SourceRefSchema.exactOptional(),
  assumption: text('What the source leaves open and the rule or duty assumes.').exactOptional(),
};

/** A rule, or the policy's default, that decides an outcome. */
export const DecidingRuleSchema = z
  .strictObject({
    ruleId: z.string().nullable().describe('The rule’s id, or null for the policy’s default outcome.'),
    title: text('The rule’s short heading.').exactOptional(),
    outcome: OutcomeSchema,
    reason: text('Why the rule says this.'),
    ...provenance,
  })
  .meta({ id: 'DecidingRule', title: 'Deciding rule', description: 'A rule (or the default) that decides.' });

/** A duty the scenario triggers, with its catalogue entries resolved. */
export const TriggeredDutySchema = z
  .strictObject({
    dutyId: z.string().describe('The duty’s id in the policy.'),
    action: CatalogueEntrySchema.describe('What is done.'),
    holder: CatalogueEntrySchema.describe('Who does it.'),
    modality: DutySchema.shape.modality,
    deadline: z
      .string()
      .describe('How soon after the report, as an ISO 8601 duration, when the policy sets one.')
      .exactOptional(),
    consentRequired: z.boolean().describe('Whether it is done only with the person’s consent.'),
    text: text('The duty in the policy’s own words.').exactOptional(),
    reason: text('Why the organisation owes this.'),
    ...provenance,
  })
  .meta({ id: 'TriggeredDuty', title: 'Triggered duty', description: 'A duty the situation triggers.' });

/** A duty whose trigger depends on facts the scenario does not give. */
export const UndeterminedDutySchema = z
  .strictObject({
    dutyId: z.string().describe('The duty’s id in the policy.'),
    neededFacts: z
      .array(factName)
      .describe(
        'Exactly the missing facts that decide whether the duty is triggered, in vocabulary order: a fact is listed if and only if two completions that differ in that fact alone differ on the duty.',
      ),
  })
  .meta({
    id: 'UndeterminedDuty',
    title: 'Undetermined duty',
    description: 'A duty that may be triggered, depending on facts the scenario does not give.',
  });

/** Whether a condition holds: yes, no, or unknown because a fact it needs is missing. */
export const TruthSchema = z.enum(['true', 'false', 'unknown']).meta({
  id: 'Truth',
  title: 'Truth',
  description: 'Whether a condition holds: true, false, or unknown because a fact it needs is missing.',
});

/** One fact test of a rule, as evaluated. */
export const FactTestTraceSchema = z
  .strictObject({
    fact: factName,
    operator: z.enum([...FACT_OPERATORS, ...SET_OPERATORS]).describe('The test’s operator.'),
    expected: z
      .union([FactValueSchema, z.array(FactValueSchema)])
      .describe(
        'The value (is, isNot, includes) or values (in, notIn, includesAny, includesAll) the test names.',
      ),
    actual: z
      .union([FactValueSchema, z.array(z.string().describe('A member of the set.'))])
      .describe('The scenario’s value (for a set fact, its members); absent when unknown.')
      .exactOptional(),
    result: TruthSchema,
  })
  .meta({
    id: 'FactTestTrace',
    title: 'Fact test trace',
    description: 'One fact test of a rule, as evaluated.',
  });

/** Why a rule did or did not match. */
export const RuleTraceSchema = z
  .strictObject({
    ruleId: z.string().describe('The rule’s id.'),
    result: TruthSchema,
    tests: z.array(FactTestTraceSchema).describe('Each fact test of the rule’s condition, in order.'),
  })
  .meta({ id: 'RuleTrace', title: 'Rule trace', description: 'Why a rule did or did not match.' });

/** A doubt rule of the policy as it was applied to facts answered "not sure". */
export const AppliedDoubtRuleSchema = z
  .strictObject({
    facts: z.array(factName).describe('The facts answered “not sure” it settled, in vocabulary order.'),
    resolve: z
      .enum(DOUBT_RESOLUTIONS)
      .describe(
        'How it settled them: strictest outcome still possible, a named outcome, or an assumed value.',
      ),
    scope: z
      .enum(['policy', 'fact'])
      .describe('Whether it is the policy-wide rule (doubt.default) or one for these facts (doubt.facts).'),
    value: FactValueSchema.describe('The value assumed (assume).').exactOptional(),
    outcome: OutcomeSchema.describe('The outcome it gives (outcome, strictest).').exactOptional(),
    reason: text('Why doubt is settled this way.'),
    ...provenance,
  })
  .meta({
    id: 'AppliedDoubtRule',
    title: 'Applied doubt rule',
    description: 'A doubt rule of the policy as it was applied to facts answered “not sure”.',
  });

/** How a decision was reached in doubt. */
export const DecidedInDoubtSchema = z
  .strictObject({
    facts: z
      .array(factName)
      .describe('The facts answered “not sure” that the outcome depended on, in vocabulary order.'),
    rules: z
      .array(AppliedDoubtRuleSchema)
      .describe('The policy’s doubt rules that decided, assumptions first.'),
  })
  .meta({
    id: 'DecidedInDoubt',
    title: 'Decided in doubt',
    description:
      'How a decision was reached in doubt: the facts answered “not sure” and the doubt rules that decided.',
  });

/**
 * What a policy says about a scenario, as JSON: the outcome (or `undetermined` with the facts still needed), the
 * rules that decide, conditions, reviewers, and the support duties owed.
 */
export const DecisionSchema = z
  .strictObject({
    policyId: z.string().describe('The id of the policy that decided.'),
    outcome: z
      .union([OutcomeSchema, z.literal('undetermined')])
      .describe('The outcome, or `undetermined` when it depends on facts the scenario does not give.'),
    possibleOutcomes: z
      .array(OutcomeSchema)
      .describe(
        'Every outcome some completion of the scenario gets: one when determined, unless decided in doubt.',
      ),
    neededFacts: z
      .array(factName)
      .describe(
        'Exactly the missing facts the outcome, the conditions or the reviewers depend on, in vocabulary order: a fact is listed if and only if two completions that differ in that fact alone differ in one of them. Never empty when undetermined; a determined outcome may still list facts that choose between deciding rules with different conditions or reviewers.',
      ),
    decidedBy: z.array(DecidingRuleSchema).describe('The rules that decide, or the default when none match.'),
    conditions: z.array(CatalogueEntrySchema).describe('Conditions to meet, merged from the deciding rules.'),
    reviewers: z.array(CatalogueEntrySchema).describe('Who to ask, merged from the deciding rules.'),
    duties: z.array(TriggeredDutySchema).describe('The duties the scenario triggers, in policy order.'),
    undeterminedDuties: z
      .array(UndeterminedDutySchema)
      .describe('Duties that may be triggered, depending on facts not given.'),
    trace: z
      .array(RuleTraceSchema)
      .describe('Which rules matched and why: present when evaluated with `{ trace: true }`.')
      .exactOptional(),
    doubt: DecidedInDoubtSchema.describe(
      'Present when the decision was reached in doubt: the outcome depended on facts answered “not sure” and the policy’s doubt rules decided.',
    ).exactOptional(),
  })
  .meta({
    id: 'Decision',
    title: 'Fairpost decision',
    description:
      'What a policy says about a scenario, why, who to ask, and what support is owed (the result of `evaluate`).',
  });
