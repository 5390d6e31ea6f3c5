import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PolicySchema } from '../model/policy.js';
import { arbitraryPolicy } from '../testing/arbitrary-policy.js';
import { arbitraryMutation } from '../testing/support/policy-mutations.js';
import { issueLinesOf, validPolicyJson } from '../testing/support/valid-policy.js';
import { formatIssue, type PathSegment } from './issue.js';
import { parsePolicy } from './parse-policy.js';
import { parsePolicySource } from './parse-policy-source.js';
import { runs } from '../../../../test/support/property-runs.js';

// biome-ignore lint/suspicious/noExplicitAny: the table breaks policies in ways no type allows.
type Loose = any;

const ACCOUNT_KINDS = 'organisational, personal-named, personal, pseudonymous';

/** Hand-written breaks of a valid policy, with the issue code and the exact line an author reads. */
const BAD_POLICIES: [string, (p: Loose) => void, string, unknown][] = [
  [
    'a value the fact does not have',
    (p) => {
      p.rules[3].when.all[1].is = 'twitter';
    },
    'invalid-fact-value',
    `rules[3].when.all[1]: fact "account.kind" has no value "twitter"; expected one of ${ACCOUNT_KINDS}`,
  ],
  [
    'a value the fact does not have, inside a list',
    (p) => {
      p.rules[1].when.all[0].in = ['personal', 'facebook'];
    },
    'invalid-fact-value',
    `rules[1].when.all[0]: fact "account.kind" has no value "facebook"; expected one of ${ACCOUNT_KINDS}`,
  ],
  [
    'a misspelt fact',
    (p) => {
      p.rules[0].when.fact = 'content.identifiesClients';
    },
    'unknown-fact',
    'rules[0].when.fact: unknown fact "content.identifiesClients"; did you mean "content.identifiesClient"? (custom facts are named custom.<name> and declared in custom.facts)',
  ],
  [
    'a custom fact that is not declared',
    (p) => {
      p.rules[3].when.all[0].fact = 'custom.phase';
    },
    'unknown-fact',
    'rules[3].when.all[0].fact: custom fact "custom.phase" is not declared in custom.facts',
  ],
  [
    'a value a custom fact does not have',
    (p) => {
      p.rules[3].when.all[0].is = 'over';
    },
    'invalid-fact-value',
    'rules[3].when.all[0]: fact "custom.campaignPhase" has no value "over"; expected one of planning, live',
  ],
  [
    'a boolean given to an enum fact',
    (p) => {
      p.rules[3].when.all[1].is = true;
    },
    'invalid-fact-value',
    `rules[3].when.all[1]: fact "account.kind" takes one of ${ACCOUNT_KINDS}; found true`,
  ],
  [
    'a string given to a boolean fact',
    (p) => {
      p.rules[0].when.is = 'yes';
    },
    'invalid-fact-value',
    'rules[0].when: fact "content.identifiesClient" is true or false; found "yes"',
  ],
  [
    'a misspelt condition',
    (p) => {
      p.rules[3].conditions = ['state-personal-veiw'];
    },
    'unknown-catalogue-entry',
    'rules[3].conditions[0]: unknown condition "state-personal-veiw"; did you mean "state-personal-view"?; expected one of state-personal-view, disclose-role, get-consent, get-written-parental-consent, remove-identifying-details, share-without-commentary, check-accuracy, use-privacy-settings, give-notice-of-images, follow-content-guidelines, explain-removal, give-privacy-notice, agree-with-comms, be-respectful, keep-within-reasonable-use',
  ],
  [
    'an unknown reviewer on the default',
    (p) => {
      p.default.reviewers = ['comms'];
    },
    'unknown-catalogue-entry',
    'default.reviewers[0]: unknown role "comms"; expected one of organisation, line-manager, safety-lead, comms-team, policy-lead, legal, leadership, hr, union-rep, safeguarding-lead, data-protection-officer, person-targeted',
  ],
  [
    'a misspelt consequence',
    (p) => {
      p.rules[0].consequence = 'disciplinary';
    },
    'unknown-catalogue-entry',
    'rules[0].consequence: unknown consequence "disciplinary"; expected one of advice-only, post-removal, informal-conversation, disciplinary-procedure, dismissal',
  ],
  [
    'a rule strength that does not exist',
    (p) => {
      p.rules[0].strength = 'may';
    },
    'invalid-value',
    'rules[0].strength: expected one of must, should; found "may"',
  ],
  [
    'a jurisdiction that does not exist',
    (p) => {
      p.jurisdictions = ['england'];
    },
    'invalid-value',
    'jurisdictions[0]: expected one of uk, us, eu, other; found "england"',
  ],
  [
    'a custom duty action that is not declared',
    (p) => {
      p.duties[0].action = 'custom-buddy';
    },
    'unknown-catalogue-entry',
    'duties[0].action: custom duty action "custom-buddy" is not declared in custom.dutyActions',
  ],
  [
    'a duplicate rule id',
    (p) => {
      p.rules[2].id = 'own-time';
    },
    'duplicate-id',
    'rules[2].id: duplicate rule id "own-time" (first used at rules[1])',
  ],
  [
    'a source that is not listed',
    (p) => {
      p.rules[1].source.document = 'handbok';
    },
    'unknown-source',
    'rules[1].source.document: source "handbok" is not listed in sources; did you mean "handbook"?',
  ],
  [
    'a missing reason',
    (p) => {
      delete p.rules[0].reason;
    },
    'missing-field',
    'rules[0].reason: "reason" is required (string)',
  ],
  [
    'a key the format does not have',
    (p) => {
      p.rules[0].because = 'Clients trust us.';
    },
    'unknown-key',
    'rules[0].because: unknown key "because"; it is not part of the format here, so it would be lost',
  ],
  [
    'a condition with two forms',
    (p) => {
      p.rules[0].when = { fact: 'content.identifiesClient', is: true, all: [] };
    },
    'invalid-condition',
    'rules[0].when: a condition has exactly one form, found all and fact test; combine them inside "all"',
  ],
  [
    'a fact test with two operators',
    (p) => {
      p.rules[0].when = { fact: 'content.identifiesClient', is: true, isNot: false };
    },
    'invalid-condition',
    'rules[0].when: the test of "content.identifiesClient" has is and isNot; use one operator per test',
  ],
  [
    'an operator without a fact',
    (p) => {
      p.rules[0].when = { is: true };
    },
    'invalid-condition',
    'rules[0].when: "is" needs a "fact" beside it',
  ],
  [
    'an empty condition',
    (p) => {
      p.rules[0].when = {};
    },
    'invalid-condition',
    'rules[0].when: a condition needs one of: all, any, not, or fact with is, in, isNot, notIn, includes, includesAny or includesAll',
  ],
  [
    'an empty list of values',
    (p) => {
      p.rules[2].when.in = [];
    },
    'too-small',
    'rules[2].when.in: expected at least 1 item',
  ],
  [
    'an outcome that does not exist',
    (p) => {
      p.rules[0].outcome = 'forbidden';
    },
    'invalid-value',
    'rules[0].outcome: expected one of out-of-scope, permitted, permitted-with-conditions, check-first, not-permitted; found "forbidden"',
  ],
  [
    'an escalation to an unknown role',
    (p) => {
      p.escalation = [{ id: 'tell-leaders', tell: 'leaders' }];
    },
    'unknown-catalogue-entry',
    expect.stringMatching(/^escalation\[0\]\.tell: unknown role "leaders"; expected one of .*leadership/),
  ],
  [
    'an id that is not kebab-case',
    (p) => {
      p.rules[0].id = 'Never Identify';
    },
    'invalid-format',
    'rules[0].id: expected a kebab-case id such as "own-time-out-of-scope"; found "Never Identify"',
  ],
  [
    'a date in the wrong form',
    (p) => {
      p.effectiveDate = '1/2/2026';
    },
    'invalid-format',
    'effectiveDate: expected a date as YYYY-MM-DD; found "1/2/2026"',
  ],
  [
    'a review date that does not exist',
    (p) => {
      p.review = { nextReview: '2027-02-29' };
    },
    'invalid-format',
    'review.nextReview: expected a date that exists, as YYYY-MM-DD; found "2027-02-29"',
  ],
  [
    'a review period in days',
    (p) => {
      p.review = { every: 'P30D' };
    },
    'invalid-format',
    'review.every: expected a review period of years or months such as "P1Y" or "P6M"; found "P30D"',
  ],
  [
    'a format version from the future',
    (p) => {
      p.schemaVersion = '2.0.0';
    },
    'invalid-format',
    'schemaVersion: expected format version 1.x.y, such as "1.0.0"; found "2.0.0"',
  ],
  [
    'a list where an object belongs',
    (p) => {
      p.default = [];
    },
    'invalid-type',
    'default: expected an object, found a list',
  ],
];

