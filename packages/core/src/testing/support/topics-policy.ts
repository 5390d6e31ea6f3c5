import type { Policy } from '../../model/policy.js';
import { parsePolicy } from '../../parse/parse-policy.js';

/** A small policy whose rules test the set fact `content.topics` with includesAll, includesAny and not. */
export const topicsPolicy = (): Policy => {
  const parsed = parsePolicy({
    schemaVersion: '1.0.0',
    id: 'topics',
    title: 'Topics',
    organisation: 'Example',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    resolution: 'first-match',
    default: { outcome: 'permitted', reason: 'Anything else is fine.' },
    rules: [
      {
        id: 'pay-and-employer',
        when: { fact: 'content.topics', includesAll: ['employer', 'pay-and-conditions'] },
        outcome: 'permitted-with-conditions',
        conditions: ['state-personal-view'],
        reason: 'Talking about pay at work is protected; say it is your own view.',
      },
      {
        id: 'not-politics',
        when: { not: { fact: 'content.topics', includesAny: ['party-politics', 'clients'] } },
        outcome: 'permitted',
        reason: 'Nothing sensitive.',
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.policy;
};
