// The two kinds of check the studio runs on a valid draft. Lint (core's `analyzePolicy`: rule order, gaps, overlaps,
// attachments) is about the text, so the editor underlines it at the rule or duty it concerns. The audit (core's
// `auditPolicy` against the published fair-policy criteria) is about the policy's substance, so the Audit view
// shows it as the render package's `renderAudit` page: the summary, then the findings by theme with their sources.
import {
  type AuditReport,
  analyzePolicy,
  auditPolicy,
  type CompiledPolicy,
  type FindingSeverity,
} from '@fairpost/core';

/** One thing lint found, in the words and places the studio shows. */
export interface LintFinding {
  readonly severity: FindingSeverity;
  /** A short code for the kind of finding (`gap`, `shadowed`, …). */
  readonly code: string;
  readonly message: string;
  /** The rules and duties it concerns, the subject first, so the editor can point at them. */
  readonly ruleIds: readonly string[];
  readonly dutyIds: readonly string[];
}

/**
 * Lints a compiled draft with core's `analyzePolicy`: the exact checks of rule order, gaps, overlaps and
 * attachments.
 * @example lintDraft(compiled).filter((f) => f.severity === 'error')
 */
export function lintDraft(compiled: CompiledPolicy): readonly LintFinding[] {
  return analyzePolicy(compiled).map((f) => ({
    severity: f.severity,
    code: f.code,
    message: f.region ? `${f.message} (${f.region})` : f.message,
    ruleIds: f.ruleIds,
    dutyIds: f.dutyIds,
  }));
}

/**
 * Audits a compiled draft with core's `auditPolicy` under the default criteria (`fairPolicyCriteria`), for the
 * jurisdictions the draft declares.
 * @example auditDraft(compiled).summary
 */
export function auditDraft(compiled: CompiledPolicy): AuditReport {
  return auditPolicy(compiled);
}