describe('parsePolicy', () => {
  it('accepts the valid base policy of the table', () => {
    expect(parsePolicy(validPolicyJson()).ok).toBe(true);
  });

  it.each(BAD_POLICIES)(
    'reports %s with its path and a message saying what was expected',
    (_, mutate, code, line) => {
      expect(issueLinesOf(mutate)).toEqual([[code, line]]);
    },
  );

  it('reports vocabulary problems in well-formed rules even when other parts are malformed', () => {
    const policy: Loose = validPolicyJson();
    delete policy.title;
    policy.rules[0].outcome = 'nope';
    policy.rules[0].when.is = 'yes'; // inside the malformed rule: not checked until the rule is well formed
    policy.rules[3].when.all[1].is = 'twitter';
    policy.duties[0].holder = 'safety-led';
    policy.commitments[0].commitment = 'no-passwords';
    const result = parsePolicy(policy);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'title: "title" is required (string)',
      'rules[0].outcome: expected one of out-of-scope, permitted, permitted-with-conditions, check-first, not-permitted; found "nope"',
      `rules[3].when.all[1]: fact "account.kind" has no value "twitter"; expected one of ${ACCOUNT_KINDS}`,
      'duties[0].holder: unknown role "safety-led"; did you mean "safety-lead"?; expected one of organisation, line-manager, safety-lead, comms-team, policy-lead, legal, leadership, hr, union-rep, safeguarding-lead, data-protection-officer, person-targeted',
      'commitments[0].commitment: unknown commitment "no-passwords"; expected one of no-monitoring-of-personal-accounts, no-password-requests, personal-accounts-not-required, union-activity-protected, no-ban-on-access, personal-opinions-respected, own-time-is-your-own, service-user-autonomy, consultation-on-changes, support-when-targeted, no-pre-approval-of-personal-posts, no-social-media-screening, connections-not-required, monitor-personal-accounts, request-account-access, require-promotion-from-personal-accounts, pre-approve-personal-posts, screen-social-media-in-recruitment, require-connecting-with-organisation',
    ]);
  });

  it('holds back vocabulary checks while the custom vocabulary itself is malformed', () => {
    const policy: Loose = validPolicyJson();
    policy.custom.facts[0].type = 'list';
    const result = parsePolicy(policy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.every((i) => i.path[0] === 'custom')).toBe(true);
  });

  it('refuses a policy-wide doubt rule that assumes a value (the value depends on the fact)', () => {
    const result = parsePolicy({
      ...validPolicyJson(),
      doubt: { default: { resolve: 'assume', value: true, reason: 'r' } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path.slice(0, 2)).toEqual(['doubt', 'default']);
  });

  it('returns an issue instead of throwing when reading the input throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading');
        },
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const result = parsePolicy(hostile);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'unreadable-input', path: [] }] });
  });
});

