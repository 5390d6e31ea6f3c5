import { z } from 'zod';
import type {
  CustomFactName,
  FactValue,
  StandardFactValue,
  StandardScalarFactName,
  StandardSetFactName,
  StandardSetMember,
} from '../vocabulary/fact-types.js';
import { socialMediaVocabulary } from '../vocabulary/social-media-vocabulary.js';
import { CUSTOM_FACT_NAME, type FactDefinition } from '../vocabulary/vocabulary-schema.js';

/** The four ways to test a fact: one value (`is`, `isNot`) or a list (`in`, `notIn`). */
export const FACT_OPERATORS = ['is', 'in', 'isNot', 'notIn'] as const;
/** One fact operator. */
export type FactOperator = (typeof FACT_OPERATORS)[number];
/**
 * The three ways to test a set fact: one member is in the set (`includes`), some listed member is
 * (`includesAny`), every listed member is (`includesAll`). Negations go through `not`.
 */
export const SET_OPERATORS = ['includes', 'includesAny', 'includesAll'] as const;
/** One set operator. */
export type SetOperator = (typeof SET_OPERATORS)[number];
/** The three ways to combine conditions. */
export const COMBINATORS = ['all', 'any', 'not'] as const;

/** A test of one fact with one operator. */
export type FactTestOf<N extends string, V> =
  | { fact: N; is: V }
  | { fact: N; in: V[] }
  | { fact: N; isNot: V }
  | { fact: N; notIn: V[] };

/** A test of the members of one set fact. */
export type SetTestOf<N extends string, M> =
  | { fact: N; includes: M }
  | { fact: N; includesAny: M[] }
  | { fact: N; includesAll: M[] };

/**
 * A test of a standard fact, typed so that only the fact's own values are accepted (and, for a set fact, only its
 * own members with the set operators).
 */
export type StandardFactTest =
  | {
      [N in StandardScalarFactName]: FactTestOf<N, StandardFactValue<N>>;
    }[StandardScalarFactName]
  | {
      [N in StandardSetFactName]: SetTestOf<N, StandardSetMember<N>>;
    }[StandardSetFactName];
/** A test of a fact the policy declares itself (`custom.…`). */
export type CustomFactTest = FactTestOf<CustomFactName, FactValue> | SetTestOf<CustomFactName, string>;
/** A test of one fact. */
export type FactTest = StandardFactTest | CustomFactTest;

/**
 * A condition: a fact test, or `all` / `any` / `not` of conditions. `all: []` always holds and `any: []` never does.
 */
export type Condition = FactTest | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const isListOperator = (op: FactOperator): boolean => op === 'in' || op === 'notIn';

const OPERATOR_DESCRIPTIONS: Record<FactOperator, string> = {
  is: 'The fact has this value.',
  in: 'The fact has one of these values.',
  isNot: 'The fact does not have this value (an unknown fact is still unknown).',
  notIn: 'The fact has none of these values (an unknown fact is still unknown).',
};

const SET_OPERATOR_DESCRIPTIONS: Record<SetOperator, string> = {
  includes: 'The set includes this member.',
  includesAny: 'The set includes at least one of these members.',
  includesAll: 'The set includes every one of these members.',
};

/** The JSON-representable schema of one member of a set fact. */
export function setMemberSchemaOf(fact: FactDefinition & { type: 'set' }): z.ZodType {
  const members = fact.values.map((v) => v.value) as [string, ...string[]];
  return z.enum(members).describe(`${fact.label}: ${members.join(', ')}.`);
}

/**
 * The JSON-representable schema of one fact's values: its listed values, a boolean, or for a set fact an array of
 * distinct members (the whole set).
 */
