import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doxxed, flagship } from '../testing/support/flagship.js';
import { apply, open, reportedAt, statusOf } from '../testing/support/flagship-incident.js';
import { applyEvent, incidentState, openIncident, parseIncident } from './incident.js';
import type { Incident, IncidentEvent } from './incident-schema.js';
import { IncidentSchema } from './incident-schema.js';
import { runs } from '../../../../test/support/property-runs.js';

const RUNS = { numRuns: runs(50) };
const duty = (incident: Incident, id: string) => incidentState(incident).duties.find((d) => d.dutyId === id);

describe('openIncident', () => {
  it('owes the flagship policy’s duties, each due at an instant kept in London time', () => {
    const incident = open();
    expect(duty(incident, 'safety-lead-receives-report')).toMatchObject({
      holder: { id: 'safety-lead' },
      modality: 'must',
      consentRequired: false,
      dueAt: '2026-03-27T20:00:00.000Z',
    });
    // P2D across the clock change: 16:00 local on Sunday, which is 15:00 UTC.
    expect(duty(incident, 'security-help')?.dueAt).toBe('2026-03-29T15:00:00.000Z');
    expect(duty(incident, 'lock-down-accounts')).toMatchObject({
      consentRequired: true,
      consent: 'not-asked',
    });
    expect(incident.policy.escalation?.[0]?.tell).toBe('leadership');
  });

  it('lists the duties that depend on facts not known yet', () => {
    const incident = open({ 'incident.kind': 'doxxing' });
    const state = incidentState(incident);
    expect(state.duties).toEqual([]);
    expect(state.undeterminedDuties.map((d) => d.neededFacts)).toContainEqual(['incident.workRelated']);
  });

  it('rejects facts the policy does not know, with their path', () => {
    const opened = openIncident(
      flagship,
      { 'incident.kind': 'swatting' },
      { reportedAt, timeZone: 'Europe/London' },
    );
    expect(opened.ok).toBe(false);
    if (!opened.ok)
      expect(opened.issues[0]).toMatchObject({ code: 'invalid-fact', path: ['facts', 'incident.kind'] });
  });

  it('rejects an unknown time zone', () => {
    const opened = openIncident(flagship, doxxed, { reportedAt, timeZone: 'Europe/Londres' });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.issues[0]).toMatchObject({ path: ['clock', 'timeZone'] });
  });
});

describe('applyEvent', () => {
  const at = (hours: number) => new Date(Date.parse(reportedAt) + hours * 3_600_000).toISOString();

  it('records acknowledgement, start and completion with its note', () => {
    const incident = apply(
      open(),
      { type: 'acknowledged', at: at(1), dutyId: 'safety-lead-receives-report' },
      { type: 'done', at: at(2), dutyId: 'safety-lead-receives-report', note: 'Called and agreed a plan.' },
    );
    expect(duty(incident, 'safety-lead-receives-report')).toMatchObject({
      acknowledgedAt: at(1),
      doneAt: at(2),
      doneNote: 'Called and agreed a plan.',
    });
  });

  it.each([
    [
      'a consent-needing duty started without consent',
      [] as IncidentEvent[],
      { type: 'started', at: at(1), dutyId: 'lock-down-accounts' },
      'consent-needed',
    ],
    [
      'a consent-needing duty done after consent was withdrawn',
      [
        { type: 'consent-given', at: at(1), dutyId: 'lock-down-accounts' },
        { type: 'consent-withdrawn', at: at(2), dutyId: 'lock-down-accounts' },
      ] as IncidentEvent[],
      { type: 'done', at: at(3), dutyId: 'lock-down-accounts', note: 'Locked.' },
      'consent-needed',
    ],
    [
      'an event after closing',
      [{ type: 'closed', at: at(1) }] as IncidentEvent[],
      { type: 'acknowledged', at: at(2), dutyId: 'risk-assessment' },
      'incident-closed',
    ],
    ['an unknown duty', [], { type: 'acknowledged', at: at(1), dutyId: 'make-tea' }, 'unknown-duty'],
    [
      'an event dated before the last one',
      [{ type: 'acknowledged', at: at(2), dutyId: 'risk-assessment' }] as IncidentEvent[],
      { type: 'started', at: at(1), dutyId: 'risk-assessment' },
      'out-of-order',
    ],
    [
      'an event dated before the report',
      [],
      { type: 'acknowledged', at: at(-1), dutyId: 'risk-assessment' },
      'out-of-order',
    ],
    [
      'a duty done twice',
      [{ type: 'done', at: at(1), dutyId: 'risk-assessment', note: 'Done.' }] as IncidentEvent[],
      { type: 'done', at: at(2), dutyId: 'risk-assessment', note: 'Again.' },
      'already-settled',
    ],
    [
      'consent to a duty that needs none',
      [],
      { type: 'consent-given', at: at(1), dutyId: 'risk-assessment' },
      'consent-not-needed',
    ],
    [
      'withdrawing consent never given',
      [],
      { type: 'consent-withdrawn', at: at(1), dutyId: 'lock-down-accounts' },
      'no-consent',
    ],
    [
      'reassigning to an unknown role',
      [],
      { type: 'reassigned', at: at(1), dutyId: 'risk-assessment', holder: 'the-cat' },
      'unknown-role',
    ],
    [
      'a done event without a note',
      [],
      { type: 'done', at: at(1), dutyId: 'risk-assessment' },
      'invalid-event',
    ],
    ['an event of no known type', [], { type: 'forgotten', at: at(1) }, 'invalid-event'],
    [
      'a fact with a value it cannot take',
      [],
      { type: 'fact-learned', at: at(1), fact: 'incident.severity', value: 'mild' },
      'invalid-fact',
    ],
  ])('rejects %s, leaving the incident as it was', (_, before, event, code) => {
    const incident = apply(open(), ...before);
    const snapshot = JSON.stringify(incident);
    const result = applyEvent(incident, event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.code).toBe(code);
      expect(result.issue.message.length).toBeGreaterThan(10);
    }
    expect(JSON.stringify(incident)).toBe(snapshot);
  });

  it('re-evaluates the duties owed when a fact is learned, keeping what is done', () => {
    const started = open({ 'incident.kind': 'harassment', 'incident.workRelated': true });
    const before = incidentState(started).duties.map((d) => d.dutyId);
    expect(before).not.toContain('pay-data-broker-removal');
    const done = apply(started, { type: 'done', at: at(1), dutyId: 'risk-assessment', note: 'Assessed.' });
    const learned = apply(done, { type: 'fact-learned', at: at(5), fact: 'incident.kind', value: 'doxxing' });
    expect(duty(learned, 'risk-assessment')).toMatchObject({ doneAt: at(1), owed: true });
    // A duty newly owed counts its deadline from when it became owed.
    expect(duty(learned, 'pay-data-broker-removal')).toMatchObject({ owedSince: at(5) });
  });

  it('keeps a duty with progress that a learned fact means is no longer owed, and refuses more events on it', () => {
    const started = apply(open(), { type: 'acknowledged', at: at(1), dutyId: 'pay-data-broker-removal' });
    const learned = apply(started, {
      type: 'fact-learned',
      at: at(2),
      fact: 'incident.kind',
      value: 'harassment',
    });
    expect(duty(learned, 'pay-data-broker-removal')).toMatchObject({ owed: false, acknowledgedAt: at(1) });
    expect(statusOf(learned, at(3), 'pay-data-broker-removal')).toBe('no-longer-owed');
    const refused = applyEvent(learned, { type: 'started', at: at(3), dutyId: 'pay-data-broker-removal' });
    expect(refused.ok || refused.issue.code).toBe('duty-not-owed');
  });
});

