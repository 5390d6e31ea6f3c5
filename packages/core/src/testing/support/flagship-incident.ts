import { applyEvent, openIncident } from '../../incident/incident.js';
import type { Incident, IncidentEvent } from '../../incident/incident-schema.js';
import { incidentStatus } from '../../incident/incident-status.js';
import { doxxed, flagship } from './flagship.js';

// The incident tests' shared case: a doxxing reported under the flagship policy on a Friday before the clocks change.

/** When the incident is reported: Friday 27 March 2026, 16:00 in London (GMT); the clocks go forward on Sunday 29 March. */
export const reportedAt = '2026-03-27T16:00:00Z';

/** An incident opened on the flagship at `reportedAt` in London, `case-1`. */
export function open(facts: object = doxxed): Incident {
  const opened = openIncident(flagship, facts, { reportedAt, timeZone: 'Europe/London', id: 'case-1' });
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('; '));
  return opened.incident;
}

/** The incident after events that must all be accepted. */
export function apply(incident: Incident, ...events: IncidentEvent[]): Incident {
  let current = incident;
  for (const event of events) {
    const next = applyEvent(current, event);
    if (!next.ok) throw new Error(next.issue.message);
    current = next.incident;
  }
  return current;
}

/** A duty's status at an instant. */
export const statusOf = (incident: Incident, at: string, id: string) =>
  incidentStatus(incident, at).duties.find((d) => d.duty.dutyId === id)?.status;
