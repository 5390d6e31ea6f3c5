import type { Scenario } from '../../parse/scenario.js';
import type { FactValue } from '../../vocabulary/fact-types.js';
import { factDomain, standardVocabulary } from '../../vocabulary/resolve-vocabulary.js';

/** Every complete scenario over some standard facts (mind the size: it is a product of their domains). */
export function everyScenario(facts: readonly string[]): Scenario[] {
  let out: Record<string, FactValue>[] = [{}];
  for (const fact of facts) {
    const domain = factDomain(standardVocabulary.facts.get(fact)!);
    out = out.flatMap((s) => domain.map((v) => ({ ...s, [fact]: v })));
  }
  return out as Scenario[];
}
