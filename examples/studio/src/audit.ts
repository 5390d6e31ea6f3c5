// The audit panel's source, behind one small adapter so that a fuller audit (issue 15's `auditPolicy`, scored
// against published criteria) can replace it without touching the views: today it is core's lint, `analyzePolicy`.
import { analyzePolicy, type CompiledPolicy, type FindingSeverity } from '@fairpost/core';

/** One thing the audit found, in the words and places the studio shows. */
export interface AuditFinding {
  readonly severity: FindingSeverity;
  /** A short code for the kind of finding (`gap`, `shadowed`, …). */
  readonly code: string;
  readonly message: string;
  /** The rules and duties it concerns, the subject first, so the editor can point at them. */
  readonly ruleIds: readonly string[];
  readonly dutyIds: readonly string[];
}

/** What the audit says about a draft. */
export interface AuditSummary {
  /** Where the findings come from, shown to the reader. */
  readonly source: string;
  readonly findings: readonly AuditFinding[];
}

/**
 * Audits a compiled draft. Today: core's lint (`analyzePolicy`), the exact checks of rule order, gaps, overlaps and
 * attachments.
 * @example auditDraft(compiled).findings.filter((f) => f.severity === 'error')
 */
export function auditDraft(compiled: CompiledPolicy): AuditSummary {
  return {
    source:
      'Checked with Fairpost’s lint (analyzePolicy): rule order, gaps, overlaps and what each outcome carries.',
    findings: analyzePolicy(compiled).map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.region ? `${f.message} (${f.region})` : f.message,
      ruleIds: f.ruleIds,
      dutyIds: f.dutyIds,
    })),
  };
}
