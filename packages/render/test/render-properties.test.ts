import { compilePolicy, evaluate, type Policy } from '@fairpost/core';
import { arbitraryPolicy, arbitraryScenario } from '@fairpost/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enGB, renderDecision, renderHtml, renderMarkdown, renderMermaid, renderText } from '../src/index.js';
import { runs } from '../../../test/support/property-runs.js';

const formats: [string, (p: Policy) => string, (kind: string, id: string) => string][] = [
  ['HTML', renderHtml, (kind, id) => `id="${kind}-${id}"`],
  ['Markdown', renderMarkdown, (kind, id) => `<a id="${kind}-${id}"></a>`],
  ['text', (p) => renderText(p), (kind, id) => `[${kind}-${id}]`],
];

describe.each(formats)('%s rendering of generated policies', (_name, render, anchor) => {
  it('shows every rule, duty and commitment by its anchor, and every rule’s reason', () => {
    fc.assert(
      fc.property(arbitraryPolicy(), (policy) => {
        const out = render(policy);
        for (const rule of policy.rules) expect(out).toContain(anchor('rule', rule.id));
        for (const duty of policy.duties ?? []) expect(out).toContain(anchor('duty', duty.id));
        for (const c of policy.commitments ?? []) expect(out).toContain(anchor('commitment', c.id));
        for (const reason of new Set(policy.rules.map((r) => r.reason))) {
          expect(out.replace(/\s+/g, ' ')).toContain(reason.replace(/\.$/, ''));
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('is deterministic: the same policy gives the same bytes', () => {
    fc.assert(
      fc.property(arbitraryPolicy(), (policy) => {
        expect(render(structuredClone(policy))).toBe(render(policy));
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('Mermaid rendering of generated policies', () => {
  it('has a question and an outcome per rule, in the resolution’s order, then the default', () => {
    fc.assert(
      fc.property(arbitraryPolicy(), (policy) => {
        const chart = renderMermaid(policy);
        expect(chart).toBe(renderMermaid(structuredClone(policy)));
        const ids = [...chart.matchAll(/%% rule-([a-z0-9-]+)/g)].map((m) => m[1]);
        const expected = policy.rules.map((r) => r.id);
        if (policy.resolution === 'first-match') expect(ids).toEqual([...expected, 'default']);
        else expect([...ids].sort()).toEqual([...expected, 'default'].sort());
        expect(chart.match(/\{"/g)?.length ?? 0).toBe(policy.rules.length);
      }),
      { numRuns: runs(40) },
    );
  });
});

describe('text rendering', () => {
  it('never exceeds 80 columns', () => {
    fc.assert(
      fc.property(arbitraryPolicy(), (policy) => {
        for (const line of renderText(policy).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      }),
      { numRuns: runs(30) },
    );
  });
});

describe('renderDecision for generated policies and scenarios', () => {
  it('names the decided outcome’s words and every triggered duty, and never throws', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy().chain((policy) => {
          const compiled = compilePolicy(policy);
          return fc.tuple(fc.constant(compiled), arbitraryScenario(compiled));
        }),
        ([compiled, scenario]) => {
          const decision = evaluate(compiled, scenario);
          const text = renderDecision(decision, { vocabulary: compiled });
          expect(text).toContain(enGB.outcomes[decision.outcome]);
          for (const duty of decision.duties) expect(text).toContain(duty.action.phrase);
          for (const rule of decision.decidedBy) expect(text).toContain(rule.reason);
          if (decision.outcome === 'undetermined') {
            for (const fact of decision.neededFacts) {
              expect(text).toContain(compiled.vocabulary.facts.get(fact)!.question!);
            }
          }
        },
      ),
      { numRuns: runs(100) },
    );
  });
});
