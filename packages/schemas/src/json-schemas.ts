import decision202012 from '../json/2020-12/decision.json' with { type: 'json' };
import incident202012 from '../json/2020-12/incident.json' with { type: 'json' };
import interviewAnswers202012 from '../json/2020-12/interview-answers.json' with { type: 'json' };
import policy202012 from '../json/2020-12/policy.json' with { type: 'json' };
import scenario202012 from '../json/2020-12/scenario.json' with { type: 'json' };
import decisionDraft07 from '../json/draft-07/decision.json' with { type: 'json' };
import incidentDraft07 from '../json/draft-07/incident.json' with { type: 'json' };
import interviewAnswersDraft07 from '../json/draft-07/interview-answers.json' with { type: 'json' };
import policyDraft07 from '../json/draft-07/policy.json' with { type: 'json' };
import scenarioDraft07 from '../json/draft-07/scenario.json' with { type: 'json' };

/** A published JSON Schema document: plain JSON with its dialect (`$schema`) and stable `$id`. */
export interface JsonSchemaDocument {
  readonly $schema: string;
  readonly $id: string;
  readonly [keyword: string]: unknown;
}

/** The published documents of one edition. */
export interface JsonSchemaEdition {
  readonly policy: JsonSchemaDocument;
  readonly scenario: JsonSchemaDocument;
  readonly decision: JsonSchemaDocument;
  readonly incident: JsonSchemaDocument;
  readonly 'interview-answers': JsonSchemaDocument;
}

/**
 * The published JSON Schemas in both editions, the same documents as `@fairpost/schemas/json/<edition>/<name>.json`.
 * Draft 2020-12 is the reference; draft-07 is for editors and validators that do not read 2020-12.
 * @example
 * import Ajv2020 from 'ajv/dist/2020.js';
 * const validate = new Ajv2020().compile(jsonSchemas['2020-12'].policy);
 */
export const jsonSchemas: { readonly '2020-12': JsonSchemaEdition; readonly 'draft-07': JsonSchemaEdition } =
  {
    '2020-12': {
      policy: policy202012,
      scenario: scenario202012,
      decision: decision202012,
      incident: incident202012,
      'interview-answers': interviewAnswers202012,
    },
    'draft-07': {
      policy: policyDraft07,
      scenario: scenarioDraft07,
      decision: decisionDraft07,
      incident: incidentDraft07,
      'interview-answers': interviewAnswersDraft07,
    },
  };

/** The policy JSON Schema (draft 2020-12, `https://schemas.fairpost.dev/1/2020-12/policy.json`). */
export const policyJsonSchema: JsonSchemaDocument = policy202012;
/** The scenario JSON Schema (draft 2020-12): standard facts with their values, and `custom.<name>` facts. */
export const scenarioJsonSchema: JsonSchemaDocument = scenario202012;
/** The decision JSON Schema (draft 2020-12): what `evaluate` returns, as JSON. */
export const decisionJsonSchema: JsonSchemaDocument = decision202012;
/**
 * The incident JSON Schema (draft 2020-12): an incident's opening and its events, as `@fairpost/core/incident`
 * stores them and the CLI writes them.
 */
export const incidentJsonSchema: JsonSchemaDocument = incident202012;
/**
 * The interview answers JSON Schema (draft 2020-12): the file `fairpost init --answers` reads, every answer optional
 * (a missing one takes its default).
 */
export const interviewAnswersJsonSchema: JsonSchemaDocument = interviewAnswers202012;
