import { z } from 'zod';

/** A standard fact name: lower camelCase segments joined by dots (`account.kind`). */
export const STANDARD_FACT_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
/** A custom fact name: `custom.` followed by camelCase segments (`custom.campaignPhase`). */
export const CUSTOM_FACT_NAME = /^custom(\.[a-z][A-Za-z0-9]*)+$/;
/** A catalogue id: kebab-case (`state-personal-view`). */
export const CATALOGUE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A custom catalogue id: `custom-` followed by kebab-case (`custom-buddy-system`). */
export const CUSTOM_CATALOGUE_ID = /^custom(-[a-z0-9]+)+$/;

/** One value an enum fact can take, with the words used to render it. */
export const FactValueSchema = z
  .strictObject({
    value: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('The value as written in policies and scenarios (kebab-case).'),
    label: z.string().min(1).describe('A short label for forms and tables.'),
    phrase: z
      .string()
      .min(1)
      .describe(
        'A second-person clause that completes "If …", e.g. "you are posting on one of the organisation’s accounts".',
      ),
  })
  .meta({
    id: 'FactValue',
    title: 'Fact value',
    description: 'One value an enum fact can take, with a label for forms and a phrase for rendered text.',
  });

const factBase = {
  label: z.string().min(1).describe('A short label for forms and tables (“Account”).'),
  description: z.string().min(1).describe('One line saying what the fact means.'),
  question: z.string().min(1).optional().describe('The question a questionnaire asks to learn this fact.'),
};

/** An enum fact: one of listed values. */
export const EnumFactSchema = z
  .strictObject({
    name: z.string().describe('The dotted fact name.'),
    type: z.literal('enum').describe('An enum fact: it takes one of the listed `values`.'),
    ...factBase,
    values: z.array(FactValueSchema).min(1).describe('The values the fact can take.'),
  })
  .meta({ id: 'EnumFact', title: 'Enum fact', description: 'A fact that takes one of its listed values.' });

/** A boolean fact, with a phrase for each answer. */
export const BooleanFactSchema = z
  .strictObject({
    name: z.string().describe('The dotted fact name.'),
    type: z.literal('boolean').describe('A boolean fact: it is true or false.'),
    ...factBase,
    whenTrue: z.string().min(1).describe('A second-person clause for when the fact is true.'),
    whenFalse: z.string().min(1).describe('A second-person clause for when the fact is false.'),
  })
  .meta({
    id: 'BooleanFact',
    title: 'Boolean fact',
    description: 'A fact that is true or false, with a phrase for each answer.',
  });

/** One member a set fact can include, with the noun phrase used to render it. */
export const SetMemberSchema = z
  .strictObject({
    value: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('The member as written in policies and scenarios (kebab-case).'),
    label: z.string().min(1).describe('A short label for forms and tables.'),
    phrase: z
      .string()
      .min(1)
      .describe('A noun phrase that completes the fact’s `phrase`, e.g. "pay or working conditions".'),
  })
  .meta({
    id: 'SetMember',
    title: 'Set member',
    description:
      'One member a set fact can include, with a label for forms and a noun phrase for rendered text.',
  });

/**
 * A set fact: its value is a set of its listed members (a post can be about the employer *and* about pay). A scenario
 * gives it whole, as an array of members: every member listed is in the set and every other member is out. Tests
 * read membership (`includes`, `includesAny`, `includesAll`), so inside the engine a set fact of k members is k
 * true-or-false membership dimensions.
 */
export const SetFactSchema = z
  .strictObject({
    name: z.string().describe('The dotted fact name.'),
    type: z.literal('set').describe('A set fact: it takes any set of the listed `values` (members).'),
    ...factBase,
    phrase: z
      .string()
      .min(1)
      .describe(
        'A second-person clause that members complete, e.g. "it is about" (… "pay and the employer").',
      ),
    negatedPhrase: z
      .string()
      .min(1)
      .describe('The same clause negated, e.g. "it is not about" (… "party politics").'),
    values: z.array(SetMemberSchema).min(1).describe('The members the set can include.'),
  })
  .meta({
    id: 'SetFact',
    title: 'Set fact',
    description: 'A fact whose value is a set of its listed members, given whole as an array.',
  });

