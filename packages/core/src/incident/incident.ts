import { compilePolicy, type CompiledPolicy } from '../evaluate/compile-policy.js';
import { evaluate } from '../evaluate/evaluate.js';
import { type DeadlineClock, deadlineDue } from '../deadline/deadline-due.js';
import type { Deadline } from '../deadline/duration.js';
import type { TriggeredDuty } from '../model/decision.js';
import { SCHEMA_VERSION, VOCABULARY_ID } from '../model/policy-format.js';
import type { Policy } from '../model/policy.js';
import { describeReceived } from '../parse/issue.js';
import { parseScenario } from '../parse/scenario.js';
import { fromZodIssues } from '../parse/zod-issues.js';
import type { FactValue } from '../vocabulary/fact-types.js';
import type { CatalogueEntry } from '../vocabulary/vocabulary-schema.js';
import type { IncidentIssue } from './incident-issue.js';
import {
  INCIDENT_FORMAT,
  type Incident,
  type IncidentClock,
  type IncidentEvent,
  IncidentEventSchema,
  type IncidentPolicy,
  IncidentSchema,
} from './incident-schema.js';

/** Whether the person has consented to a duty that needs it. */
export type ConsentState = 'not-needed' | 'not-asked' | 'given' | 'withdrawn';

/** A duty of an incident as its events leave it. */
export interface DutyState {
  readonly dutyId: string;
  readonly action: CatalogueEntry;
  /** Who holds it now (after any reassignment). */
  readonly holder: CatalogueEntry;
  readonly modality: TriggeredDuty['modality'];
  readonly consentRequired: boolean;
  /** The policy's deadline, when it sets one. */
  readonly deadline?: Deadline;
  /** The duty in the policy's own words, when it has them. */
  readonly text?: string;
  readonly reason: string;
  /** Whether the facts still call for it (false when a fact learned later means it is no longer owed). */
  readonly owed: boolean;
  /** When it became owed: the report, or the fact learned that triggered it. */
  readonly owedSince: string;
  /** When it falls due, in UTC (ISO 8601), when it has a deadline. */
  readonly dueAt?: string;
  readonly acknowledgedAt?: string;
  readonly startedAt?: string;
  readonly doneAt?: string;
  /** What was done, from the done event. */
  readonly doneNote?: string;
  readonly declinedAt?: string;
  readonly consent: ConsentState;
  /** The roles told that the duty slipped, with when. */
  readonly escalations: readonly { readonly to: string; readonly at: string }[];
}

/** An incident replayed: the facts known now and every duty's state. */
export interface IncidentState {
  /** The facts known: those reported, and those learned since. */
  readonly facts: Readonly<Record<string, FactValue>>;
  /** The duties owed now, and those no longer owed that had progress, in policy order. */
  readonly duties: readonly DutyState[];
  /** Duties that may be owed, depending on facts not yet known, with the facts they need. */
  readonly undeterminedDuties: readonly {
    readonly dutyId: string;
    readonly neededFacts: readonly string[];
  }[];
  /** When the incident was closed, if it was. */
  readonly closedAt?: string;
  /** The time of the last event (the report time when there is none). */
  readonly lastAt: string;
}

/** What `openIncident` needs besides the policy and the facts. */
export interface OpenIncidentOptions {
  /** When the person reported it (an ISO 8601 instant, or a Date). */
  readonly reportedAt: string | Date;
  /** The organisation's IANA time zone; the policy's `calendar.timeZone` when absent, else UTC. */
  readonly timeZone?: string;
  /** Overrides the policy's calendar (bank holidays and closures) for working days. */
  readonly calendar?: Pick<IncidentClock, 'holidays' | 'closures'>;
  /** The incident's id; `incident-<report time>` when absent. */
  readonly id?: string;
}

/** An incident, or the issues that stopped it being opened. */
export type OpenIncidentResult = { ok: true; incident: Incident } | { ok: false; issues: IncidentIssue[] };
/** The incident with one more event, or the issue that stops the event being recorded. */
export type ApplyEventResult = { ok: true; incident: Incident } | { ok: false; issue: IncidentIssue };
/** A stored incident read back, or every issue found. */
export type ParseIncidentResult = { ok: true; incident: Incident } | { ok: false; issues: IncidentIssue[] };