/** Any sequence of events over the flagship's duties, dated in order, many of them invalid. */
function eventsArbitrary(dutyIds: readonly string[]) {
  const dutyId = fc.constantFrom(...dutyIds, 'no-such-duty');
  const kind = fc.oneof(
    fc.record({
      type: fc.constantFrom('acknowledged', 'started', 'consent-given', 'consent-withdrawn'),
      dutyId,
    }),
    fc.record({ type: fc.constant('done'), dutyId, note: fc.constantFrom('Done.', 'Done <b>"&\'</b>.') }),
    fc.record({ type: fc.constant('declined'), dutyId }),
    fc.record({
      type: fc.constant('reassigned'),
      dutyId,
      holder: fc.constantFrom('hr', 'leadership', 'nobody'),
    }),
    fc.record({ type: fc.constant('escalated'), dutyId, to: fc.constantFrom('leadership', 'nobody') }),
    fc.record({
      type: fc.constant('fact-learned'),
      fact: fc.constantFrom('incident.kind', 'incident.severity'),
      value: fc.constantFrom('doxxing', 'harassment', 'threats', 'serious', 'risk-to-safety', 'none'),
    }),
    fc.record({ type: fc.constant('closed') }),
  );
  return fc.array(fc.tuple(kind, fc.integer({ min: -60, max: 600 })), { maxLength: 25 }).map((steps) => {
    let t = Date.parse(reportedAt);
    return steps.map(([event, minutes]) => {
      t += minutes * 60_000;
      return { ...event, at: new Date(t).toISOString() } as IncidentEvent;
    });
  });
}

describe('an incident’s record', () => {
  const dutyIds = (flagship.policy.duties ?? []).map((d) => d.id);

  it('replays from its JSON to the same state, after any sequence of events, and rejects nothing it accepted', () => {
    fc.assert(
      fc.property(eventsArbitrary(dutyIds), (events) => {
        let incident = open();
        for (const event of events) {
          const next = applyEvent(incident, event);
          if (next.ok) incident = next.incident;
        }
        const json = JSON.parse(JSON.stringify(incident));
        expect(IncidentSchema.safeParse(json).success).toBe(true);
        const read = parseIncident(json);
        expect(read.ok).toBe(true);
        if (read.ok) expect(incidentState(read.incident)).toEqual(incidentState(incident));
      }),
      RUNS,
    );
  });

  it('never holds a consent-needing duty started or done without consent, nor an event after closing', () => {
    fc.assert(
      fc.property(eventsArbitrary(dutyIds), (events) => {
        let incident = open();
        for (const event of events) {
          const next = applyEvent(incident, event);
          if (next.ok) incident = next.incident;
        }
        const consent = new Map<string, boolean>();
        let closed = false;
        for (const event of incident.events) {
          expect(closed).toBe(false);
          if (event.type === 'closed') closed = true;
          if (event.type === 'consent-given') consent.set(event.dutyId, true);
          if (event.type === 'consent-withdrawn') consent.set(event.dutyId, false);
          if (event.type === 'started' || event.type === 'done') {
            const needs =
              flagship.policy.duties?.find((d) => d.id === event.dutyId)?.consentRequired === true;
            if (needs) expect(consent.get(event.dutyId)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('is refused when edited into an inconsistent record, naming the event', () => {
    const incident = open();
    const edited = {
      ...incident,
      events: [{ type: 'started', at: '2026-03-27T17:00:00Z', dutyId: 'lock-down-accounts' }],
    };
    const read = parseIncident(edited);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.issues[0]).toMatchObject({ code: 'consent-needed', path: ['events', 0, 'type'] });
  });
});
