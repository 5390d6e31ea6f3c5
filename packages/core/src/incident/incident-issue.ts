import type { PathSegment } from '../parse/issue.js';

/** What kind of problem an incident or event has; programs match on this, people read the message. */
export type IncidentIssueCode =
  | 'invalid-incident'
  | 'invalid-event'
  | 'invalid-fact'
  | 'incident-closed'
  | 'out-of-order'
  | 'unknown-duty'
  | 'duty-not-owed'
  | 'consent-needed'
  | 'consent-not-needed'
  | 'no-consent'
  | 'already-recorded'
  | 'already-settled'
  | 'unknown-role';

/** A problem with an incident or an event, located by its JSON path, saying what was expected and found. */
export interface IncidentIssue {
  readonly path: readonly PathSegment[];
  readonly code: IncidentIssueCode;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}
