import type { Policy, Scenario } from '@fairpost/core';
import { type Engine, verdictTable } from './engine.js';

/**
 * The floor: bench/policies/sixteen-rules.yaml written out by hand as one TypeScript function returning the index
 * of the deciding rule (-1 for the default). No validation, no reasons, no unknown facts.
 */
function decideByHand(s: Scenario): number {
  const account = s['account.kind'];
  const content = s['content.kind'];
  const role = s['actor.role'];
  if (s['content.identifiesClient'] === true) return 0;
  if (content === 'client-information') return 1;
  if (content === 'image-of-people' && s['content.hasConsent'] === false) return 2;
  if (
    (account === 'personal' || account === 'pseudonymous') &&
    s['context.time'] === 'own-time' &&
    role !== 'senior-leader' &&
    role !== 'board-member'
  )
    return 3;
  if (account === 'organisational' && content === 'party-political') return 4;
  if (content === 'public-information' || content === 'pointer') return 5;
  if (content === 'image-of-people' && s['content.hasConsent'] === true) return 6;
  if ((role === 'senior-leader' || role === 'board-member') && account === 'personal-named') return 7;
  const view = content === 'view-on-work-topic' || content === 'view-on-employer';
  if (account === 'personal-named' && view && s['content.statesPersonalView'] === true) return 8;
  if (account === 'personal-named' && view) return 9;
  if (content === 'legal-matter') return 10;
  if (content === 'financial-information') return 11;
  if (account === 'organisational' && (content === 'new-content' || content === 'internal-information'))
    return 12;
  if (account === 'organisational' && (role === 'volunteer' || role === 'freelancer')) return 13;
  if (content === 'union-activity') return 14;
  if (content === 'personal-life' && account !== 'organisational') return 15;
  return -1;
}

/** The hand-written function for the 16-rule policy (its verdicts read from the policy's rule list). */
export function handWrittenEngine(policy: Policy): Engine {
  if (policy.id !== 'bench-sixteen-rules')
    throw new Error('the hand-written function encodes only the 16-rule policy');
  const verdict = verdictTable(policy.rules, policy.default.outcome);
  return {
    name: 'hand-written TypeScript',
    note: 'the same rules as if statements; returns the deciding rule',
    decide: decideByHand,
    verdictOf: (index) => verdict(index as number),
    isAsync: false,
  };
}
