import { parse } from 'yaml';

/**
 * Whether a document that is not a valid policy is a case table: a map with `policy` and `cases` and no `rules`.
 * Policy globs such as `policies/*.yaml` also match the `*.cases.yaml` tables beside them, so commands tell the two
 * apart instead of reporting a table's every key as wrong for a policy.
 */
export function looksLikeCaseTable(text: string): boolean {
  let data: unknown;
  try {
    // Warnings (a list used as a key, say) are the policy reader's to report, with a line and column.
    data = parse(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch {
    return false;
  }
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    'cases' in data &&
    'policy' in data &&
    !('rules' in data)
  );
}
