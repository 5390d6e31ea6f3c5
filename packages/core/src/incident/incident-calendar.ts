import { incidentState } from './incident.js';
import type { Incident } from './incident-schema.js';

/** Escapes text for an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
function icsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, '');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = new TextEncoder().encode(char).length;
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** An instant as an iCalendar UTC DATE-TIME (`20260303T090000Z`). */
const icsTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * The deadlines of an incident as an iCalendar file (RFC 5545) for the duties' holders: one event at each open
 * duty's due time, naming what is due and who holds it. It carries no fact about the person — only the incident's
 * id, the duty and its holder — because calendars are shared and synchronised far beyond the safety lead.
 * @example
 * writeFileSync('deadlines.ics', incidentCalendar(incident));
 */
export function incidentCalendar(incident: Incident): string {
  const state = incidentState(incident);
  const stamp = icsTime(state.lastAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fairpost//Incident deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`Support deadlines: ${incident.id}`)}`,
  ];
  if (state.closedAt === undefined) {
    for (const duty of state.duties) {
      if (duty.dueAt === undefined || duty.doneAt || duty.declinedAt || !duty.owed) continue;
      const consent = duty.consentRequired ? ' Only with the person’s consent.' : '';
      lines.push(
        'BEGIN:VEVENT',
        `UID:${icsText(`${incident.id}.${duty.dutyId}@fairpost`)}`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${icsTime(duty.dueAt)}`,
        'DURATION:PT30M',
        `SUMMARY:${icsText(`Due: ${duty.action.label} (${duty.holder.label})`)}`,
        `DESCRIPTION:${icsText(`${duty.holder.label} ${duty.modality} ${duty.action.phrase}.${consent} Incident ${incident.id}, policy ${incident.policy.title}.`)}`,
        `CATEGORIES:${icsText(duty.modality)}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
