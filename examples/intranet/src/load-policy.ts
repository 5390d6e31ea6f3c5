import {
  type CompiledPolicy,
  compilePolicy,
  formatIssue,
  type Policy,
  parsePolicySource,
} from '@fairpost/core';

/** A policy ready to use, or why it could not be loaded. */
export type LoadedPolicy =
  | { readonly ok: true; readonly name: string; readonly policy: Policy; readonly compiled: CompiledPolicy }
  | { readonly ok: false; readonly name: string; readonly problems: readonly string[] };

/**
 * Parses, validates and compiles policy text (YAML, or JSON for a `.json` name). Problems come back as lines of the
 * form `file:line:column: path: message`, ready to show.
 */
export function loadPolicy(name: string, text: string): LoadedPolicy {
  const parsed = parsePolicySource(text, { filename: name });
  if (!parsed.ok) {
    return {
      ok: false,
      name,
      problems: parsed.issues.map((i) => `${name}:${i.line ?? 1}:${i.column ?? 1}: ${formatIssue(i)}`),
    };
  }
  return { ok: true, name, policy: parsed.policy, compiled: compilePolicy(parsed.policy) };
}
