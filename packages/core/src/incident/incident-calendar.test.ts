import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { apply, open } from '../testing/support/flagship-incident.js';
import { incidentState } from './incident.js';
import { incidentCalendar } from './incident-calendar.js';

describe('incidentCalendar', () => {
  it('is RFC 5545 that a calendar library reads back: one event per open deadline, at its due time', () => {
    const incident = apply(open(), {
      type: 'done',
      at: '2026-03-27T17:00:00Z',
      dutyId: 'safety-lead-receives-report',
      note: 'Called; agreed a plan, and a time to talk; \\ ok',
    });
    const ics = incidentCalendar(incident);
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const open_ = incidentState(incident).duties.filter((d) => d.dueAt && !d.doneAt && !d.declinedAt);
    expect(events.map((e) => e.uid).sort()).toEqual(open_.map((d) => `case-1.${d.dutyId}@fairpost`).sort());
    for (const event of events) {
      const duty = open_.find((d) => event.uid === `case-1.${d.dutyId}@fairpost`);
      expect(event.startDate.toJSDate().toISOString()).toBe(duty?.dueAt);
      expect(event.summary).toBe(`Due: ${duty?.action.label} (${duty?.holder.label})`);
    }
  });

  it('carries no fact about the person', () => {
    const ics = incidentCalendar(open());
    expect(ics).not.toMatch(/doxxing|incident\.kind/);
  });
});
