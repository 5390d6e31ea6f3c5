import type { Issue } from './issue.js';
import { type ParsePolicyResult, parsePolicy } from './parse-policy.js';
import { readSourceDocument } from './read-source.js';

/** Options for `parsePolicySource`. */
export interface ParsePolicySourceOptions {
  /**
   * The file name, used to tell JSON from YAML and kept for messages: a `.json` file is read as JSON, and so is
   * text that starts with `{` or `[` unless the name ends in `.yaml` or `.yml`.
   */
  readonly filename?: string;
}

/** The result of parsing policy text; every issue carries a line and column. */
export type ParsePolicySourceResult = ParsePolicyResult & { readonly filename?: string };

/**
 * Parses a policy from YAML or JSON text (or UTF-8 bytes) and validates it, locating every issue by line and column
 * as well as JSON path. JSON is read by a strict JSON reader (a byte-order mark is accepted), YAML by a YAML
 * parser; syntax errors, duplicate keys, bytes that are not UTF-8 and text over `LIMITS.sourceBytes` are issues
 * too. Never throws.
 * @example
 * const result = parsePolicySource(readFileSync(file), { filename: file });
 * if (!result.ok) for (const i of result.issues) console.error(`${file}:${i.line}:${i.column}: ${formatIssue(i)}`);
 */
export function parsePolicySource(
  source: string | Uint8Array,
  options: ParsePolicySourceOptions = {},
): ParsePolicySourceResult {
  const named = options.filename === undefined ? {} : { filename: options.filename };
  const document = readSourceDocument(source, options.filename);
  if (!document.ok) return { ok: false, issues: document.issues, ...named };
  const result = parsePolicy(document.value);
  if (result.ok) return { ...result, ...named };
  return {
    ok: false,
    issues: result.issues.map((issue): Issue => ({ ...issue, ...document.locate(issue.path) })),
    ...named,
  };
}
