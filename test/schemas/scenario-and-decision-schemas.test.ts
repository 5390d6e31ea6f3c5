import {
  compilePolicy,
  DecisionSchema,
  evaluate,
  parseScenario,
  socialMediaVocabulary,
} from '@fairpost/core';
import { arbitraryPolicy, arbitraryScenario } from '@fairpost/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ajvVerdict, EDITIONS } from './support/published-validators.js';
import { runs } from '../support/property-runs.js';

const FACT_NAMES = socialMediaVocabulary.facts.map((fact) => fact.name);

describe('the published scenario schema', () => {
  it('accepts every scenario over the standard vocabulary, in both editions', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (scenario) => {
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'scenario', scenario).errors).toEqual([]);
      }),
      { numRuns: runs(50) },
    );
  });

  it('agrees with parseScenario on standard facts, and allows custom.<name> facts, which only a policy can check', () => {
    const key = fc.constantFrom(
      ...FACT_NAMES,
      'account.kinds',
      'actor',
      'custom.campaignPhase',
      'custom.',
      'Custom.x',
    );
    const value = fc.constantFrom<unknown>(
      'personal',
      'own-time',
      'staff',
      'twitter',
      true,
      false,
      3,
      null,
      [],
    );
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (scenario) => {
        const verdicts = EDITIONS.map((edition) => ajvVerdict(edition, 'scenario', scenario).valid);
        expect(verdicts[1]).toBe(verdicts[0]);
        const parsed = parseScenario(scenario);
        const customOnly = parsed.ok
          ? true
          : parsed.issues.every(
              (issue) =>
                issue.code === 'unknown-fact' &&
                /^custom(\.[a-z][A-Za-z0-9]*)+$/.test(String(issue.path[0])) &&
                isCustomValue(scenario[String(issue.path[0])]),
            );
        expect(verdicts[0]).toBe(parsed.ok || customOnly);
      }),
      { numRuns: runs(300) },
    );
  });
});

/** A value the schema allows any custom fact: a string, a boolean, or a custom set fact's members. */
function isCustomValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((member) => typeof member === 'string'))
  );
}

describe('the published decision schema', () => {
  it('accepts every decision evaluate returns, as JSON, with or without a trace', () => {
    const cases = fc.tuple(arbitraryPolicy({ maxRules: 5 }), fc.boolean()).chain(([policy, trace]) => {
      const compiled = compilePolicy(policy);
      return fc.tuple(fc.constant(compiled), arbitraryScenario(compiled), fc.constant(trace));
    });
    fc.assert(
      fc.property(cases, ([compiled, scenario, trace]) => {
        const decision = JSON.parse(JSON.stringify(evaluate(compiled, scenario, { trace })));
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'decision', decision).errors).toEqual([]);
        expect(DecisionSchema.safeParse(decision).error?.issues ?? []).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });

  it('rejects a decision with an outcome the format does not have', () => {
    const decision = {
      policyId: 'p',
      outcome: 'maybe',
      possibleOutcomes: [],
      neededFacts: [],
      decidedBy: [],
      conditions: [],
      reviewers: [],
      duties: [],
      undeterminedDuties: [],
    };
    for (const edition of EDITIONS) expect(ajvVerdict(edition, 'decision', decision).valid).toBe(false);
    expect(ajvVerdict('2020-12', 'decision', { ...decision, outcome: 'undetermined' }).valid).toBe(true);
  });
});
