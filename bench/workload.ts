// What every engine is measured on: the hand-sized policy, generated policies of any size, and seeded scenarios.
// Everything is deterministic (a seeded generator), so two runs measure the same work.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Condition,
  factDomain,
  type FactValue,
  LIMITS,
  type Outcome,
  OUTCOMES,
  type Policy,
  parsePolicy,
  parsePolicySource,
  type Rule,
  type Scenario,
  standardVocabulary,
} from '@fairpost/core';

/** The facts the 16-rule policy tests; generated policies and scenarios use the same ones. */
export const BENCH_FACTS = [
  'actor.role',
  'account.kind',
  'context.time',
  'content.kind',
  'content.identifiesClient',
  'content.hasConsent',
  'content.statesPersonalView',
] as const;

/**
 * The facts of the large generated policies: at least twelve, so the space of complete scenarios (about 2.6 billion)
 * cannot be memoised and almost every scenario timed is one the engine has not seen.
 */
export const LARGE_FACTS = [
  ...BENCH_FACTS,
  'actor.clientFacing',
  'actor.authorisedSpokesperson',
  'activity.kind',
  'context.device',
  'counterpart.kind',
  'content.disclosesRole',
  'content.isAbusive',
] as const;

/** A small, fast, seeded pseudo-random generator (mulberry32), returning numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const domainOf = (fact: string): readonly FactValue[] => factDomain(standardVocabulary.facts.get(fact)!);

/** The 16-rule policy in bench/policies/sixteen-rules.yaml, parsed and checked. */
export function sixteenRulePolicy(): Policy {
  const file = fileURLToPath(new URL('./policies/sixteen-rules.yaml', import.meta.url));
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
}

/** A distinct subset of `count` items, in random order. */
function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0)
    out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return out;
}

/** One generated fact test: mostly `is` (specific rules, as real policies have), sometimes a short list or a `not`. */
function generatedTest(random: () => number, fact: string): Condition {
  const domain = domainOf(fact);
  const roll = random();
  if (domain.length <= 2 || roll < 0.7) return { fact, is: pick(random, domain) } as Condition;
  if (roll < 0.9) return { fact, in: sample(random, domain, 2) } as Condition;
  if (roll < 0.95) return { fact, isNot: pick(random, domain) } as Condition;
  return { not: { fact, in: sample(random, domain, 2) } as Condition };
}

/**
 * A valid first-match policy of `count` rules over `facts` (BENCH_FACTS unless given). Each rule tests the content and three to five other
 * facts, so each rule matches few scenarios: a linear scan visits about 90 (200 rules) to 180 (2,000) rules.
 */
export function generatedPolicy(
  count: number,
  seed = count,
  factPool: readonly string[] = BENCH_FACTS,
): Policy {
  const random = seededRandom(seed);
  const rules = Array.from({ length: count }, (_, i): Rule => {
    const others = factPool.filter((f) => f !== 'content.kind');
    const facts = ['content.kind', ...sample(random, others, 3 + Math.floor(random() * 3))];
    const outcome: Outcome = pick(random, OUTCOMES);
    return {
      id: `generated-rule-${i + 1}`,
      when: { all: facts.map((fact) => generatedTest(random, fact)) },
      outcome,
      ...(outcome === 'check-first' ? { reviewers: ['comms-team'] } : {}),
      ...(outcome === 'permitted-with-conditions' ? { conditions: ['state-personal-view'] } : {}),
      reason: `Generated rule ${i + 1}.`,
    };
  });
  const head = {
    schemaVersion: '1.0.0',
    id: `bench-generated-${count}`,
    title: `Generated benchmark policy (${count} rules)`,
    organisation: 'Benchmark Organisation',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1' as const,
    resolution: 'first-match' as const,
    default: { outcome: 'check-first' as const, reviewers: ['comms-team'], reason: 'Nothing else applies.' },
  };
  // parsePolicy refuses more than LIMITS.rules rules; a larger policy (the 20,000-rule scale figures, which only
  // compilePolicy, evaluate and analyzePolicy see) is checked in parts of that size, each part a valid policy.
  const checked: Rule[] = [];
  for (let start = 0; start < Math.max(rules.length, 1); start += LIMITS.rules) {
    const parsed = parsePolicy({ ...head, rules: rules.slice(start, start + LIMITS.rules) });
    if (!parsed.ok) throw new Error(`generated policy is invalid: ${parsed.issues[0]?.message}`);
    if (rules.length <= LIMITS.rules) return parsed.policy;
    checked.push(...parsed.policy.rules);
  }
  return { ...head, rules: checked } as Policy;
}

/**
 * `count` scenarios giving every one of `facts` a value (every engine can decide them), or, with `unknownShare`,
 * leaving each fact out with that probability (partial scenarios, which only Fairpost decides exactly).
 */
export function generatedScenarios(
  count: number,
  seed: number,
  facts: readonly string[] = BENCH_FACTS,
  unknownShare = 0,
): Scenario[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const scenario: Record<string, FactValue> = {};
    for (const fact of facts) {
      const value = pick(random, domainOf(fact));
      if (random() >= unknownShare) scenario[fact] = value;
    }
    return scenario as Scenario;
  });
}
