import { isMap, isScalar, LineCounter, type Pair, parseDocument, type YAMLMap } from 'yaml';
import { suggest } from '../parse/check-fact-value.js';
import { describeReceived, type Issue, type PathSegment } from '../parse/issue.js';
import { type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import {
  type ConditionalFactRates,
  conditionProblem,
  type FactDistribution,
  type FactRates,
  MEMBER_RATE_EXPECTED,
  SET_FACT_NOT_CONDITIONAL,
} from './fact-distribution.js';

/** How far a fact's rates may stray from 1 and still count as summing to 1 (rounding in hand-written files). */
export const RATE_SUM_TOLERANCE = 1e-6;

/** The result of `parseWeightsSource`: the distribution, or every issue with its line and column. */
export type ParseWeightsResult =
  | { readonly ok: true; readonly distribution: FactDistribution }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Reads a weights file (YAML or JSON: fact → value → rate) and checks it against a vocabulary: every fact and value
 * must exist, every rate be a number from 0 to 1, and each fact's rates sum to 1 (a set fact's rates are each
 * member's chance of being in the set, and need not). Every problem is an issue with
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
  const distribution: Record<string, FactRates | ConditionalFactRates> = {};
  const conditional: ConditionalRead[] = [];
  const valuesOf = (fact: string): string[] | undefined => {
    const definition = vocabulary.facts.get(fact);
    if (!definition) return undefined;
    return definition.type === 'boolean' ? ['true', 'false'] : definition.values.map((v) => String(v.value));
  };
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
    const conditionalKey = rates.items.find(
      (item) => isScalar(item.key) && item.key.value === 'given' && !values.includes('given'),
    );
    if (definition.type === 'set') {
      if (conditionalKey)
        problem([key, 'given'], (conditionalKey.key as { range?: number[] }).range?.[0], {
          code: 'invalid-value',
          message: SET_FACT_NOT_CONDITIONAL(key),
          expected: `each member's chance, as \`${values[0]}: 0.2\``,
          received: describeReceived(isScalar(conditionalKey.value) ? conditionalKey.value.value : undefined),
        });
      else {
        const chances = readRates(key, [key], keyOffset, rates, values, 'members');
        if (chances) distribution[key] = chances;
      }
      continue;
    }
    if (conditionalKey) {
      const read = readConditional(key, keyOffset, rates, conditionalKey, values);
      if (read) conditional.push(read);
      continue;
    }
    const given = readRates(key, [key], keyOffset, rates, values);
    if (given) distribution[key] = given;
  }
  // Conditionals are checked once every fact is read, since the given fact may come later in the file.
  // Every conditional fact of the file, so that a chain is found whatever order the facts come in.
  const declared: FactDistribution = {
    ...distribution,
    ...Object.fromEntries(conditional.map((read) => [read.fact, { given: read.given, rates: {} }])),
  };
  for (const read of conditional) {
    const why = conditionProblem(
      read.fact,
      read.given,
      declared,
      valuesOf(read.given),
      vocabulary.facts.get(read.given)?.type === 'set',
    );
    if (why) {
      const near = why.code === 'unknown-fact' ? suggest(read.given, vocabulary.facts.keys()) : undefined;
      const message = near ? `${why.message}; did you mean "${near}"?` : why.message;
      issues.push({ path: [read.fact, 'given'], ...why, message, ...at(read.givenOffset) });
      continue;
    }
    const givenValues = valuesOf(read.given)!;
    let usable = true;
    for (const [row, offset] of read.rowOffsets)
      if (!givenValues.includes(row)) {
        const near = suggest(row, givenValues);
        problem([read.fact, 'rates', row], offset, {
          code: 'invalid-fact-value',
          message: `fact "${read.given}" has no value "${row}"${near ? `; did you mean "${near}"?` : ''}`,
          expected: `one of ${givenValues.join(', ')}`,
          received: JSON.stringify(row),
        });
        usable = false;
      }
    const missing = givenValues.filter((v) => !read.rowOffsets.has(v));
    if (missing.length > 0) {
      problem([read.fact, 'rates'], read.ratesOffset, {
        code: 'missing-field',
        message: `the rates of fact "${read.fact}" given ${read.given} have no row for ${missing.map((v) => `"${v}"`).join(', ')}; every value of ${read.given} needs one`,
        expected: `a row for each of ${givenValues.join(', ')}`,
        received: `rows for ${[...read.rowOffsets.keys()].join(', ') || 'no value'}`,
      });
      usable = false;
    }
    if (usable && read.rows) distribution[read.fact] = { given: read.given, rates: read.rows };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, distribution };

  /**
   * One map of value → rate, checked (rates from 0 to 1, summing to 1); undefined (and issues) when unusable. For a
   * set fact's `members`, each rate is the member's own chance of being in the set, so there is no total to check.
   */
  function readRates(
    label: string,
    path: readonly string[],
    labelOffset: number | undefined,
    rates: YAMLMap,
    values: readonly string[],
    of: 'values' | 'members' = 'values',
  ): Record<string, number> | undefined {
    const key = path[0]!;
    const given: Record<string, number> = {};
    let total = 0;
    let usable = true;
    for (const item of rates.items) {
      const value = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const valueOffset = isScalar(item.key) ? item.key.range?.[0] : rates.range?.[0];
      if (!values.includes(value)) {
        const near = suggest(value, values);
        problem([...path, value], valueOffset, {
          code: 'invalid-fact-value',
          message: `${of === 'members' ? `set fact "${key}" has no member` : `fact "${key}" has no value`} "${value}"${near ? `; did you mean "${near}"?` : ''}`,
          expected: `one of ${values.join(', ')}`,
          received: JSON.stringify(value),
        });
        usable = false;
        continue;
      }
      const rate = isScalar(item.value) ? item.value.value : undefined;
      if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        problem([...path, value], isScalar(item.value) ? item.value.range?.[0] : valueOffset, {
          code: 'invalid-value',
          message:
            of === 'members'
              ? `the rate of ${label} = ${value} is its chance of being in the set, from 0 to 1`
              : `the rate of ${label} = ${value} must be a number from 0 to 1`,
          expected: of === 'members' ? MEMBER_RATE_EXPECTED : 'a number from 0 to 1',
          received: describeReceived(isScalar(item.value) ? item.value.value : item.value),
        });
        usable = false;
        continue;
      }
      given[value] = rate;
      total += rate;
    }
    if (usable && of === 'values' && Math.abs(total - 1) > RATE_SUM_TOLERANCE) {
      problem([...path], labelOffset, {
        code: 'invalid-value',
        message: `the rates of ${path.length === 1 ? `fact "${key}"` : label} add up to ${Math.round(total * 1e6) / 1e6}; they must add up to 1 (a value left out has rate 0)`,
        expected: 'rates that add up to 1',
        received: String(Math.round(total * 1e6) / 1e6),
      });
      usable = false;
    }
    return usable ? given : undefined;
  }

  /** A fact's conditional rates (`given:` and `rates:`), read but not yet checked against the given fact. */
  function readConditional(
    fact: string,
    factOffset: number | undefined,
    map: YAMLMap,
    givenItem: Pair,
    values: readonly string[],
  ): ConditionalRead | undefined {
    let ok = true;
    for (const item of map.items) {
      const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
      if (name !== 'given' && name !== 'rates') {
        problem([fact, name], isScalar(item.key) ? item.key.range?.[0] : factOffset, {
          code: 'unknown-key',
          message: `conditional rates of fact "${fact}" take only \`given\` and \`rates\`, not "${name}"`,
          expected: '`given` and `rates`',
          received: JSON.stringify(name),
        });
        ok = false;
      }
    }
    const givenNode = givenItem.value;
    const givenOffset = isScalar(givenNode) ? givenNode.range?.[0] : factOffset;
    const given = isScalar(givenNode) && typeof givenNode.value === 'string' ? givenNode.value : undefined;
    if (given === undefined) {
      problem([fact, 'given'], givenOffset, {
        code: 'invalid-type',
        message: `\`given\` of fact "${fact}" names the fact its rates are conditional on`,
        expected: 'a fact name such as `account.kind`',
        received: describeReceived(isScalar(givenNode) ? givenNode.value : givenNode),
      });
      ok = false;
    }
    const ratesItem = map.items.find((item) => isScalar(item.key) && item.key.value === 'rates');
    const ratesNode = ratesItem?.value;
    if (!isMap(ratesNode)) {
      problem([fact, 'rates'], isScalar(ratesNode) ? ratesNode.range?.[0] : factOffset, {
        code: ratesItem ? 'invalid-type' : 'missing-field',
        message: `conditional rates of fact "${fact}" need \`rates\`: for each value of the given fact, a map from each value of "${fact}" to a rate`,
        expected: '`rates: { <given value>: { <value>: <rate>, … }, … }`',
        received: ratesItem ? describeReceived(isScalar(ratesNode) ? ratesNode.value : ratesNode) : 'nothing',
      });
      return undefined;
    }
    const rowOffsets = new Map<string, number | undefined>();
    const rows: Record<string, Record<string, number>> = {};
    for (const item of ratesNode.items) {
      const row = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const rowOffset = isScalar(item.key) ? item.key.range?.[0] : ratesNode.range?.[0];
      rowOffsets.set(row, rowOffset);
      if (!isMap(item.value)) {
        problem([fact, 'rates', row], isScalar(item.value) ? item.value.range?.[0] : rowOffset, {
          code: 'invalid-type',
          message: `the row "${row}" of fact "${fact}" needs a map from each value of "${fact}" to a rate`,
          expected: `a map with keys among ${values.join(', ')}`,
          received: describeReceived(isScalar(item.value) ? item.value.value : item.value),
        });
        ok = false;
        continue;
      }
      const read = readRates(
        `${fact} given ${given ?? '?'} = ${row}`,
        [fact, 'rates', row],
        rowOffset,
        item.value,
        values,
      );
      if (read) rows[row] = read;
      else ok = false;
    }
    if (given === undefined) return undefined;
    return {
      fact,
      given,
      givenOffset,
      ratesOffset: ratesItem?.key && isScalar(ratesItem.key) ? ratesItem.key.range?.[0] : factOffset,
      rowOffsets,
      rows: ok ? rows : undefined,
    };
  }
}

/** A fact's conditional rates as read from the file, before they are checked against the given fact. */
interface ConditionalRead {
  readonly fact: string;
  readonly given: string;
  readonly givenOffset: number | undefined;
  readonly ratesOffset: number | undefined;
  readonly rowOffsets: ReadonlyMap<string, number | undefined>;
  readonly rows: Record<string, Record<string, number>> | undefined;
}
