import { readFileSync } from 'node:fs';
import { compilePolicy, parsePolicySource } from '@fairpost/core';
import { applyEvent, type Incident, openIncident } from '@fairpost/core/incident';
import { describe, expect, it } from 'vitest';
import { ajvVerdict, EDITIONS } from './support/published-validators.js';

const file = new URL('../../examples/policies/000_staff-union-alternative.yaml', import.meta.url);
const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: 'flagship.yaml' });
if (!parsed.ok) throw new Error('the flagship policy does not parse');
const compiled = compilePolicy(parsed.policy);

function driven(): Incident {
  const opened = openIncident(
    compiled,
    { 'incident.kind': 'doxxing', 'incident.workRelated': true },
    { reportedAt: '2026-03-27T16:00:00Z', timeZone: 'Europe/London', id: 'case-1' },
  );
  if (!opened.ok) throw new Error('cannot open');
  let incident = opened.incident;
  for (const event of [
    { type: 'acknowledged', at: '2026-03-27T16:30:00Z', dutyId: 'safety-lead-receives-report' },
    { type: 'consent-given', at: '2026-03-27T17:00:00Z', dutyId: 'lock-down-accounts' },
    { type: 'done', at: '2026-03-27T18:00:00Z', dutyId: 'lock-down-accounts', note: 'Accounts locked.' },
    { type: 'fact-learned', at: '2026-03-28T09:00:00+01:00', fact: 'incident.severity', value: 'serious' },
    { type: 'reassigned', at: '2026-03-28T10:00:00Z', dutyId: 'risk-assessment', holder: 'hr' },
    { type: 'escalated', at: '2026-03-28T11:00:00Z', dutyId: 'risk-assessment', to: 'leadership' },
    { type: 'declined', at: '2026-03-28T12:00:00Z', dutyId: 'counselling' },
    { type: 'closed', at: '2026-04-30T12:00:00Z', note: 'Reviewed together.' },
  ]) {
    const next = applyEvent(incident, event);
    if (!next.ok) throw new Error(next.issue.message);
    incident = next.incident;
  }
  return incident;
}

describe('the published incident schema', () => {
  it('accepts an incident driven through every kind of event, in both editions', () => {
    const incident = JSON.parse(JSON.stringify(driven()));
    for (const edition of EDITIONS) expect(ajvVerdict(edition, 'incident', incident).errors).toEqual([]);
  });

  it.each([
    [
      'an event of no known type',
      (i: Incident) => ({ ...i, events: [{ type: 'forgotten', at: '2026-03-28T00:00:00Z' }] }),
    ],
    [
      'a done event without a note',
      (i: Incident) => ({ ...i, events: [{ type: 'done', at: '2026-03-28T00:00:00Z', dutyId: 'x' }] }),
    ],
    ['a time without a zone', (i: Incident) => ({ ...i, reportedAt: '2026-03-27 16:00' })],
    ['another format', (i: Incident) => ({ ...i, format: 'fairpost-incident/2' })],
  ])('rejects %s, in both editions', (_, edit) => {
    const incident = edit(JSON.parse(JSON.stringify(driven())));
    for (const edition of EDITIONS) expect(ajvVerdict(edition, 'incident', incident).valid).toBe(false);
  });
});
