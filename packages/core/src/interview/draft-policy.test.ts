import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePolicy } from '../analysis/analyze-policy.js';
import { auditPolicy } from '../audit/audit-policy.js';
import { formatDocument } from '../format/format-document.js';
import { parsePolicySource } from '../parse/parse-policy-source.js';
import { draftPolicy } from './draft-policy.js';
import {
  defaultInterviewAnswers,
  type InterviewAnswers,
  InterviewAnswersSchema,
  parseInterviewAnswers,
  questionApplies,
} from './interview-answers.js';
import { INTERVIEW, type InterviewQuestion } from './interview-questions.js';
import { readDraftAnswers } from './read-draft-answers.js';
import { runs } from '../../../../test/support/property-runs.js';

// Small in the suite; FAIRPOST_PROPERTY_SCALE (pnpm test:long) makes the property run longer.
const RUNS = runs(60);

/** A duration as a person might write it, in words or ISO 8601. */
const arbitraryDuration = fc.oneof(
  fc.integer({ min: 1, max: 72 }).map((n) => `within ${n} hour${n === 1 ? '' : 's'}`),
  fc.integer({ min: 1, max: 10 }).map((n) => `${n} working day${n === 1 ? '' : 's'}`),
  fc.integer({ min: 1, max: 4 }).map((n) => `${n} week${n === 1 ? '' : 's'}`),
  fc.integer({ min: 1, max: 48 }).map((n) => `PT${n}H`),
  fc.constantFrom('1 day and 12 hours', 'a day', 'P2D'),
);

/** Any answer a question accepts, generated from the question's own data. */
function arbitraryAnswer(q: InterviewQuestion): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case 'choice':
      return fc.constantFrom(...q.options.map((o) => o.value));
    case 'multi-choice':
      return fc.subarray(q.options.map((o) => o.value));
    case 'yes-no':
      return fc.boolean();
    case 'text':
      return (
        fc
          .string({ minLength: 1, maxLength: 60, unit: 'grapheme' })
          // Any name the schema accepts (hostile characters included): the other tests pin what it refuses.
          .filter((s) => parseInterviewAnswers({ [q.id]: s }).ok)
      );
    case 'duration':
      return arbitraryDuration;
    default:
      return q satisfies never;
  }
}

/** Answer sets covering every path through the interview, with some answers left to their defaults. */
const arbitraryAnswers: fc.Arbitrary<InterviewAnswers> = fc
  .record(Object.fromEntries(INTERVIEW.map((q) => [q.id, arbitraryAnswer(q)])), { requiredKeys: [] })
  .map((input) => InterviewAnswersSchema.parse(input));

describe('drafting a policy from answers', () => {
  it('every path through the interview yields a policy that parses, lints without error, audits with no error-level finding and reopens', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const draft = draftPolicy(answers);
        const parsed = parsePolicySource(draft.yaml, { filename: 'draft.yaml' });
        expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.issues)).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.policy).toEqual(draft.policy);
        const findings = analyzePolicy(parsed.policy);
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(findings.filter((f) => f.code === 'shadowed')).toEqual([]);
        // Under the default criteria (fairPolicyCriteria, the draft's own jurisdictions).
        const audit = auditPolicy(parsed.policy);
        expect(
          audit.findings.filter((f) => f.severity === 'error').map((f) => `${f.id}: ${f.message}`),
        ).toEqual([]);
        // Already in fmt's canonical layout, so `fairpost fmt --check` passes on it.
        expect(formatDocument(draft.yaml, 'draft.yaml')).toEqual({
          ok: true,
          kind: 'policy',
          text: draft.yaml,
        });
        const reopened = readDraftAnswers(draft.yaml);
        expect(reopened).toEqual({ ok: true, answers });
        expect(draftPolicy(reopened.ok ? reopened.answers : answers).yaml).toBe(draft.yaml);
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });

  it('traces every rule, duty and commitment to a question that was asked', () => {
    fc.assert(
      fc.property(arbitraryAnswers, (answers) => {
        const { policy } = draftPolicy(answers);
        const asked = new Set(INTERVIEW.filter((q) => questionApplies(q, answers)).map((q) => q.prompt));
        for (const entry of [...policy.rules, ...(policy.duties ?? []), ...(policy.commitments ?? [])]) {
          expect(entry.source?.document).toBe('interview');
          expect(asked).toContain(entry.source?.section);
          expect(entry.source?.quote).toBeTruthy();
        }
      }),
      { numRuns: RUNS, seed: 81 },
    );
  });

  it('turns the answers into the rules they name', () => {
    const base = defaultInterviewAnswers();
    const ids = (answers: Partial<InterviewAnswers>) =>
      draftPolicy({ ...base, ...answers }).policy.rules.map((r) => r.id);
    expect(ids({})).toContain('own-time-is-your-own');
    expect(ids({ ownTimeOutOfScope: false })).not.toContain('own-time-is-your-own');
    expect(ids({ peopleServed: 'public' })).not.toContain('never-identify-the-people-we-support');
    expect(ids({ peopleServed: 'clients' })).toContain('never-identify-the-people-we-support');
    expect(ids({ accounts: [] })).not.toContain('new-content-on-our-accounts');
    expect(ids({ organisationKind: 'public-body' })).toContain('no-party-politics-on-our-accounts');
    const duty = (answers: Partial<InterviewAnswers>) =>
      draftPolicy({ ...base, ...answers }).policy.duties?.find((d) => d.id === 'receive-report');
    expect(duty({ respondWithin: 'within 2 hours', reportsTo: 'hr' })).toMatchObject({
      deadline: 'PT2H',
      holder: 'hr',
    });
    expect(duty({ respondWithin: '2 working days' })).toMatchObject({ deadline: 'P2D', workingDays: true });
  });

  it('gives the same bytes for the same answers, and says where the answers are kept', () => {
    const answers = defaultInterviewAnswers();
    expect(draftPolicy(answers).yaml).toBe(draftPolicy(structuredClone(answers)).yaml);
    expect(draftPolicy(answers).yaml).toMatch(/^# yaml-language-server: \$schema=https:\/\//);
    expect(draftPolicy(answers).yaml).toMatch(/\n# fairpost-interview-answers:\n# {3}organisation: /);
  });

  it('keeps a hostile organisation name as data', () => {
    const name = 'Evil: {x: [1]} # not a comment\n#   organisation: <script>'.replace('\n', ' ');
    const draft = draftPolicy({ ...defaultInterviewAnswers(), organisation: name });
    const parsed = parsePolicySource(draft.yaml, { filename: 'draft.yaml' });
    expect(parsed.ok && parsed.policy.organisation).toBe(name);
    expect(readDraftAnswers(draft.yaml)).toMatchObject({ ok: true, answers: { organisation: name } });
  });

  it('drafts the same bytes whether or not the answers file names its $schema', () => {
    const withSchema = parseInterviewAnswers({ $schema: './interview-answers.json', organisation: 'A' });
    const without = parseInterviewAnswers({ organisation: 'A' });
    expect(withSchema).toEqual(without);
    if (withSchema.ok) expect(draftPolicy(withSchema.answers).yaml).not.toContain('$schema: ');
  });

  it('throws for answers that were never read through the schema', () => {
    expect(() =>
      draftPolicy({ ...defaultInterviewAnswers(), respondWithin: 'whenever' } as InterviewAnswers),
    ).toThrow(/valid interview answers/);
  });
});
