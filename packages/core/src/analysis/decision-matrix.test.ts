import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import type { Policy } from '../model/policy.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { readCsv } from '../testing/support/read-csv.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { decisionMatrix, decisionMatrixCsv, knownTo, sampleScenarios } from './decision-matrix.js';
import { InvalidDistributionError } from './fact-distribution.js';
import { runs } from '../../../../test/support/property-runs.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dir = join(root, 'examples', 'policies');
function load(file: string): Policy {
  const parsed = parsePolicySource(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
}
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.cases.yaml'))
  .sort()
  .map(load);

describe('decisionMatrix', () => {
  it('samples a fact with conditional rates from the row of its given fact’s drawn value', () => {
    // Rows of 0 and 1 tie the two facts together: any sampled scenario that breaks the tie ignored the rows.
    const distribution = {
      ...defaultWeights,
      'content.identifiesClient': {
        given: 'account.kind',
        rates: {
          organisational: { true: 1 },
          'personal-named': { false: 1 },
          personal: { false: 1 },
          pseudonymous: { false: 1 },
        },
      },
    };
    const scenarios = sampleScenarios(examples, { count: 300, seed: 5, distribution });
    const kinds = new Set(scenarios.map((s) => s['account.kind']));
    expect(kinds.size).toBeGreaterThan(1);
    for (const s of scenarios)
      expect(s['content.identifiesClient']).toBe(s['account.kind'] === 'organisational');
  });

  it('gives, in every cell, evaluate(compilePolicy(policy), scenario).outcome (the example policies)', () => {
    const scenarios = sampleScenarios(examples, { count: 200, seed: 3, distribution: defaultWeights });
    const matrix = decisionMatrix(examples, scenarios);
    expect(matrix.policies).toEqual(examples.map((p) => p.id));
    expect(matrix.rows).toHaveLength(200);
    const compiled = examples.map((p) => compilePolicy(p));
    matrix.rows.forEach((row, i) => {
      expect(row.scenario).toBe(scenarios[i]);
      expect(row.outcomes).toEqual(compiled.map((c) => evaluate(c, knownTo(c, scenarios[i]!)).outcome));
    });
  });

  it('gives evaluate’s outcome in every cell for any policies and seed, and sampled scenarios leave none undetermined', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryPolicy(), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (policies, seed) => {
          const scenarios = sampleScenarios(policies, { count: 10, seed });
          const matrix = decisionMatrix(policies, scenarios);
          matrix.rows.forEach((row) => {
            expect(row.outcomes).toEqual(
              policies.map((p) => compilePolicy(p)).map((c) => evaluate(c, knownTo(c, row.scenario)).outcome),
            );
            expect(row.outcomes).not.toContain('undetermined');
          });
        },
      ),
      { numRuns: runs(15) },
    );
  });

  it('leaves another policy’s custom facts out of a policy’s scenario, and nothing else', () => {
    const [a] = examples.map((p) => compilePolicy(p));
    const scenario = { 'account.kind': 'personal', 'custom.notDeclaredHere': true } as never;
    expect(knownTo(a!, scenario)).toEqual({ 'account.kind': 'personal' });
    const own = { 'account.kind': 'personal' } as const;
    expect(knownTo(a!, own)).toBe(own);
  });

  it('writes CSV a plain RFC 4180 reader reads: facts then one outcome column per policy, the same cells', () => {
    const scenarios = sampleScenarios(examples.slice(0, 3), { count: 40, seed: 9 });
    const matrix = decisionMatrix(examples.slice(0, 3), scenarios);
    const [header, ...lines] = readCsv(decisionMatrixCsv(matrix));
    expect(header).toEqual([...matrix.facts, ...matrix.policies]);
    expect(lines).toHaveLength(40);
    lines.forEach((fields, i) => {
      const row = matrix.rows[i]!;
      expect(fields.slice(matrix.facts.length)).toEqual(row.outcomes);
      matrix.facts.forEach((fact, f) => {
        const value = (row.scenario as Record<string, unknown>)[fact];
        expect(fields[f]).toBe(
          value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value),
        );
      });
    });
  });
});

describe('sampleScenarios', () => {
  it('is deterministic: the same seed gives the same scenarios, another seed others', () => {
    const a = sampleScenarios(examples, { count: 50, seed: 42 });
    expect(sampleScenarios(examples, { count: 50, seed: 42 })).toEqual(a);
    expect(sampleScenarios(examples, { count: 50, seed: 43 })).not.toEqual(a);
  });

  it('sets every fact the policies test, and follows the weights', () => {
    const union = examples.find((p) => p.id.includes('union'))!;
    const scenarios = sampleScenarios([union], { count: 4000, seed: 5, distribution: defaultWeights });
    const facts = compilePolicy(union).factsInPlay.filter((f) => !f.includes('#'));
    for (const s of scenarios) for (const f of facts) expect(s).toHaveProperty([f]);
    const rate = (fact: string, value: unknown) =>
      scenarios.filter((s) => (s as Record<string, unknown>)[fact] === value).length / scenarios.length;
    for (const fact of ['account.kind', 'context.time'] as const) {
      const rates = defaultWeights[fact]!;
      for (const [value, expected] of Object.entries(rates))
        expect(Math.abs(rate(fact, value) - expected)).toBeLessThan(0.03);
    }
  });

  it('refuses a distribution that does not fit, and a count that is not a whole number', () => {
    expect(() =>
      sampleScenarios(examples, { count: 1, distribution: { 'account.kind': { nonsense: 1 } } }),
    ).toThrow(InvalidDistributionError);
    expect(() => sampleScenarios(examples, { count: 1.5 })).toThrow(RangeError);
  });
});
