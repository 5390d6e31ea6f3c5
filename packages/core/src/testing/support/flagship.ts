import { readFileSync } from 'node:fs';
import { compilePolicy } from '../../evaluate/compile-policy.js';
import type { Policy } from '../../model/policy.js';
import { parsePolicySource } from '../../parse/parse-policy-source.js';

const flagshipFile = new URL(
  '../../../../../examples/policies/000_staff-union-alternative.yaml',
  import.meta.url,
);
const parsed = parsePolicySource(readFileSync(flagshipFile, 'utf8'), { filename: 'flagship.yaml' });
if (!parsed.ok) throw new Error('the flagship policy does not parse');

/** The flagship example policy (the union's alternative), as parsed. */
export const flagshipPolicy: Policy = parsed.policy;

/** The flagship example policy, compiled. */
export const flagship = compilePolicy(flagshipPolicy);

/** The facts of a work-related doxxing: the flagship owes its support duties. */
export const doxxed = { 'incident.kind': 'doxxing', 'incident.workRelated': true } as const;
