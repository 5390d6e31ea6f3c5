import { type Policy, parsePolicy } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { growthFactor } from '../../../test/support/timing.js';
import { renderHtml, renderMarkdown, renderMermaid, renderText } from '../src/index.js';
import { hostilePolicy } from './fixtures/hostile-policy.js';

const KINDS = ['organisational', 'personal-named', 'personal', 'pseudonymous'];

/** The hostile policy with `n` rules of ordinary size and a long word in every reason. */
function policyWith(n: number): Policy {
  const rules = Array.from({ length: n }, (_, i) => ({
    id: `rule-${i}`,
    title: `Rule ${i}`,
    when: {
      all: [
        { fact: 'account.kind', is: KINDS[i % 4] },
        {
          any: [{ fact: 'context.time', is: 'own-time' }, { not: { fact: 'content.hasConsent', is: true } }],
        },
      ],
    },
    outcome: 'permitted',
    reason: `Because ${'x'.repeat(300)} and a reason in words, rule ${i}.`,
  }));
  const parsed = parsePolicy({ ...structuredClone(hostilePolicy), rules });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.policy;
}

const cache = new Map<number, Policy>();
const sized = (n: number) => {
  let policy = cache.get(n);
  if (!policy) {
    policy = policyWith(n);
    cache.set(n, policy);
  }
  return policy;
};

describe.each([
  ['renderText', renderText],
  ['renderMarkdown', renderMarkdown],
  ['renderHtml', renderHtml],
  ['renderMermaid', renderMermaid],
] as const)('%s', (_name, render) => {
  it('takes at most about ten times as long for ten times the rules', () => {
    expect(growthFactor((n) => render(sized(n)), 20, 10)).toBeLessThan(20);
  });
});

describe('renderText with a language tag that is not one', () => {
  it('writes the title in capitals instead of throwing (toLocaleUpperCase refused the hostile tag)', () => {
    expect(hostilePolicy.language).toContain('onload');
    expect(renderText(hostilePolicy).split('\n')[0]).toMatch(/^HOSTILE /);
  });
});
