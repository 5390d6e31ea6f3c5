import fc from 'fast-check';
import type { CompiledPolicy } from '../evaluate/compile-policy.js';
import { splitMemberDimension } from '../model/condition-node.js';
import type { Scenario } from '../parse/scenario.js';
import type { ScenarioValue } from '../vocabulary/fact-types.js';
import { factDomain, type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

type Source = CompiledPolicy | ResolvedVocabulary;

/** Every subset of some members, each in the order given (so in vocabulary order when they are). */
function subsetsOf(members: readonly string[]): string[][] {
  let out: string[][] = [[]];
  for (const m of members) out = out.flatMap((s) => [s, [...s, m]]);
  return out;
}

/**
 * The facts to fill in and the values each can take. Facts may be named as a compiled policy's dimensions: the
 * membership dimensions of a set fact (`content.topics[employer]`) become the set fact, whose values are the subsets
 * of those members (the members no test names cannot change anything). A set fact named by itself takes the
 * subsets of all its members.
 */
function factsOf(source: Source, facts?: readonly string[]): [string, readonly ScenarioValue[]][] {
  const vocabulary = 'facts' in source ? source : source.vocabulary;
  const names = facts ?? ('factsInPlay' in source ? source.factsInPlay : [...vocabulary.facts.keys()]);
  const members = new Map<string, string[]>();
  const order: string[] = [];
  for (const name of names) {
    const split = splitMemberDimension(name);
    const fact = split?.fact ?? name;
    if (!members.has(fact)) {
      members.set(fact, []);
      order.push(fact);
    }
    if (split) members.get(fact)!.push(split.member);
  }
  return order.map((name) => {
    const definition = vocabulary.facts.get(name)!;
    if (definition.type !== 'set') return [name, factDomain(definition)];
    const listed = members.get(name)!;
    return [name, subsetsOf(listed.length > 0 ? listed : definition.values.map((m) => m.value))];
  });
}

/**
 * Partial scenarios: each fact (by default, every fact a compiled policy tests, or every fact of a vocabulary) is
 * either absent (unknown) or one of its values; a set fact is absent or a whole set (an array of members, `[]`
 * included).
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
  const known = scenario as Record<string, ScenarioValue | undefined>;
  let out: Record<string, ScenarioValue>[] = [{ ...(scenario as Record<string, ScenarioValue>) }];
  for (const [name, domain] of factsOf(compiled)) {
    if (known[name] !== undefined) continue;
    out = out.flatMap((s) => domain.map((v) => ({ ...s, [name]: v })));
  }
  return out as Scenario[];
}
