import { formatIssue, type Issue } from './issue.js';
import { parsePolicy } from './parse-policy.js';
import { type Policy, VOCABULARY_ID_AND_VERSION } from '../model/policy.js';

/** What `definePolicy` takes: a policy whose `schemaVersion` and `vocabulary` may be left to their current values. */
export type PolicyDefinition = Omit<Policy, 'schemaVersion' | 'vocabulary'> &
  Partial<Pick<Policy, 'schemaVersion' | 'vocabulary'>>;

/** Thrown by `definePolicy` when a policy written in code is invalid: a programmer error. */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
  /** Every problem found. */
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`invalid policy:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.issues = issues;
  }
}

/**
 * Writes a policy in TypeScript with completion of fact names and values: a value a fact does not have is a compile
 * error. Checks the result at run time too (unique ids, custom entries, sources) and throws `InvalidPolicyError`.
 * @example
 * const policy = definePolicy({
 *   id: 'tiny', title: 'Tiny policy', organisation: 'Example', version: '1', language: 'en-GB',
 *   resolution: 'first-match', default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
 *   rules: [{ id: 'public', when: { fact: 'content.kind', is: 'public-information' }, outcome: 'permitted', reason: 'It is public.' }],
 * });
 */
export function definePolicy(definition: PolicyDefinition): Policy {
  const result = parsePolicy({ ...VOCABULARY_ID_AND_VERSION, ...definition });
  if (!result.ok) throw new InvalidPolicyError(result.issues);
  return result.policy;
}
