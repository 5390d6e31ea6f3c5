import type { Issue } from './issue.js';
import { readSourceDocument } from './read-source.js';
import { type ParseScenarioResult, parseScenario } from './scenario.js';
import { type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

/** Options for `parseScenarioSource`. */
export interface ParseScenarioSourceOptions {
  /**
   * The file name, used to tell JSON from YAML as `parsePolicySource` does: a `.json` file is read as JSON, and so
   * is text that starts with `{` unless the name ends in `.yaml` or `.yml`.
   */
  readonly filename?: string;
}

/**
 * Parses a scenario from YAML or JSON text (or UTF-8 bytes) and checks it against a vocabulary (a compiled
 * policy's, or the standard one), placing every issue at a line and column. The text is read exactly as
 * `parsePolicySource` reads a policy (JSON as JSON, a byte-order mark accepted, bytes that are not UTF-8 an issue,
 * the same size limit); an empty document is the empty scenario, every fact unknown. Never throws.
 * @example
 * const result = parseScenarioSource(readFileSync('scenario.json'), compiled, { filename: 'scenario.json' });
 * if (!result.ok) for (const i of result.issues) console.error(`scenario.json:${i.line}:${i.column}: ${i.message}`);
 */
export function parseScenarioSource(
  source: string | Uint8Array,
  vocabulary: ResolvedVocabulary | { vocabulary: ResolvedVocabulary } = standardVocabulary,
  options: ParseScenarioSourceOptions = {},
): ParseScenarioResult {
  const document = readSourceDocument(source, options.filename);
  if (!document.ok) return document;
  // A file with nothing in it (or only comments) says nothing about the situation: every fact is unknown.
  if (document.value === null || document.value === undefined) return { ok: true, scenario: {} };
  const result = parseScenario(document.value, vocabulary);
  if (result.ok) return result;
  return {
    ok: false,
    issues: result.issues.map((issue): Issue => ({ ...issue, ...document.locate(issue.path) })),
  };
}
