import { type AuditReport, auditPolicy, type CompiledPolicy } from '@fairpost/core';

/** The audit of a policy against the standard criteria: in a module of its own, so the page loads it lazily. */
export function auditSummary(compiled: CompiledPolicy): AuditReport {
  return auditPolicy(compiled);
}
