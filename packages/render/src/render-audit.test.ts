import { auditPolicy, parsePolicy } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { renderAudit } from './render-audit.js';
import { renderMarkdown } from './render-markdown.js';

const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) **bold** \u001b[31m';
const policy = parsePolicy({
  schemaVersion: '1.0.0',
  id: 'hostile',
  title: hostile,
  organisation: 'O',
  version: '1',
  language: 'en-GB',
  vocabulary: 'social-media/1',
  resolution: 'first-match',
  default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'r' },
  rules: [],
  commitments: [{ id: 'watch', commitment: 'monitor-personal-accounts', text: hostile }],
});
if (!policy.ok) throw new Error('policy');
const report = auditPolicy(policy.policy);

describe('renderAudit', () => {
  it('groups findings by theme and cites each source, in every format', () => {
    const md = renderAudit(report);
    expect(md).toContain('## Monitoring and intrusion');
    expect(md).toContain('## Support for staff who are targeted');
    expect(md).toContain('Employment practices and data protection');
    const html = renderAudit(report, { format: 'html' });
    expect(html).toContain('<a href="https://ico.org.uk/');
    expect(html).toContain('class="audit-summary"');
    expect(renderAudit(report, { format: 'text' })).toContain('MONITORING AND INTRUSION');
  });

  it('keeps hostile text inert in Markdown, HTML and text', () => {
    const html = renderAudit(report, { format: 'html' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const md = renderAudit(report);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/\]\(javascript/);
    expect(renderAudit(report, { format: 'text' })).not.toContain('\u001b');
  });

  it('shows only findings at the least severity asked for', () => {
    const errors = renderAudit(report, { least: 'error' });
    expect(errors).not.toContain('Warning:');
    expect(errors).toContain('Error:');
  });
});

describe('the weights beside the shares', () => {
  it('names the default weights, uniform weights, or the weights the caller names', () => {
    expect(renderAudit(report, { format: 'text' })).toContain(
      'Shares are measured under the default weights.',
    );
    expect(renderAudit(report, { format: 'text' })).toMatch(/of all situations under the default weights/);
    const uniform = auditPolicy(policy.policy, { weights: 'uniform' });
    expect(renderAudit(uniform)).toContain('Shares are measured under uniform weights.');
    expect(renderAudit(uniform, { weightsName: 'the weights in team.yaml', format: 'html' })).toContain(
      'of all situations under the weights in team.yaml',
    );
  });
});

describe('the handbook’s review dates', () => {
  it('lists the last review, how often, and the next review in the title block', () => {
    if (!policy.ok) throw new Error('policy');
    const md = renderMarkdown({
      ...policy.policy,
      title: 'Reviewed',
      commitments: [],
      review: { lastReviewed: '2026-03-01', every: 'P1Y6M', nextReview: '2027-09-01' },
    });
    expect(md).toContain('**Last reviewed:** 2026-03-01');
    expect(md).toContain('**Reviewed:** every year and 6 months');
    expect(md).toContain('**Next review:** 2027-09-01');
    expect(renderMarkdown({ ...policy.policy, commitments: [] })).not.toContain('review');
  });
});
