import type { CompiledPolicy } from '@fairpost/core';
import {
  applyEvent,
  type DutyState,
  type DutyStatus,
  type Incident,
  incidentState,
  incidentStatus,
  openIncident,
  parseIncident,
} from '@fairpost/core/incident';
import { questionAbout } from './choose-question.js';
import { h, replaceChildren, uniqueId } from '@fairpost/page-kit/dom';
import { listIncidents, saveIncident } from './incident-store.js';
import { type Answers, createQuestionnaire } from './questionnaire.js';
import { clockOf, timeFormatter, toLocalInputValue } from './targeted-view.js';

const STATUS_WORDS: Readonly<Record<DutyStatus, string>> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'waiting-for-consent': 'Waiting for consent',
  due: 'Due',
  done: 'Done',
  declined: 'Declined by the person',
  'no-longer-owed': 'No longer owed',
};
const STATUS_ORDER: readonly DutyStatus[] = [
  'overdue',
  'due-soon',
  'waiting-for-consent',
  'due',
  'done',
  'declined',
  'no-longer-owed',
];

/** A labelled drop-down and the button that records the chosen option (native controls, so keyboard works). */
function chooseAndRecord(options: {
  label: string;
  cls: string;
  choices: readonly { value: string; label: string }[];
  button: string;
  onRecord: (value: string) => void;
}): HTMLElement {
  const id = uniqueId(options.cls);
  const select = h(
    'select',
    { id, class: options.cls },
    options.choices.map((c) => h('option', { value: c.value }, c.label)),
  );
  return h(
    'span',
    { class: `lead-choose ${options.cls}-control` },
    h('label', { for: id }, options.label),
    ' ',
    select,
    ' ',
    h(
      'button',
      { type: 'button', class: options.cls, onclick: () => options.onRecord(select.value) },
      options.button,
    ),
  );
}

/**
 * The "Safety lead" view: incidents kept in this browser (IndexedDB), each with its dated checklist — overdue, due
 * soon, waiting for consent, done — the escalations owed, and buttons to record what happens. Every event goes
 * through `applyEvent`, so nothing that would leave the record inconsistent is stored; JSON export and import move an
 * incident between browsers or to the CLI.
 */
