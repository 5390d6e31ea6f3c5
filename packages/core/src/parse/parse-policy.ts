import type { z } from 'zod';
import {
  checkCommitmentReferences,
  checkDefaultReferences,
  checkDoubtReferences,
  checkDutyReferences,
  checkPolicyReferences,
  checkRuleReferences,
  type ReferenceContext,
} from './check-policy-references.js';
import type { Issue } from './issue.js';
import { type Policy, PolicyShapeSchema } from '../model/policy.js';
import { resolveVocabulary } from '../vocabulary/resolve-vocabulary.js';
import { checkPolicyLimits } from './check-policy-limits.js';
import { readPlainInput } from './read-plain-input.js';
import { fromZodIssues } from './zod-issues.js';
import { checkDeadlines, normaliseDeadlines } from './check-deadlines.js';

/** The result of parsing: the policy, or every issue found. */
export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; issues: Issue[] };

/**
 * Validates any value as a Fairpost policy. Never throws: structural problems, unknown facts and values, unknown
 * catalogue entries, duplicate ids and dangling source references all come back as issues with a JSON path.
 * When part of a policy is malformed, the rules, duties and commitments that are well formed are still checked
 * against the vocabulary, so an author sees every problem at once. The input is read once into plain data (a
 * getter, a Proxy, a cycle or a class instance is an issue at its path), and the limits in `LIMITS` are checked
 * before anything else, so a hostile or huge value is rejected quickly whatever ran before.
 * @example
 * const result = parsePolicy(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.error(formatIssue(issue));
 */
export function parsePolicy(input: unknown): ParsePolicyResult {
  try {
    const read = readPlainInput(input);
    if (!read.ok) return read;
    const limited = checkPolicyLimits(read.value);
    if (limited.length > 0) return { ok: false, issues: limited };
    return parsePlainPolicy(read.value);
  } catch (error) {
    // Unreachable on plain data; kept so that a bug of ours is an issue, never an exception.
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'unreadable-input',
          message: `the input could not be read: ${describeError(error)}`,
        },
      ],
    };
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : typeof error;
  } catch {
    return 'unknown error';
  }
}

/** `parsePolicy` on plain data within the limits. */
function parsePlainPolicy(input: unknown): ParsePolicyResult {
  {
    const shaped = PolicyShapeSchema.safeParse(input, { reportInput: true });
    if (!shaped.success) {
      return { ok: false, issues: [...fromZodIssues(shaped.error.issues), ...checkWellFormedParts(input)] };
    }
    const issues = [...checkPolicyReferences(shaped.data), ...checkDeadlines(shaped.data)];
    if (issues.length > 0) return { ok: false, issues };
    // The structural checks and the vocabulary checks together are exactly the published schema plus the
    // semantic checks (a property test holds them to it), so the data is a Policy.
    return { ok: true, policy: normaliseDeadlines(shaped.data as Policy) };
  }
}

const shape = PolicyShapeSchema.shape;

/** The items of a list that are well formed by `schema`, with their indices in the list. */
function wellFormed<T>(list: unknown, schema: z.ZodType<T>): [T, number][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [T, number][] => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [[parsed.data, i]] : [];
  });
}

/**
 * The vocabulary checks of the parts of a structurally invalid policy that are themselves well formed. Facts and
 * entries are checked only when the custom vocabulary is readable (otherwise a declared custom fact would look
 * unknown); source references only when the sources are; duplicate ids wait until the whole is well formed.
 */
function checkWellFormedParts(input: unknown): Issue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const policy = input as Record<string, unknown>;
  const custom = shape.custom.safeParse(policy.custom);
  if (!custom.success) return [];
  const sources = shape.sources.safeParse(policy.sources);
  const context: ReferenceContext = {
    vocabulary: resolveVocabulary(custom.data),
    sourceIds: sources.success ? new Set((sources.data ?? []).map((s) => s.id)) : undefined,
    issues: [],
  };
  const defaultOutcome = shape.default.safeParse(policy.default);
  if (defaultOutcome.success) checkDefaultReferences(defaultOutcome.data, context);
  for (const [rule, i] of wellFormed(policy.rules, shape.rules.element))
    checkRuleReferences(rule, i, context);
  for (const [duty, i] of wellFormed(policy.duties, shape.duties.unwrap().element)) {
    checkDutyReferences(duty, i, context);
  }
  for (const [commitment, i] of wellFormed(policy.commitments, shape.commitments.unwrap().element)) {
    checkCommitmentReferences(commitment, i, context);
  }
  const doubt = shape.doubt.safeParse(policy.doubt);
  if (doubt.success && doubt.data !== undefined) checkDoubtReferences(doubt.data, context);
  return context.issues;
}
