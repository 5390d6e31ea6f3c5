import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../evaluate/compile-policy.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import { comparePolicies } from './compare-policies.js';
import { leaningOf, MOSTLY } from './compare-themes.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
function example(name: string) {
  const parsed = parsePolicySource(readFileSync(join(root, 'examples', 'policies', name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return compilePolicy(parsed.policy);
}

describe('which way a mixed theme leans', () => {
  it('leans a way exactly when that way covers at least four in five of the differing situations', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, l) => {
          const leaning = leaningOf(s, l);
          if (s + l === 0) expect(leaning).toBeNull();
          else if (l >= MOSTLY * (s + l)) expect(leaning).toBe('looser');
          else if (s >= MOSTLY * (s + l)) expect(leaning).toBe('stricter');
          else expect(leaning).toBeNull();
          // Symmetric: swapping the shares swaps the leaning.
          const swapped = leaningOf(l, s);
          expect(swapped).toBe(leaning === 'looser' ? 'stricter' : leaning === 'stricter' ? 'looser' : null);
        },
      ),
    );
  });

  it('on the example pair under the default weights, the union’s policy is mixed but mostly looser on private life', () => {
    const comparison = comparePolicies(
      example('management-draft.yaml'),
      example('000_staff-union-alternative.yaml'),
      { distribution: defaultWeights },
    );
    const byTheme = new Map(comparison.themes.map((t) => [t.theme, t]));
    const privateLife = byTheme.get('private-life')!;
    expect(privateLife).toMatchObject({ verdict: 'mixed', leaning: 'looser' });
    expect(privateLife.looserShare).toBeGreaterThan(0.95);
    expect(privateLife.stricterShare).toBeLessThan(0.02);
    // Organisation accounts split both ways (stricter on about 43%, looser on about 20%): no leaning is claimed.
    expect(byTheme.get('organisation-accounts')).toMatchObject({ verdict: 'mixed', leaning: null });
    for (const t of comparison.themes)
      expect(t.leaning).toBe(t.verdict === 'mixed' ? leaningOf(t.stricterShare, t.looserShare) : null);
  }, 60_000);
});
