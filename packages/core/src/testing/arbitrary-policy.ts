import fc from 'fast-check';
import type { Condition, FactTest } from '../condition.js';
import { OUTCOMES } from '../outcome.js';
import { SCHEMA_VERSION, VOCABULARY_ID } from '../policy-format.js';
import type { Policy } from '../policy.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import { factDomain, type ResolvedVocabulary, standardVocabulary } from '../vocabulary/resolve-vocabulary.js';

/** A small default set of facts, so generated policies have rules that overlap and scenarios that match. */
const DEFAULT_FACTS = [
  'account.kind',
  'context.time',
  'content.kind',
  'content.hasConsent',
  'actor.clientFacing',
];

/** Options for `arbitraryPolicy`. */
export interface ArbitraryPolicyOptions {
  /** The facts conditions may test (default: five standard facts). */
  readonly facts?: readonly string[];
  /** At most this many rules (default 8). */
  readonly maxRules?: number;
  /** At most this deep a condition (default 3). */
  readonly maxDepth?: number;
  /** Only this resolution (default: either). */
  readonly resolution?: Policy['resolution'];
  /** At most this many duties (default 3). */
  readonly maxDuties?: number;
  /** Values of enum facts are drawn from their first N values only (default: all), for small state spaces. */
  readonly maxValuesPerFact?: number;
}

/** A fact test over the given facts, with values from each fact's domain. */
export function arbitraryFactTest(
  facts: readonly string[] = DEFAULT_FACTS,
  vocabulary: ResolvedVocabulary = standardVocabulary,
  maxValuesPerFact = Number.POSITIVE_INFINITY,
): fc.Arbitrary<FactTest> {
  return fc.constantFrom(...facts).chain((fact) => {
    const domain = factDomain(vocabulary.facts.get(fact)!).slice(0, maxValuesPerFact) as FactValue[];
    const one = fc.constantFrom(...domain);
    const some = fc.subarray(domain, { minLength: 1 });
    return fc.oneof(
      one.map((is) => ({ fact, is })),
      one.map((isNot) => ({ fact, isNot })),
      some.map((values) => ({ fact, in: values })),
      some.map((values) => ({ fact, notIn: values })),
    ) as fc.Arbitrary<FactTest>;
  });
}

/** Conditions (fact tests under all / any / not) over the given facts. */
export function arbitraryCondition(
  facts: readonly string[] = DEFAULT_FACTS,
  maxDepth = 3,
  vocabulary: ResolvedVocabulary = standardVocabulary,
  maxValuesPerFact = Number.POSITIVE_INFINITY,
): fc.Arbitrary<Condition> {
  const leaf = arbitraryFactTest(facts, vocabulary, maxValuesPerFact) as fc.Arbitrary<Condition>;
  return fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      leaf,
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('condition').map((not) => ({ not })),
    ),
  })).condition;
}

const text = fc.constantFrom(
  'Because it keeps people safe.',
  'It is your own business.',
  'Ask first.',
  'It is public.',
);
const reviewers = fc.subarray(['comms-team', 'line-manager', 'legal', 'safety-lead'], {
  minLength: 1,
  maxLength: 2,
});
const conditions = fc.subarray(['state-personal-view', 'disclose-role', 'get-consent'], {
  minLength: 1,
  maxLength: 2,
});

/** Valid policies over a few standard facts, with unique ids, every outcome, and duties. */
export function arbitraryPolicy(options: ArbitraryPolicyOptions = {}): fc.Arbitrary<Policy> {
  const facts = options.facts ?? DEFAULT_FACTS;
  const condition = arbitraryCondition(
    facts,
    options.maxDepth ?? 3,
    standardVocabulary,
    options.maxValuesPerFact,
  );
  const outcome = fc.constantFrom(...OUTCOMES);
  const attachments = fc.record({ conditions, reviewers }, { requiredKeys: [] });
  const rule = fc
    .tuple(condition, outcome, attachments, text, fc.boolean())
    .map(([when, outcome, extra, reason, titled]) => ({
      when,
      outcome,
      ...extra,
      reason,
      ...(titled ? { title: 'A rule' } : {}),
    }));
  const duty = fc
    .tuple(
      condition,
      fc.constantFrom('receive-report', 'risk-assessment', 'take-over-replies', 'police-report-with-consent'),
      fc.constantFrom('safety-lead', 'comms-team', 'line-manager'),
      fc.constantFrom('must', 'should', 'may'),
      fc.option(fc.constantFrom('PT24H', 'P2D', 'PT1H'), { nil: undefined }),
      fc.boolean(),
    )
    .map(([when, action, holder, modality, deadline, consentRequired]) => ({
      when,
      action,
      holder,
      modality,
      ...(deadline ? { deadline } : {}),
      consentRequired,
      reason: 'Support is owed.',
    }));
  return fc
    .record({
      resolution: options.resolution
        ? fc.constant(options.resolution)
        : fc.constantFrom('first-match', 'strictest'),
      defaultOutcome: outcome,
      rules: fc.array(rule, { maxLength: options.maxRules ?? 8 }),
      duties: fc.array(duty, { maxLength: options.maxDuties ?? 3 }),
      commitments: fc.subarray([
        'no-password-requests',
        'no-monitoring-of-personal-accounts',
        'union-activity-protected',
      ]),
    })
    .map(
      ({ resolution, defaultOutcome, rules, duties, commitments }): Policy => ({
        schemaVersion: SCHEMA_VERSION,
        id: 'generated',
        title: 'Generated policy',
        organisation: 'Generated organisation',
        version: '1',
        language: 'en-GB',
        vocabulary: VOCABULARY_ID,
        sources: [{ id: 'source', title: 'A source' }],
        resolution,
        default: { outcome: defaultOutcome, reason: 'Nothing else applies.' },
        rules: rules.map((r, i) => ({
          id: `rule-${i + 1}`,
          ...r,
          source: { document: 'source', section: `§${i + 1}` },
        })),
        duties: duties.map((d, i) => ({ id: `duty-${i + 1}`, ...d })),
        commitments: commitments.map((commitment, i) => ({ id: `commitment-${i + 1}`, commitment })),
      }),
    );
}