/**
 * Opens an incident under a policy: the facts as reported, the duties they call for (and those that depend on facts
 * not known yet), each due at an instant counted in the organisation's time zone. The incident keeps the policy's
 * duty part, so that it replays the same way after the policy changes.
 * @example
 * const opened = openIncident(compiled, { 'incident.kind': 'doxxing', 'incident.workRelated': true }, {
 *   reportedAt: '2026-03-02T09:00:00Z',
 *   timeZone: 'Europe/London',
 * });
 * if (opened.ok) for (const duty of incidentState(opened.incident).duties) console.log(duty.dutyId, duty.dueAt);
 */
export function openIncident(
  compiled: CompiledPolicy,
  facts: unknown,
  options: OpenIncidentOptions,
): OpenIncidentResult {
  const issues: IncidentIssue[] = [];
  const scenario = parseScenario(facts, compiled);
  if (!scenario.ok)
    issues.push(
      ...scenario.issues.map((i) => ({ ...i, path: ['facts', ...i.path], code: 'invalid-fact' as const })),
    );
  const reportedAt =
    options.reportedAt instanceof Date ? options.reportedAt.toISOString() : options.reportedAt;
  const { policy } = compiled;
  const timeZone = options.timeZone ?? policy.calendar?.timeZone ?? 'UTC';
  const holidays = options.calendar?.holidays ?? policy.calendar?.holidays;
  const closures = options.calendar?.closures ?? policy.calendar?.closures;
  const incident: Incident = {
    format: INCIDENT_FORMAT,
    id: options.id ?? `incident-${reportedAt.replace(/[^0-9]/g, '').slice(0, 14)}`,
    policy: {
      id: policy.id,
      title: policy.title,
      organisation: policy.organisation,
      version: policy.version,
      duties: policy.duties ?? [],
      ...(policy.escalation && { escalation: policy.escalation }),
      ...(policy.custom && { custom: policy.custom }),
    },
    clock: { timeZone, ...(holidays && { holidays }), ...(closures && { closures }) },
    reportedAt,
    facts: scenario.ok ? (scenario.scenario as Record<string, FactValue>) : {},
    events: [],
  };
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseIncident(incident);
  return parsed.ok ? { ok: true, incident } : parsed;
}

/**
 * Reads a stored incident (parsed JSON): checks its shape against the published schema, then replays every event,
 * so that an incident whose record is inconsistent (an event after closing, a duty started without consent) is
 * rejected rather than loaded. Never throws.
 */
export function parseIncident(input: unknown): ParseIncidentResult {
  const shaped = IncidentSchema.safeParse(input, { reportInput: true });
  if (!shaped.success)
    return {
      ok: false,
      issues: fromZodIssues(shaped.error.issues).map((i) => ({ ...i, code: 'invalid-incident' as const })),
    };
  const incident = shaped.data;
  const compiled = tryCompile(incident.policy);
  if (!compiled.ok) return { ok: false, issues: [compiled.issue] };
  const at = (time: string, path: (string | number)[]) => checkInstant(time, path);
  const badTime = at(incident.reportedAt, ['reportedAt']) ?? checkTimeZone(incident.clock.timeZone);
  if (badTime) return { ok: false, issues: [badTime] };
  const facts = parseScenario(incident.facts, compiled.compiled);
  if (!facts.ok)
    return {
      ok: false,
      issues: facts.issues.map((i) => ({ ...i, path: ['facts', ...i.path], code: 'invalid-fact' as const })),
    };
  let state = initialState(incident, compiled.compiled);
  for (const [i, event] of incident.events.entries()) {
    const next = step(state, event, compiled.compiled, incident.clock);
    if (!next.ok) return { ok: false, issues: [{ ...next.issue, path: ['events', i, ...next.issue.path] }] };
    state = next.state;
  }
  states.set(incident, state);
  return { ok: true, incident };
}

/**
 * Records one event: checks it (its shape; no event after closing or before the last; a known duty still owed;
 * consent on record before a consent-needing duty is started or done; a known role) and returns the incident with
 * the event appended, or the issue — never a half-applied state. The incident given is not changed.
 * @example
 * const next = applyEvent(incident, { type: 'acknowledged', at: '2026-03-02T10:00:00Z', dutyId: 'receive-report' });
 * if (!next.ok) console.error(next.issue.message);
 */
