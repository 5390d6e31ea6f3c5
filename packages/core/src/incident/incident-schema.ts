import { z } from 'zod';
import { AnyFactValueSchema } from '../model/condition.js';
import { HOLIDAY_CALENDARS, ID_PATTERN, TIME_ZONE_PATTERN } from '../model/policy-format.js';
import { DutySchema, EscalationSchema, PolicySchema } from '../model/policy.js';

// The incident as stored: the opening (the policy's duty part, the clock, the report time, the facts) and the
// events appended since. Everything else — which duties are owed, when they are due, what is overdue — is derived
// by replaying the events (`incidentState`), so a stored incident cannot disagree with itself.

/** The format of incidents written today. */
export const INCIDENT_FORMAT = 'fairpost-incident/1';

const instant = (description: string) =>
  z.iso.datetime({ offset: true }).describe(`${description} (an ISO 8601 instant with Z or an offset).`);
const dutyId = z.string().regex(ID_PATTERN).describe('The id of a duty of the incident’s policy.');
const roleId = z.string().min(1).describe('A role: an id from the roles catalogue, or a custom one.');
const note = (description: string) => z.string().min(1).max(4000).describe(description);

const event = <T extends string, S extends z.ZodRawShape>(
  type: T,
  title: string,
  description: string,
  shape: S,
) =>
  z
    .strictObject({ type: z.literal(type), at: instant('When it happened'), ...shape })
    .meta({ id: `IncidentEvent${title.replace(/ /g, '')}`, title: `${title} event`, description });

/** Something that happened in an incident: appended to its record, never edited. */
export const IncidentEventSchema = z
  .discriminatedUnion('type', [
    event('acknowledged', 'Acknowledged', 'The holder has seen the duty and owns it.', { dutyId }),
    event('started', 'Started', 'Work on the duty has begun.', { dutyId }),
    event('done', 'Done', 'The duty is done; the note says what was done.', {
      dutyId,
      note: note('What was done, in a sentence the person can read.'),
    }),
    event('declined', 'Declined', 'The person does not want this support; nothing more is done.', {
      dutyId,
      note: note('Anything the person asked to be recorded.').exactOptional(),
    }),
    event('consent-given', 'Consent given', 'The person consents to a duty that needs their consent.', {
      dutyId,
    }),
    event('consent-withdrawn', 'Consent withdrawn', 'The person withdraws consent; the duty stops.', {
      dutyId,
    }),
    event('fact-learned', 'Fact learned', 'A fact became known; the duties owed are evaluated again.', {
      fact: z.string().min(1).describe('The fact’s name (`incident.severity`).'),
      value: AnyFactValueSchema.describe('Its value.'),
    }),
    event('reassigned', 'Reassigned', 'Another role holds the duty from now on.', { dutyId, holder: roleId }),
    event('escalated', 'Escalated', 'Someone was told that the duty slipped.', { dutyId, to: roleId }),
    event('closed', 'Closed', 'The incident is closed; nothing more is recorded.', {
      note: note('Why it is closed (the review, the person’s wish).').exactOptional(),
    }),
  ])
  .meta({ id: 'IncidentEvent', title: 'Incident event', description: 'One event of an incident’s record.' });

/** The part of a policy an incident keeps, so that it can be replayed years later under the rules it began with. */
export const IncidentPolicySchema = z
  .strictObject({
    id: PolicySchema.shape.id,
    title: PolicySchema.shape.title,
    organisation: PolicySchema.shape.organisation,
    version: PolicySchema.shape.version,
    duties: z.array(DutySchema).describe('The policy’s duties, as they were when the incident was opened.'),
    escalation: z.array(EscalationSchema).exactOptional().describe('Who is told when a duty slips.'),
    custom: PolicySchema.shape.custom,
  })
  .meta({
    id: 'IncidentPolicy',
    title: 'Incident policy',
    description: 'The duties, escalations and custom vocabulary of the policy the incident was opened under.',
  });

/** How the incident keeps time: the organisation's zone and the days that are not working days. */
export const IncidentClockSchema = z
  .strictObject({
    timeZone: z.string().regex(TIME_ZONE_PATTERN).describe('The IANA time zone (Europe/London).'),
    holidays: z.enum(HOLIDAY_CALENDARS).exactOptional().describe('Whose bank holidays are not working days.'),
    closures: z
      .array(z.iso.date())
      .exactOptional()
      .describe('The organisation’s own closure days (YYYY-MM-DD).'),
  })
  .meta({ id: 'IncidentClock', title: 'Incident clock', description: 'How deadlines are counted.' });

/** An incident: its opening and every event since, in order. */
export const IncidentSchema = z
  .strictObject({
    format: z.literal(INCIDENT_FORMAT).describe('The incident format.'),
    id: z.string().regex(ID_PATTERN).describe('A kebab-case id for the incident.'),
    policy: IncidentPolicySchema,
    clock: IncidentClockSchema,
    reportedAt: instant('When the person reported it'),
    facts: z
      .record(z.string(), AnyFactValueSchema)
      .describe('What was known when it was reported (facts learned later are events).'),
    events: z.array(IncidentEventSchema).describe('What happened since, in order; appended, never edited.'),
  })
  .meta({
    id: 'Incident',
    title: 'Fairpost incident',
    description:
      'Support owed to a person targeted for their work, over time: the duties owed, and a record of what was done.',
  });

/** An incident as stored: its opening and its events. */
export type Incident = z.infer<typeof IncidentSchema>;
/** One event of an incident. */
export type IncidentEvent = z.infer<typeof IncidentEventSchema>;
/** The part of a policy an incident keeps. */
export type IncidentPolicy = z.infer<typeof IncidentPolicySchema>;
/** How an incident keeps time. */
export type IncidentClock = z.infer<typeof IncidentClockSchema>;
/** The kinds of event. */
export type IncidentEventType = IncidentEvent['type'];
