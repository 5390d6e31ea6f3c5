import type { z } from 'zod';
import { type Deadline, readDeadline } from '../deadline/duration.js';
import type { Policy, PolicyShapeSchema } from '../model/policy.js';
import type { Issue, PathSegment } from './issue.js';

type PolicyShape = z.infer<typeof PolicyShapeSchema>;

/**
 * Checks every deadline a policy states (duties' `deadline`, escalations' `overdueBy`), its calendar's time zone
 * and its review dates: a deadline is a non-zero duration of at most a year, in ISO 8601 or in words; working days
 * are whole days; the time zone is one the runtime knows; the next review comes after the last. JSON Schema cannot
 * say "not zero" in words, look up a time zone or compare two dates.
 */
export function checkDeadlines(policy: PolicyShape): Issue[] {
  const issues: Issue[] = [];
  (policy.duties ?? []).forEach((duty, i) => {
    if (duty.deadline === undefined) {
      if (duty.workingDays === true)
        issues.push({
          path: ['duties', i, 'workingDays'],
          code: 'invalid-deadline',
          message: 'workingDays is set but the duty has no deadline',
          expected: 'a deadline in days, such as "P2D"',
          received: 'no deadline',
        });
      return;
    }
    const read = readAt(duty.deadline, ['duties', i, 'deadline'], issues);
    if (!read) return;
    if (read.workingDays && duty.workingDays === false)
      issues.push({
        path: ['duties', i, 'workingDays'],
        code: 'invalid-deadline',
        message: `the deadline says working days but workingDays is false`,
        expected: 'workingDays true, or a deadline in calendar days',
        received: 'false',
      });
    if ((read.workingDays || duty.workingDays === true) && !/^P\d+D$/.test(read.duration))
      issues.push({
        path: ['duties', i, 'deadline'],
        code: 'invalid-deadline',
        message: `working days count whole days only; found ${JSON.stringify(duty.deadline)}`,
        expected: 'a whole number of days, such as "P2D" or "2 working days"',
        received: JSON.stringify(duty.deadline),
      });
  });
  (policy.escalation ?? []).forEach((escalation, i) => {
    if (escalation.overdueBy !== undefined)
      readAt(escalation.overdueBy, ['escalation', i, 'overdueBy'], issues);
  });
  const timeZone = policy.calendar?.timeZone;
  if (timeZone !== undefined && !isTimeZone(timeZone))
    issues.push({
      path: ['calendar', 'timeZone'],
      code: 'invalid-value',
      message: `unknown time zone ${JSON.stringify(timeZone)}`,
      expected: 'an IANA time zone such as "Europe/London"',
      received: JSON.stringify(timeZone),
    });
  const { lastReviewed, nextReview } = policy.review ?? {};
  // Both are YYYY-MM-DD, so the strings compare as the dates do.
  if (lastReviewed !== undefined && nextReview !== undefined && nextReview <= lastReviewed)
    issues.push({
      path: ['review', 'nextReview'],
      code: 'invalid-value',
      message: `the next review (${nextReview}) must come after the last review (${lastReviewed})`,
      expected: `a date after ${lastReviewed}`,
      received: JSON.stringify(nextReview),
    });
  return issues;
}

function readAt(text: string, path: PathSegment[], issues: Issue[]): Deadline | undefined {
  const read = readDeadline(text);
  if (read.ok) return read.deadline;
  issues.push({ path, code: 'invalid-deadline', ...read.problem });
  return undefined;
}

/** Whether the runtime knows an IANA time zone (`Europe/London`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The policy with every deadline in its canonical form: "2 working days" becomes `deadline: P2D` with
 * `workingDays: true`, "24 hours" becomes `PT24H`. Call only on a policy `checkDeadlines` found no issue in.
 */
export function normaliseDeadlines(policy: Policy): Policy {
  const canonical = (text: string): Deadline => {
    const read = readDeadline(text);
    if (!read.ok) throw new Error(`normaliseDeadlines: unchecked deadline ${JSON.stringify(text)}`);
    return read.deadline;
  };
  const hasDeadline = (policy.duties ?? []).some((d) => d.deadline !== undefined);
  if (!hasDeadline && !(policy.escalation ?? []).some((e) => e.overdueBy !== undefined)) return policy;
  return {
    ...policy,
    ...(policy.duties && {
      duties: policy.duties.map((duty) => {
        if (duty.deadline === undefined) return duty;
        const { duration, workingDays } = canonical(duty.deadline);
        const { workingDays: _, ...rest } = duty;
        return {
          ...rest,
          deadline: duration,
          ...((workingDays || duty.workingDays) && { workingDays: true }),
        };
      }),
    }),
    ...(policy.escalation && {
      escalation: policy.escalation.map((e) =>
        e.overdueBy === undefined ? e : { ...e, overdueBy: canonical(e.overdueBy).duration },
      ),
    }),
  };
}
