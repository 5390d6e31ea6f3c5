import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type PathSegment, parsePolicy, parsePolicySource, PolicySchema } from '../index.js';
import { arbitraryPolicy } from '../testing.js';
import { arbitraryMutation } from '../testing/support/policy-mutations.js';

const RUNS = { numRuns: 100 };
// Policies that test set facts too (standard and custom), so their tests and members go through the same checks.
const SET_FACTS = ['content.topics', 'account.kind', 'custom.channels'];
const policies = fc.oneof(
  arbitraryPolicy({ maxRules: 5 }),
  arbitraryPolicy({ maxRules: 5, everyField: true }),
  arbitraryPolicy({ maxRules: 5, everyField: true, facts: SET_FACTS }),
);
const withRules = fc.oneof(
  arbitraryPolicy({ maxRules: 5 }).filter((p) => p.rules.length > 0),
  arbitraryPolicy({ maxRules: 5, everyField: true }).filter((p) => p.rules.length > 0),
  arbitraryPolicy({ maxRules: 5, everyField: true, facts: SET_FACTS }).filter((p) => p.rules.length > 0),
);
const mutations = withRules.chain(arbitraryMutation);

/** The value at a path, or `undefined` when the path leaves the document. */
function at(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PathSegment, unknown>)[key];
  }
  return node;
}

describe('parsePolicy on generated policies', () => {
  it('gives back exactly the policy that went through JSON', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        const result = parsePolicy(JSON.parse(JSON.stringify(policy)));
        expect(result).toEqual({ ok: true, policy });
      }),
      RUNS,
    );
  });

  it('gives back exactly the policy that went through YAML text, keeping every field', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        const result = parsePolicySource(stringify(policy), { filename: 'policy.yaml' });
        expect(result).toEqual({ ok: true, policy, filename: 'policy.yaml' });
      }),
      RUNS,
    );
  });

  it('agrees with the published PolicySchema on valid policies', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        expect(PolicySchema.safeParse(JSON.parse(JSON.stringify(policy))).success).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('parsePolicy on broken policies', () => {
  it('rejects every vocabulary mutation with the right code at the mutated place', () => {
    fc.assert(
      fc.property(mutations, (mutation) => {
        const result = parsePolicy(mutation.policy);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toContainEqual(
          expect.objectContaining({ code: mutation.code, path: mutation.path }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is matched by the published PolicySchema, which rejects every mutation it can see', () => {
    fc.assert(
      fc.property(
        mutations.filter((m) => m.schemaSees),
        (mutation) => {
          expect(PolicySchema.safeParse(mutation.policy).success).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('never throws on any JSON value, and points every issue into the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        const result = parsePolicy(input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(issue.path.length === 0 || at(input, issue.path.slice(0, -1)) !== undefined).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any part of a valid policy is replaced by any JSON value', () => {
    const replaced = policies.chain((policy) => {
      const paths: PathSegment[][] = [];
      const walk = (node: unknown, path: PathSegment[]) => {
        paths.push(path);
        if (typeof node === 'object' && node !== null)
          for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
      };
      walk(policy, []);
      return fc
        .tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue())
        .map(([path, value]) => {
          const copy = structuredClone(policy) as unknown as Record<PathSegment, unknown>;
          (at(copy, path.slice(0, -1)) as Record<PathSegment, unknown>)[path.at(-1)!] = value;
          return copy;
        });
    });
    fc.assert(
      fc.property(replaced, (input) => {
        const result = parsePolicy(input);
        if (!result.ok) {
          for (const issue of result.issues) {
            expect(issue.path.length === 0 || at(input, issue.path.slice(0, -1)) !== undefined).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
