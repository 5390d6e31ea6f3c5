/**
 * fast-check generators for Fairpost policies and scenarios, so an app embedding a policy can property-test it.
 * Needs `fast-check` (a peer dependency of this entry only).
 * @example
 * import fc from 'fast-check';
 * import { arbitraryScenario } from '@fairpost/core/testing';
 * fc.assert(fc.property(arbitraryScenario(compiled), (s) => evaluate(compiled, s).outcome !== 'not-permitted'));
 * @packageDocumentation
 * @module @fairpost/core/testing
 */
export {
  arbitraryCondition,
  arbitraryFactTest,
  arbitraryPolicy,
  type ArbitraryPolicyOptions,
} from './testing/arbitrary-policy.js';
export { arbitraryCompleteScenario, arbitraryScenario, completionsOf } from './testing/arbitrary-scenario.js';
