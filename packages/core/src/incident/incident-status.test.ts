import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, open, reportedAt, statusOf } from '../testing/support/flagship-incident.js';
import { incidentStatus } from './incident-status.js';
import { runs } from '../../../../test/support/property-runs.js';

describe('incidentStatus', () => {
  it('shows due, due soon and overdue as the clock moves, and consent-needing duties waiting', () => {
    const incident = open();
    expect(statusOf(incident, '2026-03-27T16:30:00Z', 'safety-lead-receives-report')).toBe('due');
    expect(statusOf(incident, '2026-03-27T19:30:00Z', 'safety-lead-receives-report')).toBe('due-soon');
    expect(statusOf(incident, '2026-03-27T20:00:01Z', 'safety-lead-receives-report')).toBe('overdue');
    expect(statusOf(incident, '2026-04-27T00:00:00Z', 'lock-down-accounts')).toBe('waiting-for-consent');
    const consented = apply(incident, {
      type: 'consent-given',
      at: '2026-03-27T17:00:00Z',
      dutyId: 'lock-down-accounts',
    });
    expect(statusOf(consented, '2026-03-28T17:00:00Z', 'lock-down-accounts')).toBe('overdue');
  });

  it('owes leadership a word when a must-duty is 4 hours overdue, until the escalation is recorded', () => {
    const incident = open();
    // safety-lead-receives-report is due at 20:00 UTC; leadership is owed a word from 00:00.
    expect(incidentStatus(incident, '2026-03-27T23:59:00Z').escalations.map((e) => e.dutyId)).not.toContain(
      'safety-lead-receives-report',
    );
    const owed = incidentStatus(incident, '2026-03-28T00:00:00Z').escalations;
    expect(owed).toContainEqual(
      expect.objectContaining({
        dutyId: 'safety-lead-receives-report',
        tell: expect.objectContaining({ id: 'leadership' }),
        since: '2026-03-28T00:00:00.000Z',
      }),
    );
    const told = apply(incident, {
      type: 'escalated',
      at: '2026-03-28T00:05:00Z',
      dutyId: 'safety-lead-receives-report',
      to: 'leadership',
    });
    expect(incidentStatus(told, '2026-03-28T01:00:00Z').escalations.map((e) => e.dutyId)).not.toContain(
      'safety-lead-receives-report',
    );
    // Should-duties are not escalated by a rule for must-duties.
    expect(incidentStatus(incident, '2026-06-01T00:00:00Z').escalations.map((e) => e.dutyId)).not.toContain(
      'review-afterwards',
    );
  });

  it('only moves a duty on from due to due soon to overdue as time passes, and owes nothing once closed', () => {
    const incident = open();
    const closed = apply(incident, { type: 'closed', at: '2026-03-27T16:05:00Z' });
    const clock = ['due', 'due-soon', 'overdue'];
    const start = Date.parse(reportedAt);
    const instant = fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => new Date(start + m * 60_000));
    fc.assert(
      fc.property(instant, instant, (x, y) => {
        const [earlier, later] = x <= y ? [x, y] : [y, x];
        const before = incidentStatus(incident, earlier).duties;
        const after = incidentStatus(incident, later).duties;
        before.forEach(({ duty, status }, i) => {
          expect(after[i]!.duty.dutyId).toBe(duty.dutyId);
          if (clock.includes(status))
            expect(clock.indexOf(after[i]!.status)).toBeGreaterThanOrEqual(clock.indexOf(status));
          else expect(after[i]!.status).toBe(status);
        });
        expect(incidentStatus(closed, later)).toMatchObject({ closed: true, escalations: [] });
      }),
      { numRuns: runs(100) },
    );
  });
});