export function createLeadView(compiled: CompiledPolicy, now: () => Date = () => new Date()): HTMLElement {
  const clock = clockOf(compiled);
  // The roles a duty can pass to or someone can be told: every role the policy's vocabulary names.
  const roles = [...compiled.vocabulary.catalogues.roles.values()].map((r) => ({
    value: r.id,
    label: r.label,
  }));
  const format = timeFormatter(clock.timeZone);
  let incidents: Incident[] = [];
  let selectedId: string | undefined;
  let asAt: Date | undefined;

  const problem = h('p', { class: 'lead-problem', role: 'alert' });
  const list = h('div', { class: 'lead-list' });
  const detail = h('div', { class: 'lead-incident' });

  const at = () => asAt ?? now();
  const selected = () => incidents.find((i) => i.id === selectedId);

  async function refresh(): Promise<void> {
    incidents = await listIncidents();
    if (!selected()) selectedId = incidents[0]?.id;
    drawList();
    drawDetail();
  }

  async function store(incident: Incident): Promise<void> {
    await saveIncident(incident);
    selectedId = incident.id;
    await refresh();
  }

  async function record(event: Record<string, unknown>): Promise<void> {
    const incident = selected();
    if (!incident) return;
    const next = applyEvent(incident, { ...event, at: at().toISOString() });
    if (!next.ok) {
      replaceChildren(problem, `Not recorded: ${next.issue.message}.`);
      return;
    }
    replaceChildren(problem);
    await store(next.incident);
  }

  function drawList(): void {
    replaceChildren(
      list,
      h('h3', {}, 'Incidents in this browser'),
      incidents.length === 0
        ? h('p', {}, 'None yet. Open one below, or import one.')
        : h(
            'ul',
            { class: 'incident-list' },
            incidents.map((incident) => {
              const status = incidentStatus(incident, at());
              const overdue = status.duties.filter((d) => d.status === 'overdue').length;
              return h(
                'li',
                { 'data-incident': incident.id },
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-pressed': incident.id === selectedId ? 'true' : 'false',
                    onclick: () => {
                      selectedId = incident.id;
                      drawList();
                      drawDetail();
                    },
                  },
                  `${incident.id}, reported ${format.format(new Date(incident.reportedAt))}`,
                  status.closed ? ' (closed)' : overdue > 0 ? ` (${overdue} overdue)` : '',
                ),
              );
            }),
          ),
    );
  }

  function dutyRow(duty: DutyState, status: DutyStatus, closed: boolean): HTMLElement {
    const noteId = uniqueId('note');
    const note = h('input', { id: noteId, type: 'text', class: 'done-note', placeholder: 'What was done' });
    const button = (label: string, event: Record<string, unknown>, cls: string) =>
      h(
        'button',
        { type: 'button', class: cls, onclick: () => void record({ dutyId: duty.dutyId, ...event }) },
        label,
      );
    const settled = status === 'done' || status === 'declined' || status === 'no-longer-owed';
    return h(
      'li',
      { class: `lead-duty status-${status}`, 'data-duty': duty.dutyId, 'data-status': status },
      h(
        'p',
        { class: 'lead-duty-what' },
        h('strong', {}, duty.action.label),
        ` — ${duty.holder.label}, ${duty.modality}`,
      ),
      h(
        'p',
        { class: 'lead-duty-state' },
        h('span', { class: 'status' }, STATUS_WORDS[status]),
        duty.dueAt
          ? [', due ', h('time', { datetime: duty.dueAt }, format.format(new Date(duty.dueAt)))]
          : ', no deadline',
        duty.consentRequired ? `; consent: ${duty.consent.replace('-', ' ')}` : '',
        duty.acknowledgedAt ? '; acknowledged' : '',
        duty.startedAt ? '; started' : '',
        duty.doneNote ? `; done: ${duty.doneNote}` : '',
        duty.escalations.length > 0
          ? `; told: ${duty.escalations.map((e) => roles.find((r) => r.value === e.to)?.label ?? e.to).join(', ')}`
          : '',
      ),
      closed || settled
        ? null
        : h(
            'div',
            { class: 'lead-duty-actions' },
            duty.acknowledgedAt ? null : button('Acknowledge', { type: 'acknowledged' }, 'acknowledge'),
            duty.startedAt ? null : button('Start', { type: 'started' }, 'start'),
            duty.consentRequired && duty.consent !== 'given'
              ? button('Consent given', { type: 'consent-given' }, 'consent-given')
              : null,
            duty.consent === 'given'
              ? button('Consent withdrawn', { type: 'consent-withdrawn' }, 'consent-withdrawn')
              : null,
            button('Declined', { type: 'declined' }, 'declined'),
            // Rarer steps, folded away so that the checklist stays readable; <details> opens from the keyboard.
            h(
              'details',
              { class: 'lead-duty-more' },
              h('summary', {}, 'Reassign, or tell someone'),
              chooseAndRecord({
                label: `Reassign ${duty.action.label} to`,
                cls: 'reassign',
                choices: roles.filter((r) => r.value !== duty.holder.id),
                button: 'Reassign',
                onRecord: (holder) => void record({ type: 'reassigned', dutyId: duty.dutyId, holder }),
              }),
              chooseAndRecord({
                label: `Tell someone ${duty.action.label} has slipped:`,
                cls: 'escalate',
                choices: roles,
                button: 'Told',
                onRecord: (to) => void record({ type: 'escalated', dutyId: duty.dutyId, to }),
              }),
            ),
            h('label', { for: noteId, class: 'visually-hidden' }, `What was done for ${duty.action.label}`),
            note,
            h(
              'button',
              {
                type: 'button',
                class: 'done',
                onclick: () =>
                  void record({ type: 'done', dutyId: duty.dutyId, note: note.value.trim() || 'Done.' }),
              },
              'Done',
            ),
          ),
    );
  }

  /**
   * Records a fact learned about the incident: the duties owed are evaluated again, so the checklist can gain or
   * lose duties. The value choices follow the chosen fact.
   */
  function factForm(): HTMLElement {
    const factId = uniqueId('fact');
    const valueId = uniqueId('fact-value');
    const questions = [...compiled.vocabulary.facts.values()].map(questionAbout);
    const values = h('select', { id: valueId, class: 'fact-value' });
    const fill = (fact: string) => {
      const question = questions.find((q) => q.fact === fact);
      replaceChildren(
        values,
        (question?.choices ?? []).map((c) => h('option', { value: JSON.stringify(c.value) }, c.label)),
      );
    };
    const facts = h(
      'select',
      { id: factId, class: 'fact', onchange: () => fill(facts.value) },
      questions.map((q) => h('option', { value: q.fact }, q.question)),
    );
    fill(facts.value);
    return h(
      'div',
      { class: 'lead-fact', role: 'group', 'aria-labelledby': `${factId}-title` },
      h('h4', { id: `${factId}-title` }, 'Something new is known'),
      h('div', { class: 'field' }, h('label', { for: factId }, 'What'), facts),
      h('div', { class: 'field' }, h('label', { for: valueId }, 'Answer'), values),
      h(
        'button',
        {
          type: 'button',
          class: 'learn-fact',
          onclick: () =>
            void record({ type: 'fact-learned', fact: facts.value, value: JSON.parse(values.value) }),
        },
        'Record it (the duties owed are checked again)',
      ),
    );
  }

  function drawDetail(): void {
    const incident = selected();
    if (!incident) {
      replaceChildren(detail);
      return;
    }
    const state = incidentState(incident);
    const status = incidentStatus(incident, at());
    const duties = [...status.duties].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
    );
    const exportHref = URL.createObjectURL(
      new Blob([`${JSON.stringify(incident, null, 2)}\n`], { type: 'application/json' }),
    );
    replaceChildren(
      detail,
      h('h3', {}, `Incident ${incident.id}`),
      h(
        'p',
        {},
        `Reported ${format.format(new Date(incident.reportedAt))}; `,
        `${state.duties.length} duties; as at ${format.format(at())}`,
        status.closed ? '; closed.' : '.',
      ),
      status.escalations.length > 0
        ? h(
            'div',
            { class: 'escalations', role: 'status' },
            h('h4', {}, 'Tell someone: support has slipped'),
            h(
              'ul',
              {},
              status.escalations.map((e) =>
                h(
                  'li',
                  { 'data-duty': e.dutyId },
                  `Tell ${e.tell.label}: ${e.dutyId} is overdue (since ${format.format(new Date(e.since))}). `,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'escalated',
                      onclick: () => void record({ type: 'escalated', dutyId: e.dutyId, to: e.tell.id }),
                    },
                    'Told',
                  ),
                ),
              ),
            ),
          )
        : null,
      status.closed ? null : factForm(),
      h(
        'ol',
        { class: 'lead-duties' },
        duties.map((d) => dutyRow(d.duty, d.status, status.closed)),
      ),
      h(
        'div',
        { class: 'lead-incident-actions' },
        status.closed
          ? null
          : h(
              'button',
              { type: 'button', class: 'close-incident', onclick: () => void record({ type: 'closed' }) },
              'Close the incident',
            ),
        h('a', { class: 'export', href: exportHref, download: `${incident.id}.json` }, 'Export as JSON'),
      ),
    );
  }

  function openForm(answers: Answers): HTMLElement {
    const inputId = uniqueId('lead-reported-at');
    const input = h('input', { id: inputId, type: 'datetime-local', value: toLocalInputValue(now()) });
    return h(
      'div',
      { class: 'lead-open-form' },
      h('div', { class: 'field' }, h('label', { for: inputId }, 'Reported at'), input),
      h(
        'button',
        {
          type: 'button',
          class: 'open-incident',
          onclick: () => {
            const reportedAt = new Date(input.value);
            if (Number.isNaN(reportedAt.getTime())) {
              replaceChildren(problem, 'Give the time of the report.');
              return;
            }
            const opened = openIncident(compiled, answers.scenario, {
              reportedAt,
              timeZone: clock.timeZone,
              id: `incident-${reportedAt
                .toISOString()
                .replace(/[^0-9]/g, '')
                .slice(0, 12)}`,
            });
            if (!opened.ok) {
              replaceChildren(problem, `Not opened: ${opened.issues[0]?.message}.`);
              return;
            }
            if (incidents.some((i) => i.id === opened.incident.id)) {
              replaceChildren(
                problem,
                `An incident reported at that minute is already stored (${opened.incident.id}).`,
              );
              return;
            }
            replaceChildren(problem);
            void store(opened.incident);
          },
        },
        'Open the incident',
      ),
    );
  }

  const asAtId = uniqueId('as-at');
  const asAtInput = h('input', {
    id: asAtId,
    type: 'datetime-local',
    class: 'as-at',
    onchange: () => {
      const value = new Date(asAtInput.value);
      asAt = Number.isNaN(value.getTime()) ? undefined : value;
      drawList();
      drawDetail();
    },
  });
  const importId = uniqueId('import');
  const importInput = h('input', {
    id: importId,
    type: 'file',
    accept: '.json,application/json',
    onchange: async () => {
      const file = importInput.files?.[0];
      importInput.value = '';
      if (!file) return;
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        replaceChildren(problem, `${file.name} is not JSON.`);
        return;
      }
      const parsed = parseIncident(json);
      if (!parsed.ok) {
        replaceChildren(problem, `${file.name} is not a usable incident: ${parsed.issues[0]?.message}.`);
        return;
      }
      replaceChildren(problem);
      await store(parsed.incident);
    },
  });

  const element = h(
    'section',
    { class: 'view', id: 'view-lead', 'aria-labelledby': 'lead-title' },
    h('h2', { id: 'lead-title' }, 'Safety lead'),
    h(
      'p',
      { class: 'lede' },
      'The incidents you are handling, kept in this browser only: what is due, what is overdue, what waits for the person’s consent. Record each step as it happens.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: asAtId }, 'As at'),
      asAtInput,
      h(
        'p',
        { class: 'hint' },
        `Empty means now. Events are recorded at this time. Times in ${clock.timeZone}.`,
      ),
    ),
    problem,
    list,
    detail,
    h(
      'div',
      { class: 'lead-open' },
      h('h3', {}, 'Open an incident'),
      createQuestionnaire({ compiled, name: 'What is happening', goal: 'duties', result: openForm }),
    ),
    h('div', { class: 'field' }, h('label', { for: importId }, 'Import an incident (JSON)'), importInput),
  );
  void refresh();
  return element;
}
