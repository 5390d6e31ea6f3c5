/**
 * Where "Email the safety lead" writes to. A policy names roles, not people: set your safety lead's (or a shared
 * safety mailbox's) address here. Left empty, the email opens with the support summary and no recipient.
 */
export const SAFETY_LEAD_EMAIL = '';
