import { compilePolicy } from '@fairpost/core';
import { applyEvent, type Incident, openIncident } from '@fairpost/core/incident';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderIncidentRecord, renderIncidentStatus } from '../src/incident.js';
import { examplePolicies } from './example-policies.js';
import { ATTACKS, hostilePolicy } from './fixtures/hostile-policy.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}
const elements = (node: Node): Node[] => [
  ...(node.tagName ? [node] : []),
  ...[...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].flatMap(elements),
];
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');

function drive(incident: Incident, events: unknown[]): Incident {
  return events.reduce<Incident>((current, event) => {
    const next = applyEvent(current, event);
    if (!next.ok) throw new Error(next.issue.message);
    return next.incident;
  }, incident);
}

const flagship = examplePolicies.find((p) => p.file.startsWith('000_'))!.policy;
const opened = openIncident(
  compilePolicy(flagship),
  { 'incident.kind': 'doxxing', 'incident.workRelated': true },
  { reportedAt: '2026-03-27T16:00:00Z', timeZone: 'Europe/London', id: 'case-1' },
);
if (!opened.ok) throw new Error('cannot open');
const hostileNote = Object.values(ATTACKS).join(' ');
const record = drive(opened.incident, [
  { type: 'acknowledged', at: '2026-03-27T16:30:00Z', dutyId: 'safety-lead-receives-report' },
  { type: 'done', at: '2026-03-27T17:00:00Z', dutyId: 'safety-lead-receives-report', note: hostileNote },
  { type: 'declined', at: '2026-03-27T18:00:00Z', dutyId: 'counselling', note: ATTACKS.heading },
]);

describe('renderIncidentRecord', () => {
  it('tells the person what they reported, the support owed with its status and due time, and what happened', () => {
    const md = renderIncidentRecord(record, { format: 'markdown', at: '2026-03-28T18:00:00Z' });
    expect(md).toContain('# Your support record');
    expect(md).toContain('- Incident: Doxxing');
    expect(md).toContain('| Risk assessment: The safety lead must assess the risk with you');
    expect(md).toContain('Sat, 28 Mar 2026, 16:00 GMT (within 24 hours) | overdue |');
    expect(md).toContain('| declined by you |');
    expect(md).toContain('waiting for your consent');
  });

  it('renders a hostile note and a hostile policy as text in HTML', () => {
    const hostile = openIncident(
      compilePolicy(hostilePolicy),
      { 'custom.evilFlag': true },
      { reportedAt: '2026-03-27T16:00:00Z', timeZone: 'Europe/London' },
    );
    if (!hostile.ok) throw new Error(hostile.issues[0]?.message);
    const withNote = drive(hostile.incident, [
      { type: 'consent-given', at: '2026-03-27T16:10:00Z', dutyId: 'evil-duty' },
      { type: 'done', at: '2026-03-27T16:20:00Z', dutyId: 'evil-duty', note: hostileNote },
    ]);
    for (const incident of [record, withNote]) {
      const html = renderIncidentRecord(incident, { format: 'html', at: '2026-03-28T18:00:00Z' });
      const all = elements(parse(html) as unknown as Node);
      expect(all.filter((e) => ['script', 'iframe', 'img', 'svg', 'a'].includes(e.tagName!))).toEqual([]);
      expect(all.flatMap((e) => (e.attrs ?? []).filter((a) => /^on/i.test(a.name)))).toEqual([]);
      expect(textOf(all.find((e) => e.tagName === 'body')!)).toContain(ATTACKS.script);
    }
  });

  it('keeps a hostile note from making Markdown links, headings or table cells', () => {
    const md = renderIncidentRecord(record, { format: 'markdown', at: '2026-03-28T18:00:00Z' });
    expect(md).not.toMatch(/^# Not a heading/m);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    // Brackets are written as character references, which no Markdown reader turns into a link.
    expect(md).toContain('&#91;click me&#93;');
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });
});

describe('renderIncidentStatus', () => {
  it('lists overdue duties first and the escalations owed', () => {
    const text = renderIncidentStatus(opened.incident, '2026-03-28T12:00:00Z');
    const lines = text.split('\n').filter((l) => l.startsWith('  '));
    expect(lines[0]).toMatch(
      /^ {2}OVERDUE +safety-lead-receives-report: Safety lead, must, due Fri, 27 Mar 2026, 20:00 GMT/,
    );
    expect(text).toContain('Escalations owed:');
    expect(text).toContain(
      'tell Leadership that safety-lead-receives-report slipped (owed since Sat, 28 Mar 2026, 00:00 GMT)',
    );
  });
});

describe('deadlines in working days', () => {
  it('are said as working days in the handbook and in a decision', async () => {
    const { evaluate, parsePolicy } = await import('@fairpost/core');
    const { renderMarkdown, renderDecision } = await import('../src/index.js');
    const edited = structuredClone(flagship) as { duties: { id: string; deadline?: string }[] };
    edited.duties.find((d) => d.id === 'security-help')!.deadline = '2 working days';
    const parsed = parsePolicy(edited);
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    expect(renderMarkdown(parsed.policy)).toContain('Within 2 working days');
    const compiled = compilePolicy(parsed.policy);
    const decision = evaluate(compiled, { 'incident.kind': 'doxxing', 'incident.workRelated': true });
    expect(renderDecision(decision, { vocabulary: compiled })).toContain('within 2 working days');
  });
});
