import fc from 'fast-check';
import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import type { Scenario } from '../parse/scenario.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factDomain, type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

type Source = CompiledPolicy | ResolvedVocabulary;

function factsOf(source: Source, facts?: readonly string[]): [string, readonly FactValue[]][] {
  const vocabulary = 'facts' in source ? source : source.vocabulary;
  const names = facts ?? ('factsInPlay' in source ? source.factsInPlay : [...vocabulary.facts.keys()]);
  return names.map((name) => [name, factDomain(vocabulary.facts.get(name)!)]);
}

/**
 * Partial scenarios: each fact (by default, every fact a compiled policy tests, or every fact of a vocabulary) is
 * either absent (unknown) or one of its values.
 */
export function arbitraryScenario(
  source: Source = standardVocabulary,
  facts?: readonly string[],
): fc.Arbitrary<Scenario> {
  const record = Object.fromEntries(
    factsOf(source, facts).map(([name, domain]) => [name, fc.constantFrom(...domain)]),
  );
  return fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Scenario>;
}

/** Complete scenarios: every fact (as for `arbitraryScenario`) has a value. */
export function arbitraryCompleteScenario(
  source: Source = standardVocabulary,
  facts?: readonly string[],
): fc.Arbitrary<Scenario> {
  const record = Object.fromEntries(
    factsOf(source, facts).map(([name, domain]) => [name, fc.constantFrom(...domain)]),
  );
  return fc.record(record) as fc.Arbitrary<Scenario>;
}

/** Every completion of a partial scenario over the facts a compiled policy tests (mind the size: it is a product). */
export function completionsOf(compiled: CompiledPolicy, scenario: Scenario): Scenario[] {
  const known = scenario as Record<string, FactValue | undefined>;
  let out: Record<string, FactValue>[] = [{ ...(scenario as Record<string, FactValue>) }];
  for (const [name, domain] of factsOf(compiled)) {
    if (known[name] !== undefined) continue;
    out = out.flatMap((s) => domain.map((v) => ({ ...s, [name]: v })));
  }
  return out as Scenario[];
}