export function applyEvent(incident: Incident, event: unknown): ApplyEventResult {
  const shaped = IncidentEventSchema.safeParse(event, { reportInput: true });
  if (!shaped.success) {
    const [first] = fromZodIssues(shaped.error.issues);
    return {
      ok: false,
      issue: first
        ? { ...first, code: 'invalid-event' }
        : { path: [], code: 'invalid-event', message: 'not an incident event' },
    };
  }
  const compiled = tryCompile(incident.policy);
  if (!compiled.ok) return { ok: false, issue: compiled.issue };
  const next = step(incidentState(incident), shaped.data, compiled.compiled, incident.clock);
  if (!next.ok) return next;
  const appended: Incident = { ...incident, events: [...incident.events, shaped.data] };
  states.set(appended, next.state);
  return { ok: true, incident: appended };
}

/** The incident replayed: the facts known and each duty's state, after every event. */
export function incidentState(incident: Incident): IncidentState {
  const known = states.get(incident);
  if (known) return known;
  const parsed = parseIncident(incident);
  if (!parsed.ok) throw new TypeError(`incidentState: not a valid incident: ${parsed.issues[0]?.message}`);
  return states.get(parsed.incident) as IncidentState;
}

/** The clock of an incident, as deadline arithmetic needs it. */
export function incidentClock(incident: Pick<Incident, 'clock'>): DeadlineClock {
  return incident.clock;
}

// Replayed states by incident object: incidents are immutable values, so a state computed once stays right.
const states = new WeakMap<Incident, IncidentState>();
const compiledPolicies = new WeakMap<IncidentPolicy, CompiledPolicy>();

function tryCompile(
  policy: IncidentPolicy,
): { ok: true; compiled: CompiledPolicy } | { ok: false; issue: IncidentIssue } {
  const known = compiledPolicies.get(policy);
  if (known) return { ok: true, compiled: known };
  const full: Policy = {
    schemaVersion: SCHEMA_VERSION,
    id: policy.id,
    title: policy.title,
    organisation: policy.organisation,
    version: policy.version,
    language: 'en-GB',
    vocabulary: VOCABULARY_ID,
    resolution: 'first-match',
    default: { outcome: 'permitted', reason: 'An incident tracks duties; its rules are not kept.' },
    rules: [],
    duties: policy.duties,
    ...(policy.escalation && { escalation: policy.escalation }),
    ...(policy.custom && { custom: policy.custom }),
  };
  try {
    const compiled = compilePolicy(full);
    compiledPolicies.set(policy, compiled);
    return { ok: true, compiled };
  } catch (error) {
    return {
      ok: false,
      issue: {
        path: ['policy'],
        code: 'invalid-incident',
        message: `the incident's policy cannot be used: ${String(error)}`,
      },
    };
  }
}

function checkInstant(time: string, path: (string | number)[]): IncidentIssue | undefined {
  if (!Number.isNaN(Date.parse(time))) return undefined;
  return {
    path,
    code: 'invalid-event',
    message: `not a time: ${describeReceived(time)}`,
    expected: 'an ISO 8601 instant',
    received: describeReceived(time),
  };
}

function checkTimeZone(timeZone: string): IncidentIssue | undefined {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return undefined;
  } catch {
    return {
      path: ['clock', 'timeZone'],
      code: 'invalid-incident',
      message: `unknown time zone ${JSON.stringify(timeZone)}`,
      expected: 'an IANA time zone such as "Europe/London"',
      received: JSON.stringify(timeZone),
    };
  }
}

function dutyFor(
  compiled: CompiledPolicy,
  triggered: TriggeredDuty,
  owedSince: string,
  clock: IncidentClock,
): DutyState {
  const duty = compiled.policy.duties?.find((d) => d.id === triggered.dutyId);
  const deadline = triggered.deadline
    ? { duration: triggered.deadline, workingDays: duty?.workingDays === true }
    : undefined;
  return {
    dutyId: triggered.dutyId,
    action: triggered.action,
    holder: triggered.holder,
    modality: triggered.modality,
    consentRequired: triggered.consentRequired,
    ...(deadline && { deadline, dueAt: deadlineDue(owedSince, deadline, clock).toISOString() }),
    ...(triggered.text !== undefined && { text: triggered.text }),
    reason: triggered.reason,
    owed: true,
    owedSince,
    consent: triggered.consentRequired ? 'not-asked' : 'not-needed',
    escalations: [],
  };
}

