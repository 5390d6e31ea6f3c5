import { describeDeadline, resolveVocabulary } from '@fairpost/core';
import {
  type DutyStatus,
  type Incident,
  type IncidentEvent,
  incidentState,
  incidentStatus,
} from '@fairpost/core/incident';
import { escapeHtml } from './escape-html.js';
import { escapeMarkdown } from './escape-markdown.js';
import { capitalise } from './phrasebook.js';

/** How each duty status reads, to the person and to the safety lead. */
export const DUTY_STATUS_WORDS: Readonly<Record<DutyStatus, string>> = {
  done: 'done',
  declined: 'declined by you',
  'no-longer-owed': 'no longer owed',
  'waiting-for-consent': 'waiting for your consent',
  overdue: 'overdue',
  'due-soon': 'due soon',
  due: 'due',
};

/** How each duty status reads on the safety lead's checklist. */
export const DUTY_STATUS_WORDS_FOR_HOLDERS: Readonly<Record<DutyStatus, string>> = {
  ...DUTY_STATUS_WORDS,
  declined: 'declined',
  'waiting-for-consent': 'waiting for consent',
};

/** A time as a person reads it in the incident's zone: "Fri 27 Mar 2026, 16:00 GMT". */
export function formatIncidentTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** What the record says: one line per event, in plain words. */
function eventSentence(
  event: IncidentEvent,
  dutyLabel: (id: string) => string,
  roleLabel: (id: string) => string,
): string {
  switch (event.type) {
    case 'acknowledged':
      return `“${dutyLabel(event.dutyId)}” was acknowledged by the person who holds it.`;
    case 'started':
      return `Work on “${dutyLabel(event.dutyId)}” started.`;
    case 'done':
      return `“${dutyLabel(event.dutyId)}” was done: ${event.note}`;
    case 'declined':
      return `You declined “${dutyLabel(event.dutyId)}”.${event.note ? ` ${event.note}` : ''}`;
    case 'consent-given':
      return `You gave your consent to “${dutyLabel(event.dutyId)}”.`;
    case 'consent-withdrawn':
      return `You withdrew your consent to “${dutyLabel(event.dutyId)}”.`;
    case 'fact-learned':
      return 'Something new became known, and the support owed was checked again.';
    case 'reassigned':
      return `“${dutyLabel(event.dutyId)}” passed to ${roleLabel(event.holder)}.`;
    case 'escalated':
      return `${capitalise(roleLabel(event.to))} was told that “${dutyLabel(event.dutyId)}” had slipped.`;
    case 'closed':
      return `The incident was closed.${event.note ? ` ${event.note}` : ''}`;
    default:
      return event satisfies never;
  }
}

/** The record as plain parts, rendered by each format. */
function recordParts(incident: Incident, at: Date | string) {
  const state = incidentState(incident);
  const status = incidentStatus(incident, at);
  const vocabulary = resolveVocabulary(incident.policy.custom);
  const time = (iso: string) => formatIncidentTime(iso, incident.clock.timeZone);
  const dutyLabel = (id: string) => state.duties.find((d) => d.dutyId === id)?.action.label ?? id;
  const roleLabel = (id: string) => vocabulary.catalogues.roles.get(id)?.phrase ?? id;
  const facts = Object.entries(state.facts).map(([name, value]) => {
    const fact = vocabulary.facts.get(name);
    const valueLabel =
      fact?.type === 'enum'
        ? (fact.values.find((v) => v.value === value)?.label ?? String(value))
        : value === true
          ? 'yes'
          : 'no';
    return { label: fact?.label ?? name, value: valueLabel };
  });
  const duties = status.duties.map(({ duty, status: s }) => ({
    what: duty.text ?? `${capitalise(duty.holder.phrase)} ${duty.modality} ${duty.action.phrase}.`,
    label: duty.action.label,
    who: duty.holder.label,
    modality: duty.modality,
    due: duty.dueAt
      ? `${time(duty.dueAt)} (${describeDeadline(duty.deadline?.duration ?? '', { workingDays: duty.deadline?.workingDays === true })})`
      : 'no deadline',
    consent: duty.consentRequired,
    status: DUTY_STATUS_WORDS[s],
  }));
  const events = incident.events.map((e) => ({
    when: time(e.at),
    what: eventSentence(e, dutyLabel, roleLabel),
  }));
  return {
    title: 'Your support record',
    intro: `Incident ${incident.id}, under “${incident.policy.title}” (${incident.policy.organisation}, version ${incident.policy.version}). You reported it on ${time(incident.reportedAt)}. Times are in ${incident.clock.timeZone}; where things stand is as at ${time(status.at)}.`,
    closed: state.closedAt ? `This incident was closed on ${time(state.closedAt)}.` : undefined,
    facts,
    duties,
    events,
  };
}

/** The formats a person's record renders in. */
export type IncidentRecordFormat = 'markdown' | 'html';

