/**
 * The published Fairpost policy format: JSON Schemas generated from `@fairpost/core`'s zod schemas, and the
 * TypeScript types generated from those schemas, for tools that read and write policies without Fairpost's code.
 * @example
 * import { type Policy, policyJsonSchema } from '@fairpost/schemas';
 * @packageDocumentation
 * @module @fairpost/schemas
 */
export {
  decisionJsonSchema,
  incidentJsonSchema,
  interviewAnswersJsonSchema,
  type JsonSchemaDocument,
  type JsonSchemaEdition,
  jsonSchemas,
  policyJsonSchema,
  scenarioJsonSchema,
} from './json-schemas.js';
export type {
  CatalogueEntry,
  DecidingRule,
  Decision,
  FactTestTrace,
  RuleTrace,
  TriggeredDuty,
  Truth,
  UndeterminedDuty,
} from './generated/decision.generated.js';
export type {
  AcknowledgedEvent,
  ClosedEvent,
  ConsentGivenEvent,
  ConsentWithdrawnEvent,
  DeclinedEvent,
  DoneEvent,
  EscalatedEvent,
  FactLearnedEvent,
  Incident,
  IncidentClock,
  IncidentEvent,
  IncidentPolicy,
  ReassignedEvent,
  StartedEvent,
} from './generated/incident.generated.js';
export type { InterviewAnswers } from './generated/interview-answers.generated.js';
export type * from './generated/policy.generated.js';
export type { Scenario } from './generated/scenario.generated.js';