export function factValueSchemaOf(fact: FactDefinition): z.ZodType {
  if (fact.type === 'boolean') return z.boolean().describe(`${fact.label}: true or false.`);
  if (fact.type === 'set')
    return z
      .array(setMemberSchemaOf(fact))
      .refine((members) => new Set(members).size === members.length, {
        error: 'a set lists each member once',
      })
      .describe(
        `${fact.label}: every member the set includes, each once (a member left out is not in it; [] is the empty set).`,
      );
  const values = fact.values.map((v) => v.value) as [string, ...string[]];
  return z.enum(values).describe(`${fact.label}: ${values.join(', ')}.`);
}

/** One closed object per set operator for a set fact, named and described as `factTestVariants` names its own. */
function setTestVariants(
  factName: z.ZodType,
  member: z.ZodType,
  title: string,
  subject: string,
): z.ZodType[] {
  return SET_OPERATORS.map((op) =>
    z
      .strictObject({
        fact: factName,
        [op]: (op === 'includes' ? member : z.array(member).min(1)).describe(SET_OPERATOR_DESCRIPTIONS[op]),
      })
      .meta({
        title: `${title} ${op}`,
        description: `Tests ${subject} with \`${op}\`. ${SET_OPERATOR_DESCRIPTIONS[op]}`,
      }),
  );
}

/**
 * One closed object per operator for a fact. The title names the generated type (`ActorRoleIs`) and the
 * description becomes its TSDoc, so each of the generated per-fact types says what it tests.
 */
function factTestVariants(
  factName: z.ZodType,
  value: z.ZodType,
  title: string,
  subject: string,
): z.ZodType[] {
  return FACT_OPERATORS.map((op) =>
    z
      .strictObject({
        fact: factName,
        [op]: (isListOperator(op) ? z.array(value).min(1) : value).describe(OPERATOR_DESCRIPTIONS[op]),
      })
      .meta({
        title: `${title} ${op}`,
        description: `Tests ${subject} with \`${op}\`. ${OPERATOR_DESCRIPTIONS[op]}`,
      }),
  );
}

/**
 * A value of any fact: a string or a boolean. Each branch carries a description so that `z.toJSONSchema` keeps
 * `anyOf` instead of folding it into `type: ["string", "boolean"]`, which ajv's strict mode refuses.
 */
export const AnyFactValueSchema = z.union([
  z.string().describe('A value of a fact with listed values.'),
  z.boolean().describe('A value of a true-or-false fact.'),
]);

const customFactNameSchema = z
  .string()
  .regex(CUSTOM_FACT_NAME)
  .describe('A custom fact declared in the policy’s `custom.facts`, named `custom.<name>`.');

/**
 * The vocabulary-aware fact test: for each standard fact, its name and only its values, so that a JSON Schema
 * editor completes `account.kind` and then offers `organisational`, `personal-named`, …
 */
export const FactTestSchema = z
  .union([
    ...(socialMediaVocabulary.facts as readonly FactDefinition[]).flatMap((fact) =>
      fact.type === 'set'
        ? setTestVariants(
            z.literal(fact.name).describe(fact.description),
            setMemberSchemaOf(fact),
            fact.name,
            `\`${fact.name}\` (${fact.label})`,
          )
        : factTestVariants(
            z.literal(fact.name).describe(fact.description),
            factValueSchemaOf(fact),
            fact.name,
            `\`${fact.name}\` (${fact.label})`,
          ),
    ),
    ...factTestVariants(
      customFactNameSchema,
      AnyFactValueSchema,
      'custom fact',
      'a custom fact `custom.<name>` the policy declares',
    ),
    ...setTestVariants(
      customFactNameSchema,
      z.string().describe('A member of a custom set fact.'),
      'custom set fact',
      'a custom set fact `custom.<name>` the policy declares',
    ),
  ])
  .meta({
    id: 'FactTest',
    title: 'Fact test',
    description:
      'A test of one fact: `fact` with exactly one of `is`, `in`, `isNot`, `notIn`, or for a set fact one of `includes`, `includesAny`, `includesAll`.',
  }) as unknown as z.ZodType<FactTest>;

