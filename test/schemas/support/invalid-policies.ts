import type { IssueCode } from '@fairpost/core';

/** A valid policy to break: small, with a source, a duty, a commitment and a custom fact and entry. */
export function basePolicy(): Record<string, unknown> {
  return {
    schemaVersion: '1.0.0',
    id: 'base',
    title: 'Base policy',
    organisation: 'Example',
    version: '1',
    language: 'en-GB',
    vocabulary: 'social-media/1',
    sources: [{ id: 'handbook', title: 'Staff handbook', url: 'https://example.org/handbook' }],
    resolution: 'first-match',
    default: { outcome: 'check-first', reviewers: ['comms-team'], reason: 'Ask first.' },
    rules: [
      {
        id: 'own-time',
        when: {
          all: [
            { fact: 'context.time', is: 'own-time' },
            { fact: 'account.kind', in: ['personal'] },
          ],
        },
        outcome: 'out-of-scope',
        reason: 'Your own time is your own.',
        source: { document: 'handbook', section: '2' },
      },
      {
        id: 'campaign',
        when: { fact: 'custom.campaignPhase', is: 'live' },
        outcome: 'permitted-with-conditions',
        conditions: ['custom-tag-campaign'],
        reason: 'Campaign posts are welcome.',
      },
    ],
    duties: [
      {
        id: 'receive-report',
        when: { fact: 'incident.workRelated', is: true },
        action: 'receive-report',
        holder: 'safety-lead',
        modality: 'must',
        deadline: 'PT24H',
        reason: 'Someone must own the response.',
      },
    ],
    commitments: [{ id: 'no-passwords', commitment: 'no-password-requests' }],
    custom: {
      facts: [
        {
          name: 'custom.campaignPhase',
          type: 'enum',
          label: 'Campaign phase',
          description: 'Where the campaign is.',
          values: [
            { value: 'planning', label: 'Planning', phrase: 'the campaign is being planned' },
            { value: 'live', label: 'Live', phrase: 'the campaign is live' },
          ],
        },
      ],
      conditions: [{ id: 'custom-tag-campaign', label: 'Tag the campaign', phrase: 'tag the campaign' }],
    },
  };
}

// The corpus writes deliberately wrong values into any part of the document, so it is typed loosely on purpose.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Policy = ReturnType<typeof basePolicy> & Record<string, any>;

/** One way to break a policy, and who must notice. */
export interface InvalidCase {
  readonly name: string;
  readonly mutate: (policy: Policy) => void;
  /**
   * `schema`: the published JSON Schema rejects it, and so does parsePolicy. A string: only parsePolicy can see it
   * (a semantic check, listed in packages/schemas/README.md), and it reports this issue code.
   */
  readonly rejectedBy: 'schema' | { readonly parsePolicyOnly: IssueCode };
}

