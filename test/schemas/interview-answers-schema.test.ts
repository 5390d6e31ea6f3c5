import { parseInterviewAnswers } from '@fairpost/core/interview';
import { describe, expect, it } from 'vitest';
import { EDITIONS, publishedValidator } from './support/published-validators.js';

// The answers file `fairpost init --answers` reads, as an outside tool (a form builder, an editor) validates it: the
// published schema accepts what parseInterviewAnswers accepts, apart from what JSON Schema cannot say (a duration
// that reads as words, a name without control characters, an option chosen twice), which parseInterviewAnswers adds.
const SAMPLES: readonly [string, unknown, boolean][] = [
  ['no answers at all (every default)', {}, true],
  [
    'a full set',
    {
      organisation: 'Riverside Advice',
      organisationKind: 'support-service',
      peopleServed: 'clients',
      accounts: [],
      confidentiality: 'with-consent',
      support: ['legal-support'],
      respondWithin: 'within 2 hours',
    },
    true,
  ],
  ['an unknown question', { organsation: 'Typo' }, false],
  ['a value that is not an option', { reportsTo: 'the-boss' }, false],
  ['yes as a word instead of true', { ownTimeOutOfScope: 'yes' }, false],
  ['an option that is not in a list', { support: ['free-pizza'] }, false],
  ['a blank name', { organisation: '   ' }, false],
];

describe('the published interview answers schema', () => {
  for (const edition of EDITIONS) {
    it.each(SAMPLES)(`${edition}: %s`, (_, answers, valid) => {
      expect(publishedValidator(edition, 'interview-answers')(answers)).toBe(valid);
      expect(parseInterviewAnswers(answers).ok).toBe(valid);
    });
  }
});
