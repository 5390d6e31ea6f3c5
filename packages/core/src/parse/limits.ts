import { MAX_CONDITION_DEPTH } from '../model/condition-node.js';

/**
 * The limits on what Fairpost reads, stated once. Policies and scenarios come from files people download and forms
 * anyone can fill in; every limit is checked before any expensive work, each has its own issue code, and the verdict
 * depends only on the input (never on what ran before), so a policy valid on one machine is valid on every other.
 * Documented in the core README; generous for real policies (the largest example is under 30 KB and 40 rules).
 */
export const LIMITS = Object.freeze({
  /** The longest policy text `parsePolicySource` reads, in bytes of UTF-8 (a character counts at least once). */
  sourceBytes: 2_000_000,
  /** The longest string anywhere in a policy or scenario, keys included, in UTF-16 code units. */
  stringLength: 10_000,
  /** The most values (objects, lists, strings, numbers, booleans, nulls) in one policy or scenario. */
  values: 200_000,
  /** The deepest nesting of objects and lists in a document. */
  documentDepth: 200,
  /** The most rules in a policy. */
  rules: 5_000,
  /** The most duties in a policy. */
  duties: 1_000,
  /** The most custom facts a policy declares. */
  customFacts: 200,
  /** The most facts a scenario states. */
  scenarioFacts: 1_000,
});

// The deepest nesting of `all`, `any` and `not` in one condition is stated once, beside the engine's condition form
// that relies on it (compiling refuses deeper conditions too); parsing refuses them first, with an issue.
export { MAX_CONDITION_DEPTH };

/** The name of each limit as an issue code: what a program matches on when input is too big. */
export const LIMIT_CODES = {
  sourceBytes: 'source-too-large',
  stringLength: 'string-too-long',
  values: 'too-many-values',
  documentDepth: 'document-too-deep',
  rules: 'too-many-rules',
  duties: 'too-many-duties',
  customFacts: 'too-many-custom-facts',
  scenarioFacts: 'too-many-scenario-facts',
  conditionDepth: 'condition-too-deep',
} as const;

/** One issue code per limit. */
export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/** Which limit an issue reports. */
export type LimitName = keyof typeof LIMIT_CODES;

const LIMIT_WORDS: Record<LimitName, (limit: number, found: string) => string> = {
  sourceBytes: (limit, found) => `the text is ${found} bytes long; at most ${limit} are read`,
  stringLength: (limit, found) => `this text is ${found} characters long; at most ${limit} are allowed`,
  values: (limit) => `the document has more than ${limit} values; at most ${limit} are read`,
  documentDepth: (limit) => `the document nests deeper than ${limit} levels of objects and lists`,
  rules: (limit, found) => `the policy has ${found} rules; at most ${limit} are allowed`,
  duties: (limit, found) => `the policy has ${found} duties; at most ${limit} are allowed`,
  customFacts: (limit, found) => `the policy declares ${found} custom facts; at most ${limit} are allowed`,
  scenarioFacts: (limit, found) => `the scenario states ${found} facts; at most ${limit} are read`,
  conditionDepth: (limit) => `this condition nests all, any and not deeper than ${limit} levels`,
};

/** The limit a `LimitName` stands for. */
export function limitOf(name: LimitName): number {
  return name === 'conditionDepth' ? MAX_CONDITION_DEPTH : LIMITS[name];
}

/** The issue for input over a limit: its own code, the limit, and what was found. */
export function limitIssue(
  name: LimitName,
  found: number | string,
  path: readonly (string | number)[],
): { path: (string | number)[]; code: LimitCode; message: string; expected: string; received: string } {
  const limit = limitOf(name);
  return {
    path: [...path],
    code: LIMIT_CODES[name],
    message: LIMIT_WORDS[name](limit, String(found)),
    expected: `at most ${limit}`,
    received: String(found),
  };
}