/**
 * The person's own record of an incident, to keep or print: what they reported, the support owed to them with who
 * holds it, when it is due and where it stands, and what happened, in plain words. Everything taken from the policy
 * or the record (notes, titles) is escaped, so a hostile note renders as text. It holds nothing the person did not
 * give or is not owed: the rules of the policy and other people's incidents are not in it.
 * @example
 * writeFileSync('my-record.html', renderIncidentRecord(incident, { format: 'html' }));
 */
export function renderIncidentRecord(
  incident: Incident,
  options: { format: IncidentRecordFormat; at?: Date | string },
): string {
  const parts = recordParts(incident, options.at ?? new Date());
  switch (options.format) {
    case 'markdown':
      return recordMarkdown(parts);
    case 'html':
      return recordHtml(parts);
    default:
      return options.format satisfies never;
  }
}

type RecordParts = ReturnType<typeof recordParts>;

function recordMarkdown(r: RecordParts): string {
  const cell = (text: string) => escapeMarkdown(text);
  const out = [`# ${r.title}`, '', escapeMarkdown(r.intro), ''];
  if (r.closed) out.push(escapeMarkdown(r.closed), '');
  out.push('## What you told us', '');
  for (const f of r.facts) out.push(`- ${escapeMarkdown(f.label)}: ${escapeMarkdown(f.value)}`);
  out.push('', '## The support owed to you', '');
  out.push('| What | Who | How binding | Due | Where it stands |', '| --- | --- | --- | --- | --- |');
  for (const d of r.duties)
    out.push(
      `| ${cell(d.label)}: ${cell(d.what)}${d.consent ? ' Only with your consent.' : ''} | ${cell(d.who)} | ${d.modality} | ${cell(d.due)} | ${cell(d.status)} |`,
    );
  out.push('', '## What happened', '');
  if (r.events.length === 0) out.push('Nothing has been recorded yet.');
  for (const e of r.events) out.push(`- ${escapeMarkdown(e.when)}: ${escapeMarkdown(e.what)}`);
  out.push('');
  return out.join('\n');
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}
thead th{background:#eee}@media print{body{margin:0;max-width:none}}`;

function recordHtml(r: RecordParts): string {
  const e = escapeHtml;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(r.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(r.title)}</h1>`,
    `<p>${e(r.intro)}</p>`,
    ...(r.closed ? [`<p><strong>${e(r.closed)}</strong></p>`] : []),
    '<h2>What you told us</h2>',
    '<ul>',
    ...r.facts.map((f) => `<li>${e(f.label)}: ${e(f.value)}</li>`),
    '</ul>',
    '<h2>The support owed to you</h2>',
    '<table>',
    '<thead><tr><th scope="col">What</th><th scope="col">Who</th><th scope="col">How binding</th><th scope="col">Due</th><th scope="col">Where it stands</th></tr></thead>',
    '<tbody>',
    ...r.duties.map(
      (d) =>
        `<tr><td><strong>${e(d.label)}</strong>: ${e(d.what)}${d.consent ? ' <em>Only with your consent.</em>' : ''}</td><td>${e(d.who)}</td><td>${e(d.modality)}</td><td>${e(d.due)}</td><td>${e(d.status)}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '<h2>What happened</h2>',
    r.events.length === 0 ? '<p>Nothing has been recorded yet.</p>' : '<ol>',
    ...r.events.map((ev) => `<li><time>${e(ev.when)}</time>: ${e(ev.what)}</li>`),
    ...(r.events.length === 0 ? [] : ['</ol>']),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * An incident's checklist as plain text for the safety lead's terminal: each duty with its holder, due time and
 * status, the most urgent first, then the escalations owed.
 * @example
 * process.stdout.write(renderIncidentStatus(incident, new Date()));
 */
export function renderIncidentStatus(incident: Incident, at: Date | string): string {
  const status = incidentStatus(incident, at);
  const time = (iso: string) => formatIncidentTime(iso, incident.clock.timeZone);
  const order: readonly DutyStatus[] = [
    'overdue',
    'due-soon',
    'waiting-for-consent',
    'due',
    'done',
    'declined',
    'no-longer-owed',
  ];
  const duties = [...status.duties].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const out = [
    `Incident ${incident.id} under “${incident.policy.title}”, reported ${time(incident.reportedAt)}.`,
    `As at ${time(status.at)}${status.closed ? ' (closed)' : ''}:`,
    '',
  ];
  for (const { duty, status: s } of duties)
    out.push(
      `  ${DUTY_STATUS_WORDS_FOR_HOLDERS[s].toUpperCase().padEnd(20)} ${duty.dutyId}: ${duty.holder.label}, ${duty.modality}, ${duty.dueAt ? `due ${time(duty.dueAt)}` : 'no deadline'}`,
    );
  if (status.escalations.length > 0) {
    out.push('', 'Escalations owed:');
    for (const e of status.escalations)
      out.push(`  tell ${e.tell.label} that ${e.dutyId} slipped (owed since ${time(e.since)})`);
  }
  out.push('');
  return out.join('\n');
}