/** The published, vocabulary-aware condition schema. */
export const ConditionSchema: z.ZodType<Condition> = z
  .union([
    FactTestSchema,
    z
      .strictObject({
        get all() {
          return z.array(ConditionSchema).describe('Every one of these conditions holds.');
        },
      })
      .meta({
        id: 'AllOf',
        title: 'All of',
        description: 'Holds when every listed condition holds (`all: []` always holds).',
      }),
    z
      .strictObject({
        get any() {
          return z.array(ConditionSchema).describe('At least one of these conditions holds.');
        },
      })
      .meta({
        id: 'AnyOf',
        title: 'Any of',
        description: 'Holds when at least one listed condition holds (`any: []` never does).',
      }),
    z
      .strictObject({
        get not() {
          return ConditionSchema.describe('This condition does not hold.');
        },
      })
      .meta({ id: 'Not', title: 'Not', description: 'Holds when the condition does not hold.' }),
  ])
  .meta({
    id: 'Condition',
    title: 'Condition',
    description: 'A fact test, or `all` / `any` / `not` of conditions.',
  });

/** The structure of a condition before its facts are checked against the vocabulary. */
export interface ConditionShape {
  fact?: string | undefined;
  is?: FactValue | undefined;
  in?: FactValue[] | undefined;
  isNot?: FactValue | undefined;
  notIn?: FactValue[] | undefined;
  includes?: string | undefined;
  includesAny?: string[] | undefined;
  includesAll?: string[] | undefined;
  all?: ConditionShape[] | undefined;
  any?: ConditionShape[] | undefined;
  not?: ConditionShape | undefined;
}

const scalar = z.union([z.string(), z.boolean()], { error: 'expected a string or a boolean' });

/**
 * The structural condition schema `parsePolicy` uses: every key optional, then one check that exactly one form is
 * present. Errors then point at the exact key (`when.all[1].is`) instead of a failed union.
 */
export const ConditionShapeSchema: z.ZodType<ConditionShape> = z
  .strictObject({
    fact: z.string().optional(),
    is: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    isNot: scalar.optional(),
    notIn: z.array(scalar).min(1).optional(),
    includes: z.string().optional(),
    includesAny: z.array(z.string()).min(1).optional(),
    includesAll: z.array(z.string()).min(1).optional(),
    get all() {
      return z.array(ConditionShapeSchema).optional();
    },
    get any() {
      return z.array(ConditionShapeSchema).optional();
    },
    get not() {
      return ConditionShapeSchema.optional();
    },
  })
  .superRefine((condition, ctx) => {
    const message = describeConditionForm(condition);
    if (message) ctx.addIssue({ code: 'custom', message, params: { fairpost: 'invalid-condition' } });
  });

/** Says what is wrong with the form of a condition, or nothing when it has exactly one form. */
function describeConditionForm(condition: ConditionShape): string | undefined {
  const present = (key: keyof ConditionShape) => condition[key] !== undefined;
  const operators = [...FACT_OPERATORS, ...SET_OPERATORS].filter(present);
  const combinators = COMBINATORS.filter(present);
  const hasFact = present('fact');
  const forms = [...combinators, ...(hasFact || operators.length > 0 ? ['fact test'] : [])];
  if (forms.length === 0) {
    return 'a condition needs one of: all, any, not, or fact with is, in, isNot, notIn, includes, includesAny or includesAll';
  }
  if (forms.length > 1) {
    return `a condition has exactly one form, found ${forms.join(' and ')}; combine them inside "all"`;
  }
  if (combinators.length > 0) return undefined;
  if (!hasFact) return `"${operators[0]}" needs a "fact" beside it`;
  if (operators.length === 0)
    return `the test of "${condition.fact}" needs one of is, in, isNot, notIn, includes, includesAny or includesAll`;
  if (operators.length > 1) {
    return `the test of "${condition.fact}" has ${operators.join(' and ')}; use one operator per test`;
  }
  return undefined;
}
