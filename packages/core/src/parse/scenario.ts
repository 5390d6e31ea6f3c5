import { checkFactValue, membersInOrder, suggest } from './check-fact-value.js';
import { describeReceived, type Issue, quote } from './issue.js';
import { LIMITS, limitIssue } from './limits.js';
import { readPlainInput } from './read-plain-input.js';
import type {
  CustomFactName,
  FactName,
  ScenarioValue,
  StandardFactName,
  StandardFactValue,
} from '../vocabulary/fact-types.js';
import { type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

/**
 * A situation, as a partial map from fact names to values: `{ "account.kind": "personal" }`.
 * A fact that is absent is unknown, never false. A set fact is given whole, as the array of its members
 * (`{ "content.topics": ["employer", "pay-and-conditions"] }`): every member listed is in the set, every other member
 * is not, and `[]` is the empty set. There is no partly known set: a set is unknown (absent) or known (an array).
 * That keeps evaluation exact and one question per set: whether the outcome depends on the set is whether it
 * depends on any of its members.
 */
export type Scenario = { readonly [N in StandardFactName]?: StandardFactValue<N> } & {
  readonly [N in CustomFactName]?: ScenarioValue;
};

/**
 * Internal (not exported from the package). Where a scenario `parseScenario` returned keeps the vocabulary it was checked against: a module-private symbol
 * (a non-enumerable property, so spreading, `Object.entries` and JSON never see it) on a frozen object, so the
 * mark stays true for as long as the object lives and `evaluate` can skip checking it again.
 */
export const CHECKED_AGAINST: unique symbol = Symbol('fairpost.checkedAgainst');

/**
 * A scenario that may also list facts the person was asked and answered "not sure": they are unknown too, but the
 * policy's `doubt` rules may decide for them (see `evaluate`). A separate type so that a plain record of facts is
 * still a `Scenario`; every `ScenarioWithDoubt` is one.
 * @example
 * const scenario: ScenarioWithDoubt = { 'account.kind': 'personal-named', unsure: ['content.kind'] };
 */
export type ScenarioWithDoubt = Scenario & {
  /** Facts the person was asked and answered "not sure" (never also given a value). */
  readonly unsure?: readonly FactName[];
};

/**
 * The key of a scenario that lists the facts answered "not sure". Fact names always contain a dot, so it can never
 * be a fact's name.
 */
export const UNSURE_KEY = 'unsure';

/** The result of checking a scenario: the scenario, or every issue. */
export type ParseScenarioResult = { ok: true; scenario: ScenarioWithDoubt } | { ok: false; issues: Issue[] };

/**
 * Checks any value as a scenario for a vocabulary (a compiled policy's, or the standard one): every key must be a
 * known fact and every value one that fact can take. Never throws: the input is read once into plain data, own
 * properties only (a getter, a Proxy or a cycle is an issue), and at most `LIMITS.scenarioFacts` facts. The scenario
 * returned is a frozen copy that `evaluate` recognises as checked, so checking once and evaluating many times pays
 * for the check once.
 */
export function parseScenario(
  given: unknown,
  vocabulary: ResolvedVocabulary | { vocabulary: ResolvedVocabulary } = standardVocabulary,
): ParseScenarioResult {
  const vocab = 'facts' in vocabulary ? vocabulary : vocabulary.vocabulary;
  const read = readPlainInput(given);
  if (!read.ok) return read;
  const input = read.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-type',
          message: `a scenario is an object of facts such as { "account.kind": "personal" }; found ${describeReceived(input)}`,
          expected: 'object',
          received: describeReceived(input),
        },
      ],
    };
  }
  const entries = Object.entries(input);
  if (entries.length > LIMITS.scenarioFacts) {
    return { ok: false, issues: [limitIssue('scenarioFacts', entries.length, [])] };
  }
  const issues: Issue[] = [];
  const scenario: Record<string, ScenarioValue> = {};
  for (const [name, value] of entries) {
    if (name === UNSURE_KEY) continue;
    const fact = vocab.facts.get(name);
    if (!fact) {
      const hint = suggest(name, vocab.facts.keys());
      issues.push({
        path: [name],
        code: 'unknown-fact',
        message: `unknown fact ${quote(name)}${hint ? `; did you mean "${hint}"?` : ''}`,
        expected: 'a fact of the vocabulary',
        received: quote(name),
      });
      continue;
    }
    if (value === undefined) continue;
    const problem = checkFactValue(fact, value);
    if (problem) {
      const { at, ...said } = problem;
      issues.push({ path: [name, ...(at ?? [])], code: 'invalid-fact-value', ...said });
    } else
      Object.defineProperty(scenario, name, {
        // A set in the vocabulary's order of members, so two scenarios with the same set read the same.
        value: fact.type === 'set' ? membersInOrder(fact, value as readonly string[]) : value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  if (Object.hasOwn(input, UNSURE_KEY)) {
    const unsure = checkUnsure((input as Record<string, unknown>)[UNSURE_KEY], input, vocab, issues);
    if (unsure !== undefined && unsure.length > 0)
      Object.defineProperty(scenario, UNSURE_KEY, {
        value: Object.freeze(unsure),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  if (issues.length > 0) return { ok: false, issues };
  Object.defineProperty(scenario, CHECKED_AGAINST, { value: vocab });
  return { ok: true, scenario: Object.freeze(scenario) as ScenarioWithDoubt };
}

/**
 * Checks a scenario's `unsure` list: an array of distinct facts of the vocabulary, none also given a value (an
 * answer and "not sure" contradict each other). Returns the facts, or undefined when the list is not an array.
 */
function checkUnsure(
  value: unknown,
  input: object,
  vocab: ResolvedVocabulary,
  issues: Issue[],
): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    issues.push({
      path: [UNSURE_KEY],
      code: 'invalid-type',
      message: `"unsure" lists the facts answered "not sure", such as ["content.kind"]; found ${describeReceived(value)}`,
      expected: 'an array of fact names',
      received: describeReceived(value),
    });
    return undefined;
  }
  if (value.length > LIMITS.scenarioFacts) {
    issues.push(limitIssue('scenarioFacts', value.length, [UNSURE_KEY]));
    return undefined;
  }
  const facts: string[] = [];
  value.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || !vocab.facts.has(name)) {
      const hint = typeof name === 'string' ? suggest(name, vocab.facts.keys()) : undefined;
      issues.push({
        path: [UNSURE_KEY, i],
        code: 'unknown-fact',
        message: `unknown fact ${typeof name === 'string' ? quote(name) : describeReceived(name)} in "unsure"${hint ? `; did you mean "${hint}"?` : ''}`,
        expected: 'a fact of the vocabulary',
        received: typeof name === 'string' ? quote(name) : describeReceived(name),
      });
    } else if (facts.includes(name)) {
      issues.push({
        path: [UNSURE_KEY, i],
        code: 'duplicate-value',
        message: `fact ${quote(name)} is listed twice in "unsure"`,
        received: quote(name),
      });
    } else if ((input as Record<string, unknown>)[name] !== undefined) {
      issues.push({
        path: [UNSURE_KEY, i],
        code: 'invalid-value',
        message: `fact ${quote(name)} has an answer and is also listed as "not sure"; give one or the other`,
        expected: 'a fact without an answer',
        received: quote(name),
      });
    } else facts.push(name);
  });
  return facts;
}
