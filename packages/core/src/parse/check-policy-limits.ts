import type { Issue, PathSegment } from './issue.js';
import { LIMITS, limitIssue, MAX_CONDITION_DEPTH } from './limits.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The count and depth limits of a policy read into plain data: rules, duties, custom facts, and how deep each
 * condition nests. Checked before the structure, so that nothing expensive runs on a policy over a limit, and on
 * plain data alone, so the verdict never depends on what ran before.
 */
export function checkPolicyLimits(policy: unknown): Issue[] {
  if (!isRecord(policy)) return [];
  const issues: Issue[] = [];
  const count = (list: unknown, limit: 'rules' | 'duties' | 'customFacts', path: PathSegment[]) => {
    if (Array.isArray(list) && list.length > LIMITS[limit]) issues.push(limitIssue(limit, list.length, path));
  };
  count(policy.rules, 'rules', ['rules']);
  count(policy.duties, 'duties', ['duties']);
  if (isRecord(policy.custom)) count(policy.custom.facts, 'customFacts', ['custom', 'facts']);
  for (const list of ['rules', 'duties'] as const) {
    const items = policy[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isRecord(item)) return;
      const deep = tooDeep(item.when, [list, i, 'when'], 1);
      if (deep) issues.push(limitIssue('conditionDepth', `more than ${MAX_CONDITION_DEPTH}`, deep));
    });
  }
  return issues;
}

/** The path of the first condition nested deeper than the limit, if any. */
function tooDeep(condition: unknown, path: PathSegment[], depth: number): PathSegment[] | undefined {
  if (!isRecord(condition)) return undefined;
  if (depth > MAX_CONDITION_DEPTH) return path;
  for (const key of ['all', 'any'] as const) {
    const list = condition[key];
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        const found = tooDeep(list[i], [...path, key, i], depth + 1);
        if (found) return found;
      }
    }
  }
  return condition.not === undefined ? undefined : tooDeep(condition.not, [...path, 'not'], depth + 1);
}
