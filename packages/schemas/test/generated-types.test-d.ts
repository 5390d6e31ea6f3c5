import type {
  Decision as CoreDecision,
  Policy as CorePolicy,
  Scenario as CoreScenario,
} from '@fairpost/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { Decision, Policy, Rule, Scenario } from '../src/index.js';

/** Removes `readonly` all the way down: core's Decision is readonly for callers, the JSON shape is not. */
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

describe('the types generated from the published JSON Schema', () => {
  it('make the generated Policy and core’s Policy assignable both ways', () => {
    expectTypeOf<Policy>().toExtend<CorePolicy>();
    expectTypeOf<CorePolicy>().toExtend<Policy>();
  });

  it('make the generated Decision and core’s Decision assignable both ways, up to readonly', () => {
    expectTypeOf<Decision>().toExtend<CoreDecision>();
    expectTypeOf<Writable<CoreDecision>>().toExtend<Decision>();
  });

  it('accept every core Scenario as a generated Scenario, up to readonly set members', () => {
    // JSON Schema cannot say an array is read-only; core's scenario takes a set fact's members as a readonly list.
    expectTypeOf<Writable<CoreScenario>>().toExtend<Scenario>();
  });

  it('reject a value a standard fact does not have, and a fact test with a misspelt fact', () => {
    expectTypeOf<{ fact: 'account.kind'; is: 'twitter' }>().not.toExtend<Rule['when']>();
    expectTypeOf<{ fact: 'account.kinds'; is: 'personal' }>().not.toExtend<Rule['when']>();
    expectTypeOf<{ fact: 'account.kind'; is: 'personal' }>().toExtend<Rule['when']>();
    expectTypeOf<{ fact: 'custom.phase'; is: 'live' }>().toExtend<Rule['when']>();
  });
});