/** The definition of a fact a scenario can state. */
export const FactDefinitionSchema = z
  .discriminatedUnion('type', [EnumFactSchema, BooleanFactSchema, SetFactSchema])
  .meta({
    id: 'FactDefinition',
    title: 'Fact definition',
    description: 'The definition of a fact a scenario can state.',
  });

/** An entry of a catalogue (a condition, role, duty action or commitment). */
export const CatalogueEntrySchema = z
  .strictObject({
    id: z.string().describe('The kebab-case id policies refer to.'),
    label: z.string().min(1).describe('A short label.'),
    phrase: z
      .string()
      .min(1)
      .describe('A plain-English phrase used when rendering, in the imperative or as a clause.'),
  })
  .meta({
    id: 'CatalogueEntry',
    title: 'Catalogue entry',
    description:
      'An entry of a catalogue (a condition, role, duty action or commitment): its id, label and phrase.',
  });

/**
 * Whether a commitment protects staff (a promise that limits what the organisation does) or restricts them (a
 * practice the organisation reserves: monitoring, pre-approval). Comparison and audit read commitments by it.
 */
export const POLARITIES = ['protects', 'restricts'] as const;
/** The polarity of a commitment. */
export type Polarity = (typeof POLARITIES)[number];

/**
 * An entry of the commitments catalogue: a catalogue entry with a polarity and, where one exists, its opposite
 * ("we monitor your personal accounts" against "we will not monitor your personal accounts").
 */
export const CommitmentEntrySchema = CatalogueEntrySchema.extend({
  polarity: z
    .enum(POLARITIES)
    .describe(
      'protects: a promise that limits what the organisation does; restricts: a practice it reserves.',
    ),
  opposite: z
    .string()
    .optional()
    .describe('The id of the commitment that says the opposite, when the vocabulary has one.'),
}).meta({ id: 'CommitmentEntry', title: 'Commitment entry' });

/** The five catalogues of a vocabulary, named as policies refer to them. */
export const CATALOGUES = ['conditions', 'roles', 'dutyActions', 'commitments', 'consequences'] as const;
/** The name of one catalogue. */
export type CatalogueName = (typeof CATALOGUES)[number];

/** A versioned vocabulary: the facts and catalogues that policies are written in. */
export const VocabularySchema = z
  .strictObject({
    id: z.string().describe('Versioned id, e.g. social-media/1.'),
    title: z.string(),
    facts: z.array(FactDefinitionSchema),
    conditions: z
      .array(CatalogueEntrySchema)
      .describe('Conditions a permission can carry (state-personal-view, …).'),
    roles: z
      .array(CatalogueEntrySchema)
      .describe('People and teams: reviewers to ask and holders of duties.'),
    dutyActions: z
      .array(CatalogueEntrySchema)
      .describe('What the organisation can owe someone targeted for their work.'),
    commitments: z
      .array(CommitmentEntrySchema)
      .describe('What the organisation promises, or reserves, about its own conduct.'),
    consequences: z
      .array(CatalogueEntrySchema)
      .describe('What may follow when a rule is not kept (advice only, removal of a post, a disciplinary).'),
  })
  .meta({ id: 'Vocabulary', title: 'Vocabulary' });

/** A fact definition. */
export type FactDefinition = z.infer<typeof FactDefinitionSchema>;
/** The definition of a set fact. */
export type SetFactDefinition = z.infer<typeof SetFactSchema>;
/** The definition of a fact that takes one value (an enum or a boolean fact). */
export type ScalarFactDefinition = Exclude<FactDefinition, SetFactDefinition>;
/** A catalogue entry. */
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;
/** An entry of the commitments catalogue, with its polarity. */
export type CommitmentEntry = z.infer<typeof CommitmentEntrySchema>;
/** A vocabulary. */
export type Vocabulary = z.infer<typeof VocabularySchema>;
