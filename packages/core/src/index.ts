/**
 * The Fairpost policy model (zod, the single source of truth), the standard vocabulary, parsing with issues that
 * carry paths, the evaluator, the question planner, deadlines, and analysis and comparison of policies.
 * @example
 * import { compilePolicy, evaluate, parsePolicySource } from '@fairpost/core';
 * @packageDocumentation
 * @module @fairpost/core
 */
export { analyzePolicy } from './analysis/analyze-policy.js';
export {
  type ComparisonCell,
  type ComparisonColumn,
  type ComparisonColumnGroup,
  type ComparisonRow,
  type ComparisonTable,
  comparisonTable,
  describeSupport,
} from './analysis/comparison-table.js';
export { comparisonTableCsv, csvField } from './analysis/comparison-csv.js';
export {
  comparePolicies,
  type DifferenceSide,
  type OutcomeDifference,
  type PolicyComparison,
  type Verdict,
} from './analysis/compare-policies.js';
export {
  type CommitmentChange,
  compareCommitments,
  compareSupport,
  PERSON_TARGETED,
  SUPPORT_ASPECTS,
  type SupportAspect,
  type SupportAspectChange,
  type SupportChange,
  type SupportDirection,
  type SupportVerdict,
} from './analysis/compare-support.js';
export {
  type DiffOptions,
  diffPolicies,
  type DoubtChange,
  type PolicyDiff,
  type TextChange,
  type TextChangeSubject,
  type ThemeChange,
} from './analysis/diff-policies.js';
export {
  countWords,
  REGION_WORD_LIMIT,
} from './analysis/describe-region.js';
export {
  compareThemes,
  leaningOf,
  MOSTLY,
  type ThemeComparison,
  type ThemeExample,
  type ThemeVerdict,
} from './analysis/compare-themes.js';
export {
  type ConditionalFactRates,
  type FactDistribution,
  type FactRates,
  InvalidDistributionError,
} from './analysis/fact-distribution.js';
export {
  type DecisionMatrix,
  decisionMatrix,
  decisionMatrixCsv,
  knownTo,
  type SampleOptions,
  sampleScenarios,
} from './analysis/decision-matrix.js';
export {
  RESEARCH_COLUMNS,
  type ResearchExportOptions,
  type ResearchRecord,
  type ResearchUnit,
  researchExport,
  researchExportCsv,
} from './analysis/research-export.js';
export {
  type ParseWeightsResult,
  parseWeightsSource,
  RATE_SUM_TOLERANCE,
} from './analysis/parse-weights-source.js';
export {
  FINDING_CODES,
  type Finding,
  type FindingCode,
  type FindingSeverity,
} from './analysis/finding.js';
export {
  type MetricsOptions,
  PRIVATE_LIFE,
  type PolicyMetrics,
  policyMetrics,
  type SupportEntry,
  WORK_RELATED_INCIDENT,
} from './analysis/policy-metrics.js';
export {
  type Condition,
  ConditionSchema,
  FACT_OPERATORS,
  type FactOperator,
  type FactTest,
  FactTestSchema,
  SET_OPERATORS,
  type SetOperator,
  type SetTestOf,
} from './model/condition.js';
export {
  type CompiledCondition,
  type CompiledPolicy,
  type CompileOptions,
  compileCondition,
  compilePolicy,
} from './evaluate/compile-policy.js';
export { type GeneratedSourceListener, RULES_PER_FUNCTION } from './evaluate/generate-code.js';
export { priorityOrder, RESOLUTIONS, type ResolutionStrategy } from './evaluate/resolution.js';
export {
  type AllNode,
  type AnyNode,
  ConditionTooDeepError,
  type ConditionNode,
  type ConditionPathSegment,
  type FactTestNode,
  factOfDimension,
  MAX_CONDITION_DEPTH,
  memberDimension,
  type NotNode,
  type SetTestNode,
  toCondition,
  toConditionNode,
} from './model/condition-node.js';
export type {
  AppliedDoubtRule,
  DecidedInDoubt,
  Decision,
  DecidingRule,
  FactTestTrace,
  RuleTrace,
  SourceRef,
  TriggeredDuty,
  Truth,
  UndeterminedDuty,
} from './model/decision.js';
export {
  AppliedDoubtRuleSchema,
  DecidedInDoubtSchema,
  DecidingRuleSchema,
  DecisionSchema,
  FactTestTraceSchema,
  RuleTraceSchema,
  TriggeredDutySchema,
  TruthSchema,
  UndeterminedDutySchema,
} from './model/decision-schema.js';
export { type DecodedSource, decodeUtf8 } from './parse/decode-source.js';
export { definePolicy, InvalidPolicyError, type PolicyDefinition } from './parse/define-policy.js';
export {
  type Deadline,
  type DeadlineProblem,
  type DurationParts,
  describeDeadline,
  dueAt,
  formatDuration,
  LONGEST_DEADLINE_HOURS,
  parseDuration,
  type ReadDeadlineResult,
  readDeadline,
} from './deadline/duration.js';
export { type EvaluateOptions, evaluate, InvalidScenarioError } from './evaluate/evaluate.js';
export {
  describeReceived,
  formatIssue,
  formatPath,
  type Issue,
  type IssueCode,
  type PathSegment,
} from './parse/issue.js';
export {
  expectedQuestions,
  type NextQuestionOptions,
  type NextQuestionResult,
  nextQuestion,
  type Question,
  type QuestionChoice,
  type QuestionGoal,
  relevantFacts,
} from './plan/next-question.js';
export {
  OUTCOMES,
  type Outcome,
  OutcomeSchema,
  outcomeStrictness,
  stricterOutcome,
} from './model/outcome.js';
export {
  LIMIT_CODES,
  LIMITS,
  type LimitCode,
  type LimitName,
} from './parse/limits.js';
export { type DocumentKind, type FormatResult, formatDocument } from './format/format-document.js';
export { type ParsePolicyResult, parsePolicy } from './parse/parse-policy.js';
export {
  type ParsePolicySourceOptions,
  type ParsePolicySourceResult,
  parsePolicySource,
} from './parse/parse-policy-source.js';
export {
  type Calendar,
  CalendarSchema,
  type Commitment,
  CommitmentSchema,
  type Doubt,
  type DoubtRule,
  DoubtSchema,
  type FactDoubtRule,
  FactDoubtRuleSchema,
  type Escalation,
  EscalationSchema,
  type Duty,
  DutySchema,
  type Policy,
  PolicySchema,
  type Resolution,
  type Review,
  ReviewSchema,
  type Rule,
  RuleSchema,
  SourceRefSchema,
} from './model/policy.js';
export {
  DOUBT_RESOLUTIONS,
  type DoubtResolution,
  DURATION_PATTERN,
  ID_PATTERN,
  type Jurisdiction,
  JURISDICTIONS,
  REVIEW_PERIOD_PATTERN,
  RULE_STRENGTHS,
  type RuleStrength,
  SCHEMA_VERSION,
  CALENDAR_DATE_PATTERN,
  DEADLINE_PATTERN,
  HOLIDAY_CALENDARS,
  TIME_ZONE_PATTERN,
  VOCABULARY_ID,
} from './model/policy-format.js';
export {
  complement,
  conditionRegion,
  type Cube,
  cubeSize,
  cubeWitness,
  type Domains,
  intersect,
  isEmptyRegion,
  type Region,
  regionFacts,
  restrictRegion,
  subtract,
  UNIVERSE,
} from './region/region.js';
export {
  type ParseScenarioResult,
  parseScenario,
  type Scenario,
  type ScenarioWithDoubt,
  UNSURE_KEY,
} from './parse/scenario.js';
export { type ParseScenarioSourceOptions, parseScenarioSource } from './parse/parse-scenario-source.js';
export { CUSTOM_FACT_NAME_PATTERN, ScenarioSchema } from './model/scenario-schema.js';
export type {
  CustomCatalogueId,
  CustomFactName,
  FactName,
  FactValue,
  ScenarioValue,
  StandardCatalogueId,
  StandardFactName,
  StandardFactValue,
  StandardScalarFactName,
  StandardSetFactName,
  StandardSetMember,
} from './vocabulary/fact-types.js';
export {
  type CustomVocabulary,
  factDomain,
  type ResolvedCatalogues,
  type ResolvedVocabulary,
  resolveVocabulary,
  standardVocabulary,
} from './vocabulary/resolve-vocabulary.js';
export { type SocialMediaVocabulary, socialMediaVocabulary } from './vocabulary/social-media-vocabulary.js';
export {
  defaultWeightBasis,
  defaultWeights,
  type FactBaseRates,
  type WeightBasis,
} from './vocabulary/default-weights.js';
export {
  CATALOGUE_CODING,
  type CodeLabel,
  type Coding,
  CTG_ELEMENT_LABELS,
  CTG_ELEMENTS,
  type CtgElement,
  catalogueCoding,
  FACT_CODING,
  factValueCoding,
  NLRB_CATEGORIES,
  NLRB_CATEGORY_LABELS,
  type NlrbCategory,
  THEME_LABELS,
  THEME_REGIONS,
  THEMES,
  type Theme,
} from './vocabulary/themes.js';
export {
  CATALOGUES,
  type CatalogueEntry,
  CatalogueEntrySchema,
  type CatalogueName,
  type CommitmentEntry,
  CommitmentEntrySchema,
  type FactDefinition,
  FactDefinitionSchema,
  POLARITIES,
  type Polarity,
  type ScalarFactDefinition,
  type SetFactDefinition,
  SetFactSchema,
  SetMemberSchema,
  type Vocabulary,
  VocabularySchema,
} from './vocabulary/vocabulary-schema.js';
export {
  type CaseExpectation,
  CaseExpectationSchema,
  CaseSourceSchema,
  type CaseTable,
  CaseTableSchema,
  ExpectedOutcomeSchema,
  type PolicyCase,
  PolicyCaseSchema,
  type UncoveredEntry,
  UncoveredEntrySchema,
} from './cases/case-table.js';
export { describeMismatches } from './cases/describe-mismatches.js';
export {
  type CaseTableIssue,
  formatCaseTableIssue,
  type LoadCaseTableResult,
  loadCaseTable,
  type TextPosition,
} from './cases/load-case-table.js';
export {
  type CaseCoverage,
  type CaseProblem,
  type CaseResult,
  caseCoverage,
  type EntryCoverage,
  type Locate,
  runCaseTable,
} from './cases/run-case-table.js';
export {
  type AuditFinding,
  type AuditOptions,
  type AuditRegion,
  type AuditReport,
  type AuditWeights,
  auditPolicy,
  type CitedSource,
  formatShare,
  type NotAppliedReason,
  nextReviewDate,
} from './audit/audit-policy.js';
export {
  AUDIT_SEVERITIES,
  type AuditSeverity,
  CRITERIA_FORMAT,
  type CriteriaSet,
  type CriteriaSetInput,
  CriteriaSetSchema,
  type Criterion,
  type CriterionGroup,
  CriterionSchema,
  type CriterionTest,
  POLICY_PARTS,
  type PublishedSource,
  type SummaryPhrase,
} from './audit/criteria-schema.js';
export { fairPolicyCriteria } from './audit/fair-policy-criteria.js';
export { type ParseCriteriaResult, parseCriteria } from './audit/parse-criteria.js';
