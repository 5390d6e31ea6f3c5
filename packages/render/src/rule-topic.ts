import type { Rule } from '@fairpost/core';
import { type NormalCondition, normaliseCondition } from './normalise-condition.js';
import type { Topic } from './phrasebook.js';

const OWN_ACCOUNTS = new Set(['personal-named', 'personal', 'pseudonymous']);
const ACCOUNT_KINDS = ['organisational', 'personal-named', 'personal', 'pseudonymous'];
/** Facts (and, for enum facts, values) that mean a rule is about clients. */
const CLIENT_TESTS: Readonly<Record<string, (value: string | boolean) => boolean>> = {
  'actor.clientFacing': (v) => v === true,
  'content.identifiesClient': (v) => v === true,
  'content.kind': (v) => v === 'client-information',
  'counterpart.kind': (v) => v === 'client' || v === 'former-client',
};

/**
 * Where a rule belongs in the handbook: its `topic` when set; otherwise out-of-scope rules go with the scope, and
 * the condition decides: only the organisation's accounts, only people's own accounts, or clients; else other.
 */
export function ruleTopic(rule: Rule): Topic {
  if (rule.topic) return rule.topic;
  if (rule.outcome === 'out-of-scope') return 'scope';
  const tests = positiveTests(normaliseCondition(rule.when));
  const accounts = tests
    .filter((t) => t.fact === 'account.kind')
    .flatMap((t) => (t.negated ? ACCOUNT_KINDS.filter((k) => !t.values.includes(k)) : t.values));
  if (accounts.length > 0 && accounts.every((a) => a === 'organisational')) return 'organisation-accounts';
  if (accounts.length > 0 && accounts.every((a) => typeof a === 'string' && OWN_ACCOUNTS.has(a))) {
    return 'own-accounts';
  }
  const aboutClients = tests.some((t) => {
    const isClient = CLIENT_TESTS[t.fact];
    return isClient !== undefined && !t.negated && t.values.some(isClient);
  });
  return aboutClients ? 'clients' : 'other';
}

type Test = Extract<NormalCondition, { kind: 'test' }>;

function positiveTests(node: NormalCondition): Test[] {
  switch (node.kind) {
    case 'test':
      return [node];
    case 'all':
    case 'any':
      return node.items.flatMap(positiveTests);
    // No other kind names one value of a fact.
    case 'set':
    case 'always':
    case 'never':
      return [];
    default:
      return node satisfies never;
  }
}
