import { diffPolicies, type Policy } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { renderPolicyDiffHtml, renderPolicyDiffMarkdown } from './render-policy-diff.js';

const HOSTILE = '<script>alert(1)</script> [click](javascript:alert(1)) **bold** | cell\n# heading';

const v1: Policy = {
  schemaVersion: '1.0.0',
  id: 'p',
  title: 'Policy',
  organisation: 'Org',
  version: '1',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  resolution: 'first-match',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
  rules: [
    {
      id: 'own-time',
      when: { fact: 'context.time', is: 'own-time' },
      outcome: 'out-of-scope',
      reason: 'Your own time.',
    },
  ],
  duties: [
    {
      id: 'report',
      when: { fact: 'incident.workRelated', is: true },
      action: 'report-to-platforms',
      holder: 'comms-team',
      modality: 'must',
      deadline: 'PT4H',
      reason: 'We read it so you do not have to.',
    },
  ],
  commitments: [{ id: 'no-monitoring', commitment: 'no-monitoring-of-personal-accounts' }],
  doubt: {
    default: { resolve: 'outcome', outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask.' },
  },
};
const v2: Policy = {
  ...v1,
  rules: [{ ...v1.rules[0]!, outcome: 'not-permitted', reason: HOSTILE }],
  duties: [{ ...v1.duties![0]!, holder: 'person-targeted', deadline: 'P2D' }],
  commitments: [{ id: 'monitoring', commitment: 'monitor-personal-accounts' }],
  // A value no parsed policy could hold, so that the doubt section is shown hostile text too.
  doubt: {
    default: { resolve: 'strictest', reason: 'If in doubt, do not.' },
    facts: [{ fact: 'context.time', resolve: 'assume', value: HOSTILE, reason: 'r' }],
  },
};

describe('what changes for staff', () => {
  const diff = diffPolicies(v1, v2);
  const sides = { a: 'Version 1', b: HOSTILE };

  it('says in words that decisions are stricter, support weaker and a promise reversed', () => {
    const md = renderPolicyDiffMarkdown(diff, sides);
    expect(md).toContain('Decisions: **stricter**');
    expect(md).toContain('done by you yourself instead of the comms team');
    expect(md).toContain('within 2 days instead of within 4 hours');
    expect(md).toContain('Reversed: no-monitoring-of-personal-accounts becomes monitor-personal-accounts');
    expect(md).toContain('**Private life**');
    expect(md).toContain('What “not sure” means: **2 rules change**.');
    expect(md).toContain(
      'Any fact answered “not sure”: check-first (ask comms-team) → **the strictest outcome still possible**.',
    );
    expect(md).toContain(
      'context.time answered “not sure”: no rule of its own (the policy-wide rule, if any) →',
    );
  });

  it('keeps hostile policy text inert in Markdown: no raw HTML, no link, no heading, one line per item', () => {
    const md = renderPolicyDiffMarkdown(diff, sides);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/\]\(javascript/);
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toEqual(['# What changes for staff']);
  });

  it('keeps hostile policy text inert in HTML', () => {
    const html = renderPolicyDiffHtml(diff, sides);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html.match(/<a\b/g)).toBeNull();
  });
});
