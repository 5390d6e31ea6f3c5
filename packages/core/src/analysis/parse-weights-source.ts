import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { suggest } from '../parse/check-fact-value.js';
import { describeReceived, type Issue, type PathSegment } from '../parse/issue.js';
import { type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import type { FactDistribution } from './fact-distribution.js';

/** How far a fact's rates may stray from 1 and still count as summing to 1 (rounding in hand-written files). */
export const RATE_SUM_TOLERANCE = 1e-6;

/** The result of `parseWeightsSource`: the distribution, or every issue with its line and column. */
export type ParseWeightsResult =
  | { readonly ok: true; readonly distribution: FactDistribution }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Reads a weights file (YAML or JSON: fact → value → rate) and checks it against a vocabulary: every fact and value
 * must exist, every rate be a number from 0 to 1, and each fact's rates sum to 1. Every problem is an issue with
 * its path, line and column, so a researcher's typo is found at once; never throws. Facts the file leaves out are
 * left out of the result (callers decide what they default to).
 * @example
 * const read = parseWeightsSource('context.time: { work-time: 0.4, own-time: 0.6 }');
 * if (read.ok) policyMetrics(policy, { distribution: { ...defaultWeights, ...read.distribution } });
 */
export function parseWeightsSource(
  text: string,
  vocabulary: ResolvedVocabulary = standardVocabulary,
): ParseWeightsResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    merge: false,
  });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  if (doc.errors.length > 0)
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: [],
        code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'invalid-yaml',
        message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        ...at(error.pos[0]),
      })),
    };
  const issues: Issue[] = [];
  const problem = (path: PathSegment[], offset: number | undefined, issue: Omit<Issue, 'path'>) =>
    issues.push({ path, ...issue, ...at(offset) });
  const root = doc.contents;
  if (!isMap(root)) {
    problem([], root?.range?.[0], {
      code: 'invalid-type',
      message: 'a weights file maps each fact to the rates of its values',
      expected: 'a map such as `context.time: { work-time: 0.3, own-time: 0.7 }`',
      received: root === null ? 'an empty document' : describeReceived(doc.toJS()),
    });
    return { ok: false, issues };
  }
  const distribution: Record<string, Record<string, number>> = {};
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    const definition = vocabulary.facts.get(key);
    if (!definition) {
      const near = suggest(key, vocabulary.facts.keys());
      problem([key], keyOffset, {
        code: 'unknown-fact',
        message: `unknown fact "${key}"${near ? `; did you mean "${near}"?` : ''}`,
        expected: 'a fact of the vocabulary',
        received: JSON.stringify(key),
      });
      continue;
    }
    const values = definition.type === 'boolean' ? ['true', 'false'] : definition.values.map((v) => v.value);
    const rates = pair.value;
    if (!isMap(rates)) {
      problem([key], isScalar(rates) || isMap(rates) ? rates.range?.[0] : keyOffset, {
        code: 'invalid-type',
        message: `fact "${key}" needs a map from each of its values to a rate`,
        expected: `a map with keys among ${values.join(', ')}`,
        received: describeReceived(isScalar(rates) ? rates.value : rates),
      });
      continue;
    }
    const given: Record<string, number> = {};
    let total = 0;
    let usable = true;
    for (const item of rates.items) {
      const value = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const valueOffset = isScalar(item.key) ? item.key.range?.[0] : rates.range?.[0];
      if (!values.includes(value)) {
        const near = suggest(value, values);
        problem([key, value], valueOffset, {
          code: 'invalid-fact-value',
          message: `fact "${key}" has no value "${value}"${near ? `; did you mean "${near}"?` : ''}`,
          expected: `one of ${values.join(', ')}`,
          received: JSON.stringify(value),
        });
        usable = false;
        continue;
      }
      const rate = isScalar(item.value) ? item.value.value : undefined;
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        problem([key, value], isScalar(item.value) ? item.value.range?.[0] : valueOffset, {
          code: 'invalid-value',
          message: `the rate of ${key} = ${value} must be a number from 0 to 1`,
          expected: 'a number from 0 to 1',
          received: describeReceived(isScalar(item.value) ? item.value.value : item.value),
        });
        usable = false;
        continue;
      }
      given[value] = rate;
      total += rate;
    }
    if (usable && Math.abs(total - 1) > RATE_SUM_TOLERANCE) {
      problem([key], keyOffset, {
        code: 'invalid-value',
        message: `the rates of fact "${key}" add up to ${Math.round(total * 1e6) / 1e6}; they must add up to 1 (a value left out has rate 0)`,
        expected: 'rates that add up to 1',
        received: String(Math.round(total * 1e6) / 1e6),
      });
      usable = false;
    }
    if (usable) distribution[key] = given;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, distribution };
}
