import { checkPolicyReferences } from './check-policy-references.js';
import type { Issue } from './issue.js';
import { type Policy, PolicyShapeSchema } from './policy.js';
import { fromZodIssues } from './zod-issues.js';

/** The result of parsing: the policy, or every issue found. */
export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; issues: Issue[] };

/**
 * Validates any value as a Fairpost policy. Never throws: structural problems, unknown facts and values, unknown
 * catalogue entries, duplicate ids and dangling source references all come back as issues with a JSON path.
 * @example
 * const result = parsePolicy(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(formatIssue(issue));
 */
export function parsePolicy(input: unknown): ParsePolicyResult {
  try {
    const shaped = PolicyShapeSchema.safeParse(input, { reportInput: true });
    if (!shaped.success) return { ok: false, issues: fromZodIssues(shaped.error.issues) };
    const issues = checkPolicyReferences(shaped.data);
    if (issues.length > 0) return { ok: false, issues };
    // The structural checks and the vocabulary checks together are exactly the published schema plus the
    // semantic checks (a property test holds them to it), so the data is a Policy.
    return { ok: true, policy: shaped.data as Policy };
  } catch (error) {
    return {
      ok: false,
      issues: [
        { path: [], code: 'unreadable-input', message: `the input could not be read: ${String(error)}` },
      ],
    };
  }
}
