import { type Issue, parsePolicy } from '@fairpost/core';
import { arbitraryPolicy } from '@fairpost/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutation, arbitraryMutation } from './support/mutate-document.js';
import { ajvVerdict, EDITIONS } from './support/published-validators.js';
import { runs } from '../support/property-runs.js';

/**
 * The checks packages/schemas/README.md lists as parsePolicy's alone: they need to compare one part of a policy with
 * another (a declared custom fact, a listed source, another id), which JSON Schema cannot do.
 */
function isSemanticOnly(issue: Issue): boolean {
  switch (issue.code) {
    case 'duplicate-id':
    case 'duplicate-value':
    case 'unknown-source':
      return true;
    case 'unknown-fact':
      return issue.received?.startsWith('"custom.') ?? false;
    case 'unknown-catalogue-entry':
      return issue.received?.startsWith('"custom-') ?? false;
    case 'invalid-fact-value':
      return issue.message.includes('fact "custom.');
    default:
      return false;
  }
}

/** Both editions' verdict, which must be the same. */
function schemaVerdict(policy: unknown): boolean {
  const [reference, editors] = EDITIONS.map((edition) => ajvVerdict(edition, 'policy', policy));
  expect(editors!.valid).toBe(reference!.valid);
  return reference!.valid;
}

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('the published policy schema and parsePolicy', () => {
  it('accept every generated valid policy, in both editions', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryPolicy(), arbitraryPolicy({ everyField: true })), (policy) => {
        const json = asJson(policy);
        expect(parsePolicy(json).ok).toBe(true);
        for (const edition of EDITIONS) expect(ajvVerdict(edition, 'policy', json).errors).toEqual([]);
      }),
      { numRuns: runs(40) },
    );
  });

  it('agree on mutated policies, except for the documented parsePolicy-only checks', () => {
    const policyAndMutation = fc
      .oneof(
        arbitraryPolicy({ maxRules: 4, maxDuties: 2 }),
        arbitraryPolicy({ everyField: true, maxRules: 4 }),
      )
      .map(asJson)
      .chain((policy) =>
        fc.tuple(fc.constant(policy), fc.array(arbitraryMutation(policy), { minLength: 1, maxLength: 2 })),
      );
    let rejectedBySchema = 0;
    let semanticOnly = 0;
    fc.assert(
      fc.property(policyAndMutation, ([policy, mutations]) => {
        const mutated = mutations.reduce((doc, mutation) => applyMutation(doc, mutation), policy);
        const schemaAccepts = schemaVerdict(mutated);
        const parsed = parsePolicy(mutated);
        if (!schemaAccepts) {
          rejectedBySchema++;
          expect(parsed.ok).toBe(false);
        } else if (!parsed.ok) {
          semanticOnly++;
          expect(parsed.issues.filter((issue) => !isSemanticOnly(issue))).toEqual([]);
        }
      }),
      { numRuns: runs(200) },
    );
    // The mutations are not idle: they break policies in both ways the property distinguishes.
    expect(rejectedBySchema).toBeGreaterThan(30);
    expect(semanticOnly).toBeGreaterThan(0);
  });
});