function initialState(incident: Incident, compiled: CompiledPolicy): IncidentState {
  const decision = evaluate(compiled, incident.facts);
  return {
    facts: incident.facts,
    duties: decision.duties.map((d) => dutyFor(compiled, d, incident.reportedAt, incident.clock)),
    undeterminedDuties: decision.undeterminedDuties,
    lastAt: incident.reportedAt,
  };
}

type Step = { ok: true; state: IncidentState } | { ok: false; issue: IncidentIssue };

const fail = (
  code: IncidentIssue['code'],
  message: string,
  path: (string | number)[] = [],
  extra: Partial<IncidentIssue> = {},
): Step => ({
  ok: false,
  issue: { path, code, message, ...extra },
});

const hasProgress = (d: DutyState) =>
  d.acknowledgedAt !== undefined ||
  d.startedAt !== undefined ||
  d.doneAt !== undefined ||
  d.declinedAt !== undefined ||
  d.consent === 'given' ||
  d.consent === 'withdrawn' ||
  d.escalations.length > 0;

/** One event applied to a state: the next state, or the issue. Pure. */
function step(
  state: IncidentState,
  event: IncidentEvent,
  compiled: CompiledPolicy,
  clock: IncidentClock,
): Step {
  if (state.closedAt !== undefined)
    return fail(
      'incident-closed',
      `the incident was closed at ${state.closedAt}; nothing more can be recorded`,
      ['type'],
    );
  const at = Date.parse(event.at);
  if (Number.isNaN(at)) return fail('invalid-event', `not a time: ${JSON.stringify(event.at)}`, ['at']);
  if (at < Date.parse(state.lastAt))
    return fail(
      'out-of-order',
      `this event is dated ${event.at}, before the last one (${state.lastAt})`,
      ['at'],
      {
        expected: `a time at or after ${state.lastAt}`,
        received: JSON.stringify(event.at),
      },
    );
  const when = new Date(at).toISOString();
  const moved = { ...state, lastAt: when };
  switch (event.type) {
    case 'closed':
      return { ok: true, state: { ...moved, closedAt: when } };
    case 'fact-learned':
      return learn(moved, event.fact, event.value, when, compiled, clock);
    case 'acknowledged':
    case 'started':
    case 'done':
    case 'declined':
    case 'consent-given':
    case 'consent-withdrawn':
    case 'reassigned':
    case 'escalated': {
      const index = state.duties.findIndex((d) => d.dutyId === event.dutyId);
      const duty = state.duties[index];
      if (!duty) {
        const inPolicy = compiled.policy.duties?.some((d) => d.id === event.dutyId);
        return inPolicy
          ? fail(
              'duty-not-owed',
              `duty "${event.dutyId}" is not owed in this incident (its facts do not call for it)`,
              ['dutyId'],
            )
          : fail('unknown-duty', `unknown duty "${event.dutyId}"`, ['dutyId'], {
              expected: `one of ${state.duties.map((d) => d.dutyId).join(', ') || 'no duty'}`,
              received: JSON.stringify(event.dutyId),
            });
      }
      const next = dutyStep(duty, event, when, compiled);
      if (!next.ok) return next;
      const duties = state.duties.map((d, i) => (i === index ? next.duty : d));
      return { ok: true, state: { ...moved, duties } };
    }
    default:
      return event satisfies never;
  }
}

type DutyEvent = Extract<IncidentEvent, { dutyId: string }>;

