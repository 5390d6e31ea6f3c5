import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyMetrics } from '../analysis/policy-metrics.js';
import { defaultWeights } from '../vocabulary/default-weights.js';
import type { Condition } from '../model/condition.js';
import type { Duty, Policy, Rule } from '../model/policy.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { arbitraryPolicy } from '../testing.js';
import { type AuditReport, auditPolicy, formatShare, nextReviewDate } from './audit-policy.js';
import { fairPolicyCriteria } from './fair-policy-criteria.js';
import { parseCriteria } from './parse-criteria.js';
import { runs } from '../../../../test/support/property-runs.js';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/policies');
const load = (name: string): Policy => {
  const file = join(EXAMPLES, name);
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${name}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.policy;
};
const ids = (report: AuditReport) => report.findings.map((f) => f.id);
const finding = (report: AuditReport, id: string) => {
  const found = report.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} in ${ids(report).join(', ')}`);
  return found;
};
const SUPPORT_MEASURES = fairPolicyCriteria.criteria.filter((c) => c.checklist).map((c) => c.id);

describe('the union’s flagship and the management draft', () => {
  const union = load('000_staff-union-alternative.yaml');
  const draft = load('management-draft.yaml');

  it('the flagship has no error-level finding, under UK and US criteria alike', () => {
    for (const jurisdictions of [undefined, ['uk'], ['us'], ['uk', 'us', 'eu']] as const) {
      const report = auditPolicy(union, jurisdictions ? { jurisdictions } : {});
      expect(report.counts.error).toBe(0);
      expect(report.checklist).toEqual({ provided: 16, total: 16 });
    }
    expect(auditPolicy(union).summary).toBe(
      'Reaches less than 1% of own-time personal use (fair policies: at most 5%); provides 16 of 16 support measures.',
    );
  });

  it('the management draft gets the findings its text deserves (UK, as it declares)', () => {
    const report = auditPolicy(draft);
    expect(report.jurisdictions).toEqual(['uk']);
    expect(report.summary).toBe(
      'Reaches 100% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures; leaves 2 duties to the person targeted; monitors personal accounts; pre-approves personal posts.',
    );
    expect(ids(report)).toEqual([
      'own-time-reach',
      'own-time-not-declared-out-of-scope',
      'monitors-personal-accounts',
      'pre-approves-personal-posts',
      'conscripts-personal-accounts',
      ...SUPPORT_MEASURES,
      'support-left-to-person',
      'no-support',
      'images-without-consent',
      'no-consultation',
      'no-review-date',
    ]);
    expect(report.findings.filter((f) => !f.checklist).map((f) => `${f.id}:${f.severity}`)).toEqual([
      'own-time-reach:error',
      'own-time-not-declared-out-of-scope:note',
      'monitors-personal-accounts:error',
      'pre-approves-personal-posts:warning',
      'conscripts-personal-accounts:warning',
      'support-left-to-person:error',
      'no-support:error',
      'images-without-consent:warning',
      'no-consultation:warning',
      'no-review-date:note',
    ]);
    expect(report.findings.filter((f) => f.checklist).every((f) => f.severity === 'warning')).toBe(true);
    const reach = finding(report, 'own-time-reach');
    expect(reach).toMatchObject({ severity: 'error', theme: 'Private life', reach: 1, byDefault: true });
    expect(reach.ruleIds).toEqual([
      'no-criticism-of-the-organisation',
      'no-discussion-of-pay-or-conditions',
      'no-internal-information',
      'no-branding-on-personal-accounts',
      'work-posts-need-approval',
      'be-respectful-in-replies',
      'own-time-posts',
    ]);
    expect(reach.source).toMatchObject({ publisher: expect.stringContaining('Acas'), section: 'Key points' });
    // Under the default weights (docs/weights.md): personal accounts are 90% of situations, a work-related
    // incident 1% (2% of situations involve an incident, half of them because of the person's work).
    expect(report.weights).toBe('default');
    expect(finding(report, 'monitors-personal-accounts').region.share).toBeCloseTo(0.9, 12);
    expect(finding(report, 'no-support').region.share).toBeCloseTo(0.01, 12);
    expect(finding(report, 'support-left-to-person').region.share).toBeCloseTo(0.02, 12);
    expect(finding(report, 'no-consultation').region.share).toBeCloseTo(1, 12);
    expect(finding(report, 'monitors-personal-accounts')).toMatchObject({
      severity: 'error',
      commitmentIds: ['we-monitor-personal-accounts'],
      source: { id: 'ico-monitoring-workers', year: 2023 },
    });
    expect(finding(report, 'pre-approves-personal-posts').commitmentIds).toEqual([
      'personal-posts-pre-approved',
    ]);
    expect(finding(report, 'conscripts-personal-accounts').commitmentIds).toEqual([
      'staff-promote-the-organisation',
      'staff-follow-our-accounts',
    ]);
    expect(finding(report, 'support-left-to-person')).toMatchObject({
      severity: 'error',
      dutyIds: ['report-abuse-yourself', 'moderate-your-own-threads'],
    });
    expect(finding(report, 'support-report-to-platforms').dutyIds).toEqual(['report-abuse-yourself']);
    expect(finding(report, 'support-moderate-comments').dutyIds).toEqual(['moderate-your-own-threads']);
    expect(finding(report, 'no-support')).toMatchObject({
      severity: 'error',
      theme: 'Support for staff who are targeted',
    });
    expect(finding(report, 'images-without-consent').ruleIds).toEqual(['be-respectful-in-replies']);
    expect(report.notApplied.filter((n) => n.reason === 'jurisdiction').map((n) => n.criterionId)).toEqual([
      'bans-criticism-of-employer',
      'bans-discussing-pay-or-conditions',
      'requires-respect-or-positivity',
      'bans-logo-use',
      'restricts-union-activity',
    ]);
  });

  it('under US law the draft’s bans on criticism, pay talk, negativity, the logo and union activity are overbroad', () => {
    const report = auditPolicy(draft, { jurisdictions: ['us'] });
    expect(report.jurisdictionsFrom).toBe('options');
    expect(finding(report, 'bans-criticism-of-employer')).toMatchObject({
      severity: 'error',
      ruleIds: ['no-criticism-of-the-organisation'],
      source: {
        id: 'nlrb-gc-15-04',
        section: 'Rules regarding employee conduct toward the company and supervisors',
      },
    });
    expect(finding(report, 'bans-discussing-pay-or-conditions')).toMatchObject({
      ruleIds: ['no-criticism-of-the-organisation', 'no-discussion-of-pay-or-conditions'],
      source: { section: 'Confidentiality rules' },
    });
    expect(finding(report, 'requires-respect-or-positivity')).toMatchObject({
      severity: 'warning',
      ruleIds: ['be-respectful-in-replies', 'own-time-posts'],
      source: { id: 'nlrb-stericycle', year: 2023 },
    });
    expect(finding(report, 'bans-logo-use').ruleIds).toContain('no-branding-on-personal-accounts');
    expect(finding(report, 'restricts-union-activity')).toMatchObject({
      ruleIds: ['no-discussion-of-pay-or-conditions', 'no-branding-on-personal-accounts'],
      byDefault: true,
    });
    expect(report.summary).toContain('; 7 rules overbroad under US law.');
  });

  it('a group switched off is not applied, by option or in the criteria file', () => {
    const off = auditPolicy(draft, { skipGroups: ['support'] });
    expect(ids(off).some((id) => id.startsWith('support') || id === 'no-support')).toBe(false);
    expect(off.summary).not.toContain('support measures');
    const data = {
      ...fairPolicyCriteria,
      groups: fairPolicyCriteria.groups.map((g) => (g.id === 'monitoring' ? { ...g, enabled: false } : g)),
    };
    const parsed = parseCriteria(data);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const report = auditPolicy(draft, { criteria: parsed.criteria });
    expect(ids(report)).not.toContain('monitors-personal-accounts');
    expect(report.notApplied).toContainEqual({
      criterionId: 'monitors-personal-accounts',
      reason: 'group-off',
    });
  });
});

describe('the other example policies, reviewed', () => {
  // Findings outside the support checklist, with their severities, and how many checklist measures are missing,
  // in each policy's declared jurisdictions. Reviewed by hand against each policy's text.
  const table: [string, string, string[], number][] = [
    [
      'council-protocol.yaml',
      // Exactly at the limit (party-political posts on personal accounts): reported, not a finding.
      'Reaches 5% of own-time personal use (fair policies: at most 5%); provides 3 of 16 support measures.',
      [
        'images-without-consent:warning',
        'no-consultation:warning',
        'no-review-date:note',
        'no-principles:note',
      ],
      13,
    ],
    [
      'government-department-guidance.yaml',
      'Reaches 5.4% of own-time personal use (fair policies: at most 5%); provides 2 of 16 support measures.',
      ['own-time-reach:error', 'no-review-date:note', 'no-principles:note'],
      14,
    ],
    [
      'tech-company-staff.yaml',
      'Reaches 9.2% of own-time personal use (fair policies: at most 5%); provides 1 of 16 support measures; 1 rule overbroad under US law.',
      [
        'own-time-reach:error',
        'own-time-not-declared-out-of-scope:note',
        'bans-discussing-pay-or-conditions:error',
        'bans-logo-use:warning',
        'images-without-consent:warning',
        'no-consultation:warning',
        'no-review-date:note',
      ],
      15,
    ],
    [
      'newsroom-support-protocol.yaml',
      'Reaches 0% of own-time personal use (fair policies: at most 5%); provides 4 of 16 support measures.',
      ['no-consultation:warning', 'no-review-date:note', 'no-jurisdiction:note'],
      12,
    ],
  ];
  it.each(table)('%s', (name, summary, expected, missing) => {
    const report = auditPolicy(load(name));
    expect(report.summary).toBe(summary);
    expect(report.findings.filter((f) => !f.checklist).map((f) => `${f.id}:${f.severity}`)).toEqual(expected);
    expect(report.findings.filter((f) => f.checklist)).toHaveLength(missing);
    expect(report.checklist).toEqual({ provided: 16 - missing, total: 16 });
  });
});

describe('every example policy, reviewed', () => {
  // Reviewed by hand: each row is what the policy's text deserves under the criteria, in its declared
  // jurisdictions (none declared for the seed policies, so only the criteria that apply everywhere).
  const table: [string, string, string[]][] = [
    [
      '001_online-participation-guidelines.yaml',
      'Reaches 0% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures.',
      [
        ...SUPPORT_MEASURES,
        'no-support',
        'images-without-consent',
        'no-consultation',
        'no-review-date',
        'no-jurisdiction',
      ],
    ],
    [
      '002_domestic-violence-programme.yaml',
      'Reaches 0% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures.',
      [...SUPPORT_MEASURES, 'images-without-consent', 'no-consultation', 'no-review-date', 'no-jurisdiction'],
    ],
    [
      '003_council-networking-policy.yaml',
      'Reaches 3.4% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures.',
      [...SUPPORT_MEASURES, 'images-without-consent', 'no-consultation', 'no-review-date', 'no-jurisdiction'],
    ],
    [
      '004_encouraging-guidance.yaml',
      'Reaches 48% of own-time personal use (fair policies: at most 5%); provides 0 of 16 support measures.',
      [
        'own-time-reach',
        'own-time-not-declared-out-of-scope',
        ...SUPPORT_MEASURES,
        'no-support',
        'images-without-consent',
        'no-consultation',
        'no-review-date',
        'no-jurisdiction',
      ],
    ],
    ['starter.yaml', 'STARTER', []],
  ];
  it.each(table)('%s', (name, summary, expected) => {
    const report = auditPolicy(load(name));
    if (summary !== 'STARTER') {
      expect(report.summary).toBe(summary);
      expect(ids(report)).toEqual(expected);
    } else {
      // The starter is a template: it has the two support duties an organisation starts from, and says so.
      expect(report.checklist.provided).toBe(2);
      expect(ids(report)).not.toContain('no-support');
      expect(ids(report)).not.toContain('own-time-reach');
    }
  });
});

const WORK_RELATED: Condition = {
  all: [
    { fact: 'incident.kind', isNot: 'none' },
    { fact: 'incident.workRelated', is: true },
  ],
};
const PRIVATE: Condition = {
  all: [
    { fact: 'account.kind', in: ['personal', 'pseudonymous'] },
    { fact: 'context.time', is: 'own-time' },
  ],
};

describe('every criterion has a test that makes it fire and one that keeps it silent', () => {
  // The flagship gives no dates (it is a proposal); with a next review set, and audited on a day before it, it is
  // silent on every criterion.
  const base: Policy = {
    ...load('000_staff-union-alternative.yaml'),
    jurisdictions: ['uk', 'us'],
    review: { lastReviewed: '2026-03-01', every: 'P1Y' },
  };
  const asOf = '2026-12-02';
  const silent = auditPolicy(base, { asOf });
  it('the flagship with its jurisdictions declared is silent on every criterion', () => {
    expect(ids(silent)).toEqual([]);
  });

  const rule = (id: string, when: Condition, outcome: Rule['outcome'], extra: Partial<Rule> = {}): Rule =>
    ({ id, when, outcome, reason: 'For the audit test.', ...extra }) as Rule;
  const withRule = (r: Rule): Policy => ({ ...base, rules: [r, ...base.rules] });
  const withCommitment = (commitment: string): Policy => ({
    ...base,
    commitments: [...(base.commitments ?? []), { id: 'added-commitment', commitment }],
  });
  const withoutReview = (() => {
    const { review: _, ...rest } = base;
    return rest as Policy;
  })();
  // A mutation with options: audited as of another date.
  const asOfOptions: Record<string, string> = { 'review-overdue': '2027-03-02' };
  const mutations: Record<string, Policy> = {
    'no-review-date': { ...withoutReview, review: { lastReviewed: '2026-03-01' } },
    'review-overdue': base,
    'own-time-reach': {
      ...base,
      rules: base.rules.map((r) =>
        r.id === 'own-time-is-your-own' ? { ...r, outcome: 'check-first', reviewers: ['comms-team'] } : r,
      ),
    },
    'own-time-not-declared-out-of-scope': {
      ...base,
      rules: base.rules.map((r) => (r.id === 'own-time-is-your-own' ? { ...r, outcome: 'permitted' } : r)),
    },
    'monitors-personal-accounts': withCommitment('monitor-personal-accounts'),
    'asks-for-account-access': withCommitment('request-account-access'),
    'screens-social-media': withCommitment('screen-social-media-in-recruitment'),
    'pre-approves-personal-posts': withCommitment('pre-approve-personal-posts'),
    'conscripts-personal-accounts': withCommitment('require-connecting-with-organisation'),
    'bans-criticism-of-employer': withRule(
      rule('no-criticism', { fact: 'content.kind', is: 'view-on-employer' }, 'not-permitted'),
    ),
    'bans-discussing-pay-or-conditions': withRule(
      rule('no-pay-talk', { fact: 'content.aboutPayOrConditions', is: true }, 'not-permitted'),
    ),
    'requires-respect-or-positivity': withRule(
      rule('be-nice', { fact: 'activity.kind', is: 'comment' }, 'permitted-with-conditions', {
        conditions: ['be-respectful'],
      }),
    ),
    'bans-logo-use': withRule(rule('no-logo', { fact: 'content.usesBranding', is: true }, 'not-permitted')),
    'restricts-union-activity': withRule(
      rule('union-approval', { fact: 'content.kind', is: 'union-activity' }, 'check-first', {
        reviewers: ['hr'],
      }),
    ),
    'support-left-to-person': {
      ...base,
      duties: [
        ...(base.duties ?? []),
        {
          id: 'you-report',
          when: WORK_RELATED,
          action: 'record-incident',
          holder: 'person-targeted',
          modality: 'must',
          reason: 'Test.',
        },
      ],
    },
    'no-support': { ...base, duties: [] },
    'images-without-consent': withRule(
      rule(
        'photos',
        {
          all: [
            { fact: 'account.kind', is: 'organisational' },
            { fact: 'content.kind', is: 'image-of-people' },
          ],
        },
        'permitted',
      ),
    ),
    'restricts-service-users': withRule(
      rule('survivors', { fact: 'actor.role', is: 'service-user' }, 'not-permitted'),
    ),
    'no-consultation': {
      ...base,
      commitments: (base.commitments ?? []).filter((c) => c.commitment !== 'consultation-on-changes'),
    },
    'no-principles': { ...base, principles: [] },
    'no-jurisdiction': (() => {
      const { jurisdictions: _, ...rest } = base;
      return rest as Policy;
    })(),
  };
  for (const criterion of fairPolicyCriteria.criteria) {
    if (criterion.test.kind === 'duty-absent' && criterion.checklist) {
      const actions = criterion.test.actions;
      mutations[criterion.id] = {
        ...base,
        duties: (base.duties ?? []).filter((d) => !actions.includes(d.action)),
      };
    }
  }

  it.each(fairPolicyCriteria.criteria.map((c) => [c.id]))('%s fires on a policy that breaks it', (id) => {
    const policy = mutations[id];
    expect(policy, `a firing test for ${id}`).toBeDefined();
    const report = auditPolicy(policy!, { asOf: asOfOptions[id] ?? asOf });
    expect(ids(report)).toContain(id);
    expect(ids(silent)).not.toContain(id);
  });
});

describe('the review date', () => {
  const union = load('000_staff-union-alternative.yaml');
  const dated = (review: Policy['review'], effectiveDate?: string): Policy => ({
    ...union,
    ...(review ? { review } : {}),
    ...(effectiveDate ? { effectiveDate } : {}),
  });

  it('is the next review given, else the last review (or the effective date) plus the period', () => {
    expect(
      nextReviewDate(dated({ nextReview: '2027-04-01', lastReviewed: '2020-01-01', every: 'P1Y' })),
    ).toBe('2027-04-01');
    expect(nextReviewDate(dated({ lastReviewed: '2026-03-01', every: 'P1Y' }))).toBe('2027-03-01');
    expect(nextReviewDate(dated({ lastReviewed: '2026-08-31', every: 'P6M' }))).toBe('2027-02-28');
    expect(nextReviewDate(dated({ lastReviewed: '2027-08-31', every: 'P6M' }))).toBe('2028-02-29');
    expect(nextReviewDate(dated({ lastReviewed: '2025-11-15', every: 'P1Y2M' }))).toBe('2027-01-15');
    expect(nextReviewDate(dated({ every: 'P2Y' }, '2026-01-10'))).toBe('2028-01-10');
    // The flagship proposes a yearly review but, as a proposal, has no date to count from.
    expect(nextReviewDate(union)).toBeUndefined();
    expect(nextReviewDate(dated({ lastReviewed: '2026-03-01' }))).toBeUndefined();
  });

  it('fires when absent; when passed only against a reference date, and not on the day itself', () => {
    const union2026 = dated({ nextReview: '2026-12-02' });
    const fired = (policy: Policy, asOf?: string) =>
      ids(auditPolicy(policy, asOf ? { asOf } : {})).filter((id) => id.includes('review'));
    expect(fired(union)).toEqual(['no-review-date']);
    expect(fired(union2026)).toEqual([]);
    expect(auditPolicy(union2026).notApplied).toContainEqual({
      criterionId: 'review-overdue',
      reason: 'no-reference-date',
    });
    expect(fired(union2026, '2026-12-02')).toEqual([]);
    expect(fired(union2026, '2026-12-03')).toEqual(['review-overdue']);
    expect(finding(auditPolicy(union2026, { asOf: '2027-01-01' }), 'review-overdue')).toMatchObject({
      severity: 'warning',
      theme: 'Process',
      source: { id: 'acas-social-media-policy' },
      region: { share: expect.closeTo(1, 12) },
    });
  });

  it('a reference date that is not a real date is a programmer error', () => {
    expect(() => auditPolicy(union, { asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => auditPolicy(union, { asOf: 'today' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('properties', () => {
  const policies = arbitraryPolicy({
    facts: [
      'account.kind',
      'context.time',
      'content.kind',
      'incident.kind',
      'incident.workRelated',
      'actor.role',
    ],
    maxRules: 5,
    maxDuties: 3,
    maxValuesPerFact: 4,
  });
  const RUNS = { numRuns: runs(40) };
  const SUPPORT_ACTIONS = [
    'receive-report',
    'risk-assessment',
    'take-over-replies',
    'legal-support',
    'record-incident',
  ];

  it('adding a support duty held by the organisation never adds a support finding', () => {
    fc.assert(
      fc.property(policies, fc.constantFrom(...SUPPORT_ACTIONS), (policy, action) => {
        const duty: Duty = {
          id: 'zz-added-support',
          when: WORK_RELATED,
          action,
          holder: 'organisation',
          modality: 'must',
          deadline: 'PT24H',
          consentRequired: true,
          reason: 'Added by the property.',
        };
        const support = (r: AuditReport) =>
          new Set(r.findings.filter((f) => f.group === 'support').map((f) => f.id));
        const before = support(auditPolicy(policy));
        const after = support(auditPolicy({ ...policy, duties: [...(policy.duties ?? []), duty] }));
        for (const id of after) expect(before.has(id)).toBe(true);
      }),
      RUNS,
    );
  });

  it('removing a restriction (a rule made out-of-scope) never adds a private-life finding or raises the reach', () => {
    fc.assert(
      fc.property(policies, fc.nat(), (policy, pick) => {
        if (policy.rules.length === 0) return;
        const index = pick % policy.rules.length;
        const { conditions: _c, reviewers: _r, ...loosened } = policy.rules[index]!;
        const after = {
          ...policy,
          rules: policy.rules.map((r, i) =>
            i === index ? { ...loosened, outcome: 'out-of-scope' as const } : r,
          ),
        };
        const privateLife = (r: AuditReport) =>
          new Set(r.findings.filter((f) => f.group === 'private-life').map((f) => f.id));
        const a = auditPolicy(policy);
        const b = auditPolicy(after);
        for (const id of privateLife(b)) expect(privateLife(a).has(id)).toBe(true);
        expect(b.reaches[0]!.reach ?? 0).toBeLessThanOrEqual((a.reaches[0]!.reach ?? 0) + 1e-12);
      }),
      RUNS,
    );
  });

  it('findings are deterministic, and every region is non-empty with the share policyMetrics measures', () => {
    const weights = {
      'context.time': { 'work-time': 0.3, 'own-time': 0.7 },
      'incident.kind': { none: 9, doxxing: 1 },
    };
    const choices = [
      { options: { weights, jurisdictions: ['uk', 'us'] as const }, distribution: weights },
      { options: { jurisdictions: ['us'] as const }, distribution: defaultWeights },
      { options: { weights: 'uniform' as const }, distribution: undefined },
    ];
    fc.assert(
      fc.property(policies, fc.constantFrom(...choices), (policy, { options, distribution }) => {
        const report = auditPolicy(policy, options);
        expect(report.weights).toBe(
          options.weights === undefined ? 'default' : options.weights === 'uniform' ? 'uniform' : 'given',
        );
        expect(auditPolicy(policy, options)).toEqual(report);
        for (const f of report.findings) {
          expect(f.region.description.length).toBeGreaterThan(0);
          const probe: Policy = {
            ...policy,
            resolution: 'first-match',
            rules: [{ id: 'probe', when: f.region.when, outcome: 'not-permitted', reason: 'Probe.' }],
            default: { outcome: 'out-of-scope', reason: 'Probe.' },
            duties: [],
          };
          const measured = policyMetrics(probe, { distribution }).outcomeShares['not-permitted'];
          // Non-empty: counted uniformly it holds scenarios, even where the weights give them none.
          expect(policyMetrics(probe).outcomeShares['not-permitted']).toBeGreaterThan(0);
          expect(f.region.share).toBeCloseTo(measured, 12);
        }
      }),
      RUNS,
    );
  });

  it('never throws on a valid policy, whatever the jurisdiction', () => {
    fc.assert(
      fc.property(
        arbitraryPolicy({ everyField: true, maxRules: 4 }),
        fc.subarray(['uk', 'us', 'eu', 'other'] as const),
        (policy, jurisdictions) => {
          const report = auditPolicy(policy, { jurisdictions });
          expect(report.summary.endsWith('.')).toBe(true);
        },
      ),
      { numRuns: runs(25) },
    );
  });
});

it('the private-life reach is policyMetrics’ private-life reach when no legitimate reason is in play', () => {
  const draft = load('management-draft.yaml');
  expect(auditPolicy(draft).reaches[0]!.reach).toBe(1);
  expect(policyMetrics(draft, { distribution: defaultWeights }).privateLifeReach).toBe(1);
  const union = load('000_staff-union-alternative.yaml');
  const withoutExceptions = {
    ...fairPolicyCriteria,
    criteria: fairPolicyCriteria.criteria.map((c) =>
      c.id === 'own-time-reach' && c.test.kind === 'decides'
        ? {
            ...c,
            test: {
              ...c.test,
              except: undefined,
              outcomes: ['permitted', 'permitted-with-conditions', 'check-first', 'not-permitted'] as const,
            },
          }
        : c,
    ),
  };
  const parsed = parseCriteria(JSON.parse(JSON.stringify(withoutExceptions)));
  if (!parsed.ok) throw new Error('criteria');
  expect(auditPolicy(union, { criteria: parsed.criteria, weights: {} }).reaches[0]!.reach).toBeCloseTo(
    policyMetrics(union).privateLifeReach!,
    12,
  );
});
void PRIVATE;

it('a share reads as a person says it, keeping a tenth of a percent under 10%', () => {
  expect([0, 0.001, 0.034169, 0.05, 0.0536, 0.0999, 0.48, 0.999, 1].map(formatShare)).toEqual([
    '0%',
    'less than 1%',
    '3.4%',
    '5%',
    '5.4%',
    '10%',
    '48%',
    'more than 99%',
    '100%',
  ]);
});
