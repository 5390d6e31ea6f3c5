import { DecisionSchema, PolicySchema, ScenarioSchema } from '@fairpost/core';
import { IncidentSchema } from '@fairpost/core/incident';
import { InterviewAnswersSchema } from '@fairpost/core/interview';
import type { z } from 'zod';
import { conditionKeyedByFact } from './condition-keyed-by-fact.js';
import { customFactsAsPatternProperties } from './custom-facts-as-pattern-properties.js';
import type { Edition, JsonSchemaDocument } from './json-schema-document.js';

/** One published schema: its file name, the TypeScript name of its root type, and its zod source. */
export interface PublishedDocument {
  /** The file name without `.json` (`policy`). */
  readonly name: string;
  /** The name of the generated root type (`Policy`). */
  readonly typeName: string;
  /** The core zod schema it is generated from. */
  readonly schema: z.ZodType;
  /**
   * Which side of the schema is published: `output` (the default) for documents Fairpost writes, `input` for one
   * people write with answers left out, whose missing answers take defaults (no field is then required).
   */
  readonly io?: 'input' | 'output';
  /** A documented rewrite of the generated root schema, for what zod cannot say. */
  readonly postProcess?: (document: JsonSchemaDocument) => JsonSchemaDocument;
  /**
   * A documented rewrite of the published JSON only, for validators and editors (short errors, completion); the
   * generated TypeScript is made before it, from the form zod writes.
   */
  readonly forValidators?: (document: JsonSchemaDocument, edition: Edition) => JsonSchemaDocument;
}

/** The published documents, in the order they are generated. */
export const PUBLISHED_DOCUMENTS: readonly PublishedDocument[] = [
  { name: 'policy', typeName: 'Policy', schema: PolicySchema, forValidators: conditionKeyedByFact },
  {
    name: 'scenario',
    typeName: 'Scenario',
    schema: ScenarioSchema,
    postProcess: customFactsAsPatternProperties,
  },
  { name: 'decision', typeName: 'Decision', schema: DecisionSchema },
  { name: 'incident', typeName: 'Incident', schema: IncidentSchema },
  { name: 'interview-answers', typeName: 'InterviewAnswers', schema: InterviewAnswersSchema, io: 'input' },
];
