import { fromZodIssues } from '../parse/zod-issues.js';
import type { Issue } from '../parse/issue.js';
import { standardVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { type CriteriaSet, CriteriaSetSchema } from './criteria-schema.js';
import { deepFreeze } from '../model/deep-freeze.js';

/** The result of reading criteria: the criteria, or every issue with its path. */
export type ParseCriteriaResult =
  | { readonly ok: true; readonly criteria: CriteriaSet }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Validates criteria (`fair-policy/1`) read from a file: the shape, then what the shape cannot say — ids unique,
 * every group and source a criterion names declared, every duty action and commitment a test names in the standard
 * vocabulary. Never throws.
 * @example
 * const result = parseCriteria(parse(readFileSync('our-criteria.yaml', 'utf8')));
 * if (result.ok) auditPolicy(policy, { criteria: result.criteria });
 */
export function parseCriteria(input: unknown): ParseCriteriaResult {
  const parsed = CriteriaSetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const criteria = parsed.data;
  const issues: Issue[] = [];
  const duplicate = (path: (string | number)[], id: string) =>
    issues.push({
      path,
      code: 'duplicate-id',
      message: `the id "${id}" is used twice`,
      received: JSON.stringify(id),
    });
  const unknown = (path: (string | number)[], what: string, id: string, known: readonly string[]) =>
    issues.push({
      path,
      code: 'unknown-catalogue-entry',
      message: `unknown ${what} "${id}"`,
      expected: known.length <= 12 ? `one of ${known.join(', ')}` : `a ${what} id`,
      received: JSON.stringify(id),
    });
  const seen = (items: readonly { id: string }[], key: string) => {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (ids.has(item.id)) duplicate([key, i, 'id'], item.id);
      ids.add(item.id);
    });
    return ids;
  };
  const groups = seen(criteria.groups, 'groups');
  const sources = seen(criteria.sources, 'sources');
  seen(criteria.criteria, 'criteria');
  const actions = [...standardVocabulary.catalogues.dutyActions.keys()];
  const roles = [...standardVocabulary.catalogues.roles.keys()];
  const commitments = [...standardVocabulary.catalogues.commitments.keys()];
  const facts = [...standardVocabulary.facts.keys()];
  const check = (path: (string | number)[], what: string, ids: readonly string[], known: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!known.includes(id)) unknown([...path, i], what, id, known);
    });
  criteria.criteria.forEach((c, i) => {
    const at = ['criteria', i];
    if (!groups.has(c.group)) unknown([...at, 'group'], 'group', c.group, [...groups]);
    if (!sources.has(c.source.id)) unknown([...at, 'source', 'id'], 'source', c.source.id, [...sources]);
    check([...at, 'onlyIfPolicyTests'], 'fact', c.onlyIfPolicyTests ?? [], facts);
    const test = c.test;
    switch (test.kind) {
      case 'decides':
        break;
      case 'commitment-made':
        check([...at, 'test', 'commitments'], 'commitment', test.commitments, commitments);
        break;
      case 'commitment-absent':
        check([...at, 'test', 'anyOf'], 'commitment', test.anyOf, commitments);
        break;
      case 'duty-held-by':
        check([...at, 'test', 'holders'], 'role', test.holders, roles);
        break;
      case 'duty-absent':
        check([...at, 'test', 'actions'], 'duty action', test.actions, actions);
        check([...at, 'test', 'notHeldBy'], 'role', test.notHeldBy, roles);
        break;
      case 'policy-part-absent':
      case 'review-date':
        break;
      default:
        test satisfies never;
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, criteria: deepFreeze(criteria) };
}
