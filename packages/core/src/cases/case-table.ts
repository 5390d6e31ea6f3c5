import { OUTCOMES } from '../model/outcome.js';
import { z } from 'zod';

/** What a case's decision may be: one of the five outcomes, or `undetermined` when facts are missing. */
export const ExpectedOutcomeSchema = z.enum([...OUTCOMES, 'undetermined']);

const ids = (what: string) =>
  z
    .array(z.string().min(1))
    .refine((list) => new Set(list).size === list.length, { message: `${what} are listed twice` });

/**
 * What a case expects of the decision. Lists are exact sets (order does not matter). Leaving `duties` out means no
 * duty is triggered; leaving `conditions` or `reviewers` out of a determined case means there are none.
 */
export const CaseExpectationSchema = z
  .strictObject({
    outcome: ExpectedOutcomeSchema.describe('The outcome, or undetermined.'),
    duties: ids('duty ids').optional().describe('The ids of every duty the scenario triggers.'),
    undeterminedDuties: ids('undetermined duty ids')
      .optional()
      .describe('The ids of every duty that depends on facts the scenario leaves out.'),
    neededFacts: ids('needed facts')
      .optional()
      .describe('For an undetermined case: every fact still needed to decide.'),
    possibleOutcomes: z
      .array(z.enum(OUTCOMES))
      .optional()
      .describe('For an undetermined case: every outcome some completion of the scenario gets.'),
    conditions: ids('conditions').optional().describe('The conditions attached to the decision.'),
    reviewers: ids('reviewers').optional().describe('Who to ask, for a check-first decision.'),
  })
  .superRefine((expect, ctx) => {
    const undetermined = expect.outcome === 'undetermined';
    if (undetermined && expect.neededFacts === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['neededFacts'],
        message: 'an undetermined case must list the facts still needed (neededFacts)',
      });
    }
    if (!undetermined && expect.neededFacts !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['neededFacts'],
        message: `neededFacts only belongs to an undetermined case; this one expects "${expect.outcome}"`,
      });
    }
    if (!undetermined && expect.possibleOutcomes !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['possibleOutcomes'],
        message: `possibleOutcomes only belongs to an undetermined case; this one expects "${expect.outcome}"`,
      });
    }
  });

/** Where a case's quote comes from: a source of the policy (by id), and optionally its section. */
export const CaseSourceSchema = z.strictObject({
  document: z.string().min(1).describe('The id of one of the policy’s sources.'),
  section: z.string().min(1).optional().describe('The section of the source the quote is in.'),
});

/** One scenario with the decision its source text gives. */
export const PolicyCaseSchema = z.strictObject({
  name: z.string().min(1).describe('What the case shows, as a test name.'),
  scenario: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.boolean(),
        z.array(z.string()).describe('The members of a set fact, the whole set.'),
      ]),
    )
    .describe(
      'The facts of the situation; facts left out are unknown. A set fact is an array of its members; `unsure: [fact, …]` lists facts answered “not sure”.',
    ),
  expect: CaseExpectationSchema,
  quote: z.string().min(1).describe('The sentence of the source that decides the case, quoted exactly.'),
  source: CaseSourceSchema.optional().describe(
    'The source the quote is in; the policy’s first source when absent.',
  ),
  commitments: ids('commitment ids')
    .optional()
    .describe(
      'The ids of the policy’s commitments this case shows in practice. A commitment is a promise, not a decision, so a case exercises one by naming it; each must be in the policy.',
    ),
});

/** A rule, duty or commitment a table leaves without a case on purpose, and why. */
export const UncoveredEntrySchema = z.strictObject({
  kind: z.enum(['rule', 'duty', 'commitment']).describe('What the entry is: ids may repeat across kinds.'),
  id: z.string().min(1).describe('The id of the rule, duty or commitment.'),
  reason: z.string().min(1).describe('Why no case exercises it.'),
});

/** A policy's case table: the policy file (beside the table) and its cases. */
export const CaseTableSchema = z.strictObject({
  policy: z
    .string()
    .regex(/^[\w.-]+\.(ya?ml|json)$/, 'a policy file name in the same folder, such as 000_policy.yaml')
    .describe('The policy file, in the same folder as the table.'),
  cases: z
    .array(PolicyCaseSchema)
    .min(1)
    .refine((cases) => new Set(cases.map((c) => c.name)).size === cases.length, {
      message: 'case names must be unique: each names a test',
    }),
  uncovered: z
    .array(UncoveredEntrySchema)
    .optional()
    .describe(
      'Rules, duties and commitments no case exercises on purpose, each with the reason; coverage reports them apart.',
    ),
});

/** A case table. */
export type CaseTable = z.infer<typeof CaseTableSchema>;
/** One case of a table. */
export type PolicyCase = z.infer<typeof PolicyCaseSchema>;
/** An entry left without a case on purpose. */
export type UncoveredEntry = z.infer<typeof UncoveredEntrySchema>;
/** What a case expects. */
export type CaseExpectation = z.infer<typeof CaseExpectationSchema>;