// Properties on generated policies and on every kind of break.

const RUNS = { numRuns: runs(100) };
// Policies that test set facts too (standard and custom), so their tests and members go through the same checks.
const SET_FACTS = ['content.topics', 'account.kind', 'custom.channels'];
const policies = fc.oneof(
  arbitraryPolicy({ maxRules: 5 }),
  arbitraryPolicy({ maxRules: 5, everyField: true }),
  arbitraryPolicy({ maxRules: 5, everyField: true, facts: SET_FACTS }),
);
const withRules = fc.oneof(
  arbitraryPolicy({ maxRules: 5 }).filter((p) => p.rules.length > 0),
  arbitraryPolicy({ maxRules: 5, everyField: true }).filter((p) => p.rules.length > 0),
  arbitraryPolicy({ maxRules: 5, everyField: true, facts: SET_FACTS }).filter((p) => p.rules.length > 0),
);
const mutations = withRules.chain(arbitraryMutation);

/** The value at a path, or `undefined` when the path leaves the document. */
function at(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PathSegment, unknown>)[key];
  }
  return node;
}

describe('parsePolicy on generated policies', () => {
  it('gives back exactly the policy that went through JSON', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        const result = parsePolicy(JSON.parse(JSON.stringify(policy)));
        expect(result).toEqual({ ok: true, policy });
      }),
      RUNS,
    );
  });

  it('gives back exactly the policy that went through YAML text, keeping every field', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        const result = parsePolicySource(stringify(policy), { filename: 'policy.yaml' });
        expect(result).toEqual({ ok: true, policy, filename: 'policy.yaml' });
      }),
      RUNS,
    );
  });

  it('agrees with the published PolicySchema on valid policies', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        expect(PolicySchema.safeParse(JSON.parse(JSON.stringify(policy))).success).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('parsePolicy on broken policies', () => {
  it('rejects every vocabulary mutation with the right code at the mutated place', () => {
    fc.assert(
      fc.property(mutations, (mutation) => {
        const result = parsePolicy(mutation.policy);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toContainEqual(
          expect.objectContaining({ code: mutation.code, path: mutation.path }),
        );
      }),
      { numRuns: runs(300) },
    );
  });

  it('is matched by the published PolicySchema, which rejects every mutation it can see', () => {
    fc.assert(
      fc.property(
        mutations.filter((m) => m.schemaSees),
        (mutation) => {
          expect(PolicySchema.safeParse(mutation.policy).success).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('never throws on any JSON value, and points every issue into the document', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        const result = parsePolicy(input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          expect(issue.path.length === 0 || at(input, issue.path.slice(0, -1)) !== undefined).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('never throws when any part of a valid policy is replaced by any JSON value', () => {
    const replaced = policies.chain((policy) => {
      const paths: PathSegment[][] = [];
      const walk = (node: unknown, path: PathSegment[]) => {
        paths.push(path);
        if (typeof node === 'object' && node !== null)
          for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
      };
      walk(policy, []);
      return fc
        .tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue())
        .map(([path, value]) => {
          const copy = structuredClone(policy) as unknown as Record<PathSegment, unknown>;
          (at(copy, path.slice(0, -1)) as Record<PathSegment, unknown>)[path.at(-1)!] = value;
          return copy;
        });
    });
    fc.assert(
      fc.property(replaced, (input) => {
        const result = parsePolicy(input);
        if (!result.ok) {
          for (const issue of result.issues) {
            expect(issue.path.length === 0 || at(input, issue.path.slice(0, -1)) !== undefined).toBe(true);
          }
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
