import { z } from 'zod';
import { AnyFactValueSchema, factValueSchemaOf } from './condition.js';
import type { Scenario } from '../parse/scenario.js';
import { socialMediaVocabulary } from '../vocabulary/social-media-vocabulary.js';
import { CUSTOM_FACT_NAME, type FactDefinition } from '../vocabulary/vocabulary-schema.js';

const standardFacts = socialMediaVocabulary.facts as readonly FactDefinition[];

/** A standard fact as a scenario property: its values, described by what the fact means. */
const factProperty = (fact: FactDefinition) =>
  factValueSchemaOf(fact).describe(`${fact.label}: ${fact.description}`).exactOptional();

const CustomFactValueSchema = z
  .union([
    ...AnyFactValueSchema.options,
    z.array(z.string()).describe('The members of a custom set fact (the whole set).'),
  ])
  .describe(
    'The value of a custom fact the policy declares in `custom.facts` (a string, a boolean, or for a set fact an array of its members).',
  );

const standardFactProperties = Object.fromEntries(
  standardFacts.map((fact) => [fact.name, factProperty(fact)]),
);

const UnsureSchema = z
  .array(
    z.union([
      z.enum(standardFacts.map((f) => f.name) as [string, ...string[]]),
      z.string().regex(CUSTOM_FACT_NAME),
    ]),
  )
  .describe(
    'Facts the person was asked and answered "not sure" (none also given a value). They are unknown, but the policy’s `doubt` rules may decide for them; a fact left out was simply not asked.',
  )
  .exactOptional();

/**
 * The published shape of a scenario: every standard fact is an optional property restricted to its values, and
 * custom facts (`custom.<name>`) take a string or a boolean. A fact left out is unknown, never false.
 *
 * zod has no `patternProperties`: custom facts are a catch-all here, and the JSON Schema generator turns that into
 * `patternProperties` on `CUSTOM_FACT_NAME` with `additionalProperties: false`. Which custom facts exist, and their
 * values, depend on the policy: `parseScenario` with a compiled policy is the check that knows them.
 */
export const ScenarioSchema = z
  .object({ ...standardFactProperties, unsure: UnsureSchema })
  .catchall(CustomFactValueSchema)
  .superRefine((scenario, ctx) => {
    for (const key of Object.keys(scenario)) {
      if (key === 'unsure' || Object.hasOwn(standardFactProperties, key) || CUSTOM_FACT_NAME.test(key))
        continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `unknown fact "${key}": expected a standard fact or custom.<name>`,
        input: key,
      });
    }
  })
  .meta({
    id: 'Scenario',
    title: 'Fairpost scenario',
    description:
      'A situation, as the facts known about it: standard facts of the social-media/1 vocabulary and the policy’s own `custom.<name>` facts. A fact left out is unknown, not false; a fact listed in `unsure` was answered “not sure”.',
  }) as unknown as z.ZodType<Scenario>;

/** The pattern custom fact names follow, for the `patternProperties` of the published scenario schema. */
export const CUSTOM_FACT_NAME_PATTERN = CUSTOM_FACT_NAME.source;
