// `@fairpost/core/incident`: incidents over time and the deadline arithmetic they need. A separate entry because it
// brings a date library (Temporal, via temporal-polyfill) and bank-holiday data that evaluating a post never needs.
export { BANK_HOLIDAY_YEARS } from './deadline/bank-holiday-years.js';
export { BANK_HOLIDAYS } from './deadline/bank-holidays.js';
export { type DeadlineClock, deadlineDue, isKnownTimeZone, isWorkingDay } from './deadline/deadline-due.js';
export {
  type BankHoliday,
  bankHolidaysOf,
  easterSunday,
  type HolidayRegion,
} from './deadline/holiday-rules.js';
export {
  type ApplyEventResult,
  applyEvent,
  type ConsentState,
  type DutyState,
  type IncidentState,
  incidentClock,
  incidentState,
  type OpenIncidentOptions,
  type OpenIncidentResult,
  openIncident,
  type ParseIncidentResult,
  parseIncident,
} from './incident/incident.js';
export { incidentCalendar } from './incident/incident-calendar.js';
export type { IncidentIssue, IncidentIssueCode } from './incident/incident-issue.js';
export {
  INCIDENT_FORMAT,
  type Incident,
  type IncidentClock,
  IncidentClockSchema,
  type IncidentEvent,
  IncidentEventSchema,
  type IncidentEventType,
  type IncidentPolicy,
  IncidentPolicySchema,
  IncidentSchema,
} from './incident/incident-schema.js';
export {
  DUTY_STATUSES,
  type DutyStatus,
  type DutyStatusEntry,
  type EscalationOwed,
  type IncidentStatus,
  incidentStatus,
} from './incident/incident-status.js';