/** The corpus of invalid policies both checks are held to. */
export const INVALID_POLICIES: readonly InvalidCase[] = [
  {
    name: 'a standard fact with a value it does not have',
    mutate: (p) => {
      p.rules[0].when.all[0].is = 'weekend';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a boolean fact given a string',
    mutate: (p) => {
      p.duties[0].when.is = 'yes';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an unknown standard fact',
    mutate: (p) => {
      p.rules[0].when.all[0].fact = 'context.place';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an unknown outcome',
    mutate: (p) => {
      p.rules[0].outcome = 'allowed';
    },
    rejectedBy: 'schema',
  },
  { name: 'a rule without an id', mutate: (p) => void delete p.rules[0].id, rejectedBy: 'schema' },
  { name: 'a rule without a reason', mutate: (p) => void delete p.rules[0].reason, rejectedBy: 'schema' },
  {
    name: 'an unknown key on a rule',
    mutate: (p) => {
      p.rules[0].priority = 1;
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an unknown key at the top level',
    mutate: (p) => {
      p.author = 'me';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a deadline that is neither an ISO 8601 duration nor one in words',
    mutate: (p) => {
      p.duties[0].deadline = 'soon';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a zero deadline',
    mutate: (p) => {
      p.duties[0].deadline = 'PT0H';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a deadline of more than a year',
    mutate: (p) => {
      p.duties[0].deadline = 'PT9000H';
    },
    rejectedBy: { parsePolicyOnly: 'invalid-deadline' },
  },
  {
    name: 'an escalation that tells a custom role not declared',
    mutate: (p) => {
      p.escalation = [{ id: 'tell-someone', tell: 'custom-nobody' }];
    },
    rejectedBy: { parsePolicyOnly: 'unknown-catalogue-entry' },
  },
  {
    name: 'an empty ISO 8601 duration',
    mutate: (p) => {
      p.duties[0].deadline = 'P';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an id that is not kebab-case',
    mutate: (p) => {
      p.rules[0].id = 'Own Time';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a modality that is not must, should or may',
    mutate: (p) => {
      p.duties[0].modality = 'shall';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an unknown standard duty action',
    mutate: (p) => {
      p.duties[0].action = 'send-flowers';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an unknown standard reviewer',
    mutate: (p) => {
      p.default.reviewers = ['boss'];
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a condition with two forms',
    mutate: (p) => {
      p.rules[0].when.any = [];
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a fact test with two operators',
    mutate: (p) => {
      p.rules[0].when.all[0].isNot = 'work-time';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a fact test with no operator',
    mutate: (p) => void delete p.rules[0].when.all[0].is,
    rejectedBy: 'schema',
  },
  {
    name: 'an empty `in` list',
    mutate: (p) => {
      p.rules[0].when.all[1].in = [];
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a format version 2',
    mutate: (p) => {
      p.schemaVersion = '2.0.0';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'another vocabulary',
    mutate: (p) => {
      p.vocabulary = 'social-media/2';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a resolution strategy that does not exist',
    mutate: (p) => {
      p.resolution = 'last-match';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'rules that are not a list',
    mutate: (p) => {
      p.rules = {};
    },
    rejectedBy: 'schema',
  },
  {
    name: 'an effective date that is not YYYY-MM-DD',
    mutate: (p) => {
      p.effectiveDate = '1/2/2025';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a source URL that is not a URL',
    mutate: (p) => {
      p.sources[0].url = 'not a url';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a custom fact named without custom.',
    mutate: (p) => {
      p.custom.facts[0].name = 'campaignPhase';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a custom entry id without custom-',
    mutate: (p) => {
      p.custom.conditions[0].id = 'tag-campaign';
    },
    rejectedBy: 'schema',
  },
  {
    name: 'a duplicate rule id',
    mutate: (p) => {
      p.rules[1].id = 'own-time';
    },
    rejectedBy: { parsePolicyOnly: 'duplicate-id' },
  },
  {
    name: 'a duplicate duty id',
    mutate: (p) => void p.duties.push({ ...p.duties[0] }),
    rejectedBy: { parsePolicyOnly: 'duplicate-id' },
  },
  {
    name: 'a duplicate source id',
    mutate: (p) => void p.sources.push({ id: 'handbook', title: 'Again' }),
    rejectedBy: { parsePolicyOnly: 'duplicate-id' },
  },
  {
    name: 'a duplicate value of a custom fact',
    mutate: (p) => void p.custom.facts[0].values.push({ value: 'live', label: 'Live', phrase: 'again' }),
    rejectedBy: { parsePolicyOnly: 'duplicate-value' },
  },
  {
    name: 'a custom fact that is not declared',
    mutate: (p) => {
      p.rules[1].when.fact = 'custom.phase';
    },
    rejectedBy: { parsePolicyOnly: 'unknown-fact' },
  },
  {
    name: 'a custom fact given a value it does not declare',
    mutate: (p) => {
      p.rules[1].when.is = 'over';
    },
    rejectedBy: { parsePolicyOnly: 'invalid-fact-value' },
  },
  {
    name: 'a custom catalogue entry that is not declared',
    mutate: (p) => {
      p.rules[1].conditions = ['custom-wear-a-hat'];
    },
    rejectedBy: { parsePolicyOnly: 'unknown-catalogue-entry' },
  },
  {
    name: 'a source reference to a source not listed',
    mutate: (p) => {
      p.rules[0].source.document = 'intranet';
    },
    rejectedBy: { parsePolicyOnly: 'unknown-source' },
  },
];
