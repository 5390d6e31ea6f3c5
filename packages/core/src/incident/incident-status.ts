import { deadlineDue } from '../deadline/deadline-due.js';
import type { CatalogueEntry } from '../vocabulary/vocabulary-schema.js';
import { type DutyState, incidentState } from './incident.js';
import type { Incident } from './incident-schema.js';
import { resolveVocabulary } from '../vocabulary/resolve-vocabulary.js';

/** Where a duty stands at a given time. */
export type DutyStatus =
  | 'done'
  | 'declined'
  | 'no-longer-owed'
  | 'waiting-for-consent'
  | 'overdue'
  | 'due-soon'
  | 'due';

/** Every duty status, in the order a checklist shows them (what needs attention first). */
export const DUTY_STATUSES: readonly DutyStatus[] = [
  'overdue',
  'due-soon',
  'waiting-for-consent',
  'due',
  'done',
  'declined',
  'no-longer-owed',
];

/** A duty with where it stands. */
export interface DutyStatusEntry {
  readonly duty: DutyState;
  readonly status: DutyStatus;
}

/** Someone who must be told that a duty slipped, and has not been yet. */
export interface EscalationOwed {
  readonly escalationId: string;
  readonly dutyId: string;
  /** Who is told. */
  readonly tell: CatalogueEntry;
  /** Since when they should have been told (the due time plus the escalation's `overdueBy`). */
  readonly since: string;
  readonly reason?: string;
}

/** An incident at a given time: each duty's status and the escalations owed. */
export interface IncidentStatus {
  readonly at: string;
  readonly closed: boolean;
  readonly duties: readonly DutyStatusEntry[];
  readonly escalations: readonly EscalationOwed[];
}

/** How much of a deadline's span may remain for it to be "due soon": the last quarter. */
const DUE_SOON_SHARE = 0.25;

/**
 * Where each duty stands at a time — done, declined, waiting for the person's consent, overdue, due soon (the last
 * quarter of its time), due — and who must be told, under the policy's escalation, of must-duties that slipped.
 * Waiting for consent comes before overdue: nothing may be done without it, so the clock is not the holder's.
 * @example
 * const status = incidentStatus(incident, new Date());
 * for (const { duty, status: s } of status.duties) console.log(duty.dutyId, s);
 */
export function incidentStatus(incident: Incident, at: Date | string): IncidentStatus {
  const state = incidentState(incident);
  const now = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const duties = state.duties.map((duty): DutyStatusEntry => ({ duty, status: dutyStatus(duty, now) }));
  const escalations: EscalationOwed[] = [];
  if (state.closedAt === undefined) {
    const roles = resolveVocabulary(incident.policy.custom).catalogues.roles;
    for (const rule of incident.policy.escalation ?? []) {
      const modalities = rule.modalities ?? ['must'];
      const tell = roles.get(rule.tell);
      if (!tell) continue;
      for (const { duty, status } of duties) {
        if (status !== 'overdue' || !modalities.includes(duty.modality) || duty.dueAt === undefined) continue;
        if (duty.escalations.some((e) => e.to === rule.tell)) continue;
        const since = rule.overdueBy
          ? deadlineDue(duty.dueAt, rule.overdueBy, incident.clock)
          : new Date(duty.dueAt);
        if (since.getTime() > now) continue;
        escalations.push({
          escalationId: rule.id,
          dutyId: duty.dutyId,
          tell,
          since: since.toISOString(),
          ...(rule.reason && { reason: rule.reason }),
        });
      }
    }
  }
  return { at: new Date(now).toISOString(), closed: state.closedAt !== undefined, duties, escalations };
}

function dutyStatus(duty: DutyState, now: number): DutyStatus {
  if (duty.doneAt !== undefined) return 'done';
  if (duty.declinedAt !== undefined) return 'declined';
  if (!duty.owed) return 'no-longer-owed';
  if (duty.consentRequired && duty.consent !== 'given') return 'waiting-for-consent';
  if (duty.dueAt === undefined) return 'due';
  const due = Date.parse(duty.dueAt);
  if (now > due) return 'overdue';
  const span = due - Date.parse(duty.owedSince);
  return due - now <= span * DUE_SOON_SHARE ? 'due-soon' : 'due';
}
