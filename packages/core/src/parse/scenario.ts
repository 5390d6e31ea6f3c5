import { checkFactValue, suggest } from './check-fact-value.js';
import { describeReceived, type Issue } from './issue.js';
import type {
  CustomFactName,
  FactValue,
  StandardFactName,
  StandardFactValue,
} from '../vocabulary/fact-types.js';
import { type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

/**
 * A situation, as a partial map from fact names to values: `{ "account.kind": "personal" }`.
 * A fact that is absent is unknown, never false.
 */
export type Scenario = { readonly [N in StandardFactName]?: StandardFactValue<N> } & {
  readonly [N in CustomFactName]?: FactValue;
};

/** The result of checking a scenario: the scenario, or every issue. */
export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] };

/**
 * Checks any value as a scenario for a vocabulary (a compiled policy's, or the standard one): every key must be a
 * known fact and every value one that fact can take. Never throws.
 */
export function parseScenario(
  input: unknown,
  vocabulary: ResolvedVocabulary | { vocabulary: ResolvedVocabulary } = standardVocabulary,
): ParseScenarioResult {
  const vocab = 'facts' in vocabulary ? vocabulary : vocabulary.vocabulary;
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
  const issues: Issue[] = [];
  const scenario: Record<string, FactValue> = {};
  for (const [name, value] of Object.entries(input)) {
    const fact = vocab.facts.get(name);
    if (!fact) {
      const hint = suggest(name, vocab.facts.keys());
      issues.push({
        path: [name],
        code: 'unknown-fact',
        message: `unknown fact "${name}"${hint ? `; did you mean "${hint}"?` : ''}`,
        expected: 'a fact of the vocabulary',
        received: JSON.stringify(name),
      });
      continue;
    }
    if (value === undefined) continue;
    const problem = checkFactValue(fact, value);
    if (problem) issues.push({ path: [name], code: 'invalid-fact-value', ...problem });
    else scenario[name] = value as FactValue;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: scenario as Scenario };
}
