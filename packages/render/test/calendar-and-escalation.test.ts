// The calendar (when deadlines fall) and escalation (who is told when a duty slips) are part of what a person
// targeted online is promised, so the handbook says them in plain words under "If you are targeted online".
import type { Policy } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderMarkdown, renderText } from '../src/index.js';
import { examplePolicies } from './example-policies.js';
import { ATTACKS } from './fixtures/hostile-policy.js';

const flagship = examplePolicies.find((p) => p.file === '000_staff-union-alternative.yaml')!.policy;
const draft = examplePolicies.find((p) => p.file === 'management-draft.yaml')!.policy;

/** The Markdown of the "If you are targeted online" section, up to the next section. */
function targetedSection(policy: Policy): string {
  const markdown = renderMarkdown(policy);
  const start = markdown.indexOf('## If you are targeted online');
  expect(start).toBeGreaterThan(-1);
  const next = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('the calendar and escalation in the handbook', () => {
  it('says the flagship policy’s time zone, bank holidays and escalation in the targeted section', () => {
    const section = targetedSection(flagship);
    expect(section).toContain('Deadlines are kept in Europe/London time, across clock changes.');
    expect(section).toContain(
      'Working days are Monday to Friday, except bank holidays in England and Wales.',
    );
    expect(section).toContain(
      'If something the organisation must do for you is not done by its deadline, the leadership team is told within 4 hours of that deadline. Why: A must-duty that slips',
    );
    expect(renderText(flagship).replace(/\s+/g, ' ')).toContain(
      'the leadership team is told within 4 hours of that deadline',
    );
  });

  it('names closure days and every modality an escalation covers, and "at once" without overdueBy', () => {
    const policy: Policy = {
      ...flagship,
      calendar: { holidays: 'scotland', closures: ['2026-12-24', '2026-12-31'] },
      escalation: [{ id: 'told-at-once', tell: 'leadership', modalities: ['must', 'should'] }],
    };
    const section = targetedSection(policy);
    expect(section).not.toContain('Deadlines are kept in');
    expect(section).toContain(
      'Working days are Monday to Friday, except bank holidays in Scotland and the days the organisation is closed (2026-12-24 and 2026-12-31).',
    );
    expect(section).toContain(
      'If something the organisation must or should do for you is not done by its deadline, the leadership team is told at once.',
    );
  });

  it('says nothing of a calendar or escalation a policy does not have', () => {
    expect(draft.calendar).toBeUndefined();
    expect(draft.escalation).toBeUndefined();
    const section = targetedSection(draft);
    expect(section).not.toContain('Working days are');
    expect(section).not.toContain('is told');
  });

  it('escapes an escalation’s reason like every other word from the policy', () => {
    const policy: Policy = {
      ...flagship,
      escalation: [{ id: 'hostile', tell: 'leadership', reason: `${ATTACKS.script} ${ATTACKS.markdown}` }],
    };
    const html = renderHtml(policy);
    expect(html).not.toContain(ATTACKS.script);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(targetedSection(policy)).not.toContain('[click me](javascript:');
  });
});