function dutyStep(
  duty: DutyState,
  event: DutyEvent,
  when: string,
  compiled: CompiledPolicy,
): { ok: true; duty: DutyState } | { ok: false; issue: IncidentIssue } {
  const settled = duty.doneAt ?? duty.declinedAt;
  const reject = (code: IncidentIssue['code'], message: string, path: string[] = ['type']) =>
    fail(code, message, path) as { ok: false; issue: IncidentIssue };
  if (!duty.owed)
    return reject(
      'duty-not-owed',
      `duty "${duty.dutyId}" is no longer owed: a fact learned since means it does not apply`,
    );
  const consentMissing =
    duty.consentRequired && duty.consent !== 'given'
      ? reject(
          'consent-needed',
          `duty "${duty.dutyId}" needs the person's consent, and ${duty.consent === 'withdrawn' ? 'they have withdrawn it' : 'none is on record'}; record consent-given first`,
        )
      : undefined;
  const notSettled = (what: string) =>
    settled !== undefined
      ? reject(
          'already-settled',
          `duty "${duty.dutyId}" was already ${duty.doneAt ? 'done' : 'declined'} at ${settled}; it cannot be ${what}`,
        )
      : undefined;
  const role = (id: string, field: string) =>
    compiled.vocabulary.catalogues.roles.get(id) ??
    reject(
      'unknown-role',
      `unknown role "${id}"; expected one of ${[...compiled.vocabulary.catalogues.roles.keys()].join(', ')}`,
      [field],
    );
  switch (event.type) {
    case 'acknowledged':
      return (
        notSettled('acknowledged') ??
        (duty.acknowledgedAt
          ? reject(
              'already-recorded',
              `duty "${duty.dutyId}" was already acknowledged at ${duty.acknowledgedAt}`,
            )
          : { ok: true, duty: { ...duty, acknowledgedAt: when } })
      );
    case 'started':
      return (
        notSettled('started') ??
        consentMissing ??
        (duty.startedAt
          ? reject('already-recorded', `duty "${duty.dutyId}" was already started at ${duty.startedAt}`)
          : { ok: true, duty: { ...duty, startedAt: when } })
      );
    case 'done':
      return (
        notSettled('done again') ??
        consentMissing ?? { ok: true, duty: { ...duty, doneAt: when, doneNote: event.note } }
      );
    case 'declined':
      return notSettled('declined') ?? { ok: true, duty: { ...duty, declinedAt: when } };
    case 'consent-given':
      if (!duty.consentRequired)
        return reject('consent-not-needed', `duty "${duty.dutyId}" does not need the person's consent`);
      if (duty.consent === 'given')
        return reject('already-recorded', `consent to duty "${duty.dutyId}" is already on record`);
      return notSettled('consented to') ?? { ok: true, duty: { ...duty, consent: 'given' } };
    case 'consent-withdrawn':
      if (duty.consent !== 'given')
        return reject('no-consent', `there is no consent to duty "${duty.dutyId}" on record to withdraw`);
      return { ok: true, duty: { ...duty, consent: 'withdrawn' } };
    case 'reassigned': {
      const holder = role(event.holder, 'holder');
      if ('ok' in holder) return holder;
      return notSettled('reassigned') ?? { ok: true, duty: { ...duty, holder } };
    }
    case 'escalated': {
      const to = role(event.to, 'to');
      if ('ok' in to) return to;
      return { ok: true, duty: { ...duty, escalations: [...duty.escalations, { to: to.id, at: when }] } };
    }
    default:
      return event satisfies never;
  }
}

function learn(
  state: IncidentState,
  fact: string,
  value: FactValue,
  when: string,
  compiled: CompiledPolicy,
  clock: IncidentClock,
): Step {
  const facts = { ...state.facts, [fact]: value };
  const parsed = parseScenario(facts, compiled);
  if (!parsed.ok) {
    const [issue] = parsed.issues;
    return fail(
      'invalid-fact',
      issue?.message ?? `not a fact: ${fact}`,
      issue?.path[0] === fact ? ['value'] : ['fact'],
      {
        ...(issue?.expected && { expected: issue.expected }),
        ...(issue?.received && { received: issue.received }),
      },
    );
  }
  const decision = evaluate(compiled, parsed.scenario);
  const owedNow = new Map(decision.duties.map((d) => [d.dutyId, d]));
  const before = new Map(state.duties.map((d) => [d.dutyId, d]));
  const duties: DutyState[] = [];
  // Policy order: duties owed now, and earlier duties kept for their progress.
  for (const duty of compiled.policy.duties ?? []) {
    const earlier = before.get(duty.id);
    const triggered = owedNow.get(duty.id);
    if (earlier) {
      if (triggered) duties.push({ ...earlier, owed: true });
      else if (hasProgress(earlier)) duties.push({ ...earlier, owed: false });
    } else if (triggered) duties.push(dutyFor(compiled, triggered, when, clock));
  }
  return {
    ok: true,
    state: {
      ...state,
      facts: parsed.scenario as Record<string, FactValue>,
      duties,
      undeterminedDuties: decision.undeterminedDuties,
    },
  };
}
