import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzePolicy,
  comparePolicies,
  comparisonTable,
  compilePolicy,
  evaluate,
  type Policy,
  parsePolicy,
  parsePolicySource,
  policyMetrics,
  socialMediaVocabulary,
  standardVocabulary,
} from '../index.js';
import { arbitraryPolicy, arbitraryScenario } from '../testing.js';
import { unfrozen } from '../testing/support/unfrozen.js';
import { validPolicyJson } from '../testing/support/valid-policy.js';

const FILE = join(import.meta.dirname, '../../../../examples/policies/000_staff-union-alternative.yaml');
const parsed = parsePolicySource(readFileSync(FILE, 'utf8'), { filename: FILE });
if (!parsed.ok) throw new Error('the union policy must parse');
const union = parsed.policy;
const DOXXED = { 'incident.kind': 'doxxing', 'incident.workRelated': true } as const;

/** Tries to change a value; in a module (strict mode) writing to a frozen object throws a TypeError. */
function tryToChange(change: () => void): unknown {
  try {
    change();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('results are immutable', () => {
  it('the standard vocabulary is frozen all the way down', () => {
    expect(unfrozen(socialMediaVocabulary)).toEqual([]);
    const role = socialMediaVocabulary.roles[0] as { id: string; phrase: string };
    expect(tryToChange(() => (role.phrase = 'changed'))).toBeInstanceOf(TypeError);
    expect(standardVocabulary.catalogues.roles.get(role.id)?.phrase).not.toBe('changed');
  });

  it('changing one decision’s duty action, holder, reviewers or source changes neither the next decision nor the vocabulary', () => {
    const compiled = compilePolicy(union);
    const first = evaluate(compiled, DOXXED);
    const duty = first.duties[0]!;
    const phrase = duty.action.phrase;
    const holder = duty.holder.label;
    expect(unfrozen(first)).toEqual([]);
    expect(tryToChange(() => ((duty.action as { phrase: string }).phrase = 'nothing at all'))).toBeInstanceOf(
      TypeError,
    );
    expect(tryToChange(() => ((duty.holder as { label: string }).label = 'nobody'))).toBeInstanceOf(
      TypeError,
    );
    expect(tryToChange(() => (first.duties as unknown[]).pop())).toBeInstanceOf(TypeError);
    const next = evaluate(compiled, DOXXED);
    expect(next.duties[0]!.action.phrase).toBe(phrase);
    expect(next.duties[0]!.holder.label).toBe(holder);
    expect(next.duties).toHaveLength(first.duties.length);
    expect(evaluate(compilePolicy(union), DOXXED).duties[0]!.action.phrase).toBe(phrase);
  });

  it('settled, undetermined and traced decisions of generated policies are frozen all the way down', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ everyField: true }),
        arbitraryScenario(),
        fc.boolean(),
        (policy, scenario, trace) => {
          const compiled = compilePolicy(policy);
          const known = Object.fromEntries(
            Object.entries(scenario).filter(([name]) => compiled.vocabulary.facts.has(name)),
          );
          expect(unfrozen(evaluate(compiled, known, { trace }))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a policy object changed after compiling does not change its decisions, and custom entries are copies', () => {
    const json = validPolicyJson();
    const result = parsePolicy(json);
    if (!result.ok) throw new Error('valid policy');
    const policy = structuredClone(result.policy) as Policy & { rules: { source?: { section?: string } }[] };
    const compiled = compilePolicy(policy);
    const scenario = {
      'content.identifiesClient': false,
      'account.kind': 'personal',
      'context.time': 'own-time',
    } as const;
    const before = evaluate(compiled, scenario).decidedBy[0]!.source;
    expect(before?.section).toBe('2');
    policy.rules[1]!.source!.section = 'edited afterwards';
    expect(evaluate(compiled, scenario).decidedBy[0]!.source?.section).toBe('2');
    expect(Object.isFrozen(policy.rules[1])).toBe(false);
  });

  it('findings, metrics, comparisons and comparison tables are frozen all the way down', () => {
    expect(unfrozen(analyzePolicy(union))).toEqual([]);
    expect(unfrozen(policyMetrics(union))).toEqual([]);
    expect(unfrozen(comparePolicies(union, union))).toEqual([]);
    expect(unfrozen(comparisonTable([union]))).toEqual([]);
    const table = comparisonTable([union]);
    expect(tryToChange(() => (table.rows as unknown[]).pop())).toBeInstanceOf(TypeError);
    expect(comparisonTable([union]).rows).toHaveLength(1);
  });
});
