/**
 * Fairpost policies for people: Markdown, HTML and plain-text handbooks, Mermaid flowcharts, and decisions in
 * words. Everything taken from a policy is escaped, so a hostile policy renders inert.
 * @example
 * import { renderDecision, renderMarkdown } from '@fairpost/render';
 * @packageDocumentation
 * @module @fairpost/render
 */
export {
  type DescribeConditionOptions,
  type DescribedCondition,
  describeCondition,
  openCondition,
} from './describe-condition.js';
export {
  type Block,
  buildHandbook,
  type Entry,
  type Handbook,
  type Inline,
  type Note,
  type RenderOptions,
  type RichText,
  type Row,
  type Section,
} from './handbook.js';
export {
  capitalise,
  type DoubtPhrases,
  enGB,
  type FactPhrases,
  type FactWords,
  type Phrasebook,
  type Topic,
} from './phrasebook.js';
export {
  type ComparisonSides,
  describeThemeComparison,
  describeThemeVerdict,
  type RenderComparisonOptions,
  renderComparisonMarkdown,
  renderPolicyComparisonMarkdown,
  weightsName,
} from './render-comparison.js';
export { type RenderDecisionOptions, renderDecision } from './render-decision.js';
export {
  type PolicyDiffSides,
  renderPolicyDiffHtml,
  renderPolicyDiffMarkdown,
} from './render-policy-diff.js';
export { renderHtml, renderHtmlFragment } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export { renderMermaid } from './render-mermaid.js';
export { type RenderTextOptions, renderText } from './render-text.js';
export { ruleTopic } from './rule-topic.js';
export { type AuditFormat, type RenderAuditOptions, renderAudit } from './render-audit.js';
