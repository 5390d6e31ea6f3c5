import { formatIssue, type Issue } from './issue.js';
import { parsePolicy } from './parse-policy.js';
import { type Doubt, type FactDoubtRule, type Policy, VOCABULARY_ID_AND_VERSION } from '../model/policy.js';
import type {
  CustomFactName,
  FactValue,
  StandardFactValue,
  StandardScalarFactName,
  StandardSetFactName,
} from '../vocabulary/fact-types.js';

/** One way of settling doubt about a fact, without the fact (and, for `assume`, without the value). */
type DoubtResolution<R extends FactDoubtRule['resolve']> = Omit<
  Extract<FactDoubtRule, { resolve: R }>,
  'fact' | 'value'
>;

/** A doubt rule about fact `N`: the strictest outcome, a named outcome, or (when `V` is not never) an assumed `V`. */
type DoubtRuleAbout<N extends string, V> =
  | (DoubtResolution<'strictest'> & { fact: N })
  | (DoubtResolution<'outcome'> & { fact: N })
  | ([V] extends [never] ? never : DoubtResolution<'assume'> & { fact: N; value: V });

/**
 * A doubt rule for one fact as `definePolicy` types it: the fact is one of the vocabulary (or `custom.…`), and an
 * assumed value is one that fact takes. A set fact has no one value to assume, so it takes the other two only.
 */
export type TypedFactDoubtRule =
  | { [N in StandardScalarFactName]: DoubtRuleAbout<N, StandardFactValue<N>> }[StandardScalarFactName]
  | { [N in StandardSetFactName]: DoubtRuleAbout<N, never> }[StandardSetFactName]
  | DoubtRuleAbout<CustomFactName, FactValue>;

/**
 * What `definePolicy` takes: a policy whose `schemaVersion` and `vocabulary` may be left to their current values,
 * and whose doubt rules are typed as its conditions are (a fact or assumed value the vocabulary lacks does not
 * compile).
 */
export type PolicyDefinition = Omit<Policy, 'schemaVersion' | 'vocabulary' | 'doubt'> &
  Partial<Pick<Policy, 'schemaVersion' | 'vocabulary'>> & {
    doubt?: Omit<Doubt, 'facts'> & { facts?: TypedFactDoubtRule[] };
  };

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
