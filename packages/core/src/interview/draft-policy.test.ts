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
import { parseInterviewAnswersSource } from './parse-answers-source.js';
import { readDraftAnswers } from './read-draft-answers.js';

// Small in the suite; FAIRPOST_FUZZ_RUNS makes the property run longer.
const RUNS = Number(process.env.FAIRPOST_FUZZ_RUNS ?? 60);

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

describe('the interview as data', () => {
  it('asks about fifteen questions, each with a prompt, help and a default its own schema accepts', () => {
    expect(INTERVIEW.length).toBeGreaterThanOrEqual(14);
    expect(INTERVIEW.length).toBeLessThanOrEqual(18);
    expect(new Set(INTERVIEW.map((q) => q.id)).size).toBe(INTERVIEW.length);
    const defaults = defaultInterviewAnswers();
    for (const q of INTERVIEW) {
      expect(q.prompt).toMatch(/\?$/);
      expect(q.help.length).toBeGreaterThan(10);
      expect(defaults[q.id]).toEqual(q.default);
    }
    const keys = Object.keys(InterviewAnswersSchema.shape).filter((key) => key !== '$schema');
    expect(keys.sort()).toEqual(INTERVIEW.map((q) => q.id).sort());
  });

  it('makes a question depend only on an earlier one, through values that question offers', () => {
    INTERVIEW.forEach((q, index) => {
      const when = (q as InterviewQuestion).appliesWhen;
      if (!when) return;
      const earlier = INTERVIEW.slice(0, index).find((e) => e.id === when.question);
      expect(earlier, `${q.id} depends on ${when.question}`).toBeDefined();
      const offered = 'options' in earlier! ? earlier.options.map((o) => o.value) : [];
      if ('oneOf' in when) for (const v of when.oneOf) expect(offered).toContain(v);
      if ('includesAny' in when) for (const v of when.includesAny) expect(offered).toContain(v);
      if ('is' in when) expect(earlier!.kind).toBe('yes-no');
    });
  });

  it('accepts every option of every question and refuses a value that is not one', () => {
    for (const q of INTERVIEW) {
      if (q.kind !== 'choice') continue;
      for (const o of q.options) expect(parseInterviewAnswers({ [q.id]: o.value }).ok).toBe(true);
      const bad = parseInterviewAnswers({ [q.id]: 'not-an-option' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.issues[0]!.path).toEqual([q.id]);
    }
  });
});

describe('reading answers', () => {
  it('reads plain durations and says what is wrong with one it cannot read', () => {
    const good = parseInterviewAnswers({
      respondWithin: 'within 2 hours',
      urgentSupportWithin: '2 working days',
    });
    expect(good.ok).toBe(true);
    for (const [text, says] of [
      ['soon', /expected an ISO 8601 duration/],
      ['0 hours', /longer than zero/],
      ['2 years', /more than a year/],
      ['-4 hours', /cannot be negative/],
    ] as const) {
      const bad = parseInterviewAnswers({ respondWithin: text });
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.issues[0]!.path).toEqual(['respondWithin']);
        expect(bad.issues[0]!.message).toMatch(says);
      }
    }
  });

  it('refuses an unknown question, a repeated option and a name over several lines', () => {
    for (const input of [
      { organsation: 'Typo' },
      { support: ['legal-support', 'legal-support'] },
      { organisation: 'Two\nlines' },
      { organisation: '   ' },
      { organisation: 'Line\u2028separated' },
      { ownTimeOutOfScope: 'yes' },
    ]) {
      expect(parseInterviewAnswers(input).ok, JSON.stringify(input)).toBe(false);
    }
  });

  it('locates a bad answer in a JSON file by line and column', () => {
    const text = '{\n  "organisation": "Riverside Advice",\n  "reportsTo": "the-boss"\n}\n';
    const read = parseInterviewAnswersSource(text, 'answers.json');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]).toMatchObject({ path: ['reportsTo'], line: 3, column: 3 });
  });

  it('locates a syntax error and an unknown key, in JSON and in YAML', () => {
    const syntax = parseInterviewAnswersSource('{\n  "organisation": "A",\n}', 'a.json');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.issues[0]).toMatchObject({ code: 'invalid-json', line: 3, column: 1 });
    const yaml = parseInterviewAnswersSource('organisation: A\nsupprt:\n  - legal-support\n', 'a.yaml');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.issues[0]).toMatchObject({ code: 'unknown-key', line: 2, column: 1 });
  });
});

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

  it('reopens only a draft, and says so for any other policy', () => {
    const other = readDraftAnswers('schemaVersion: 1.0.0\nid: x\n');
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.issues[0]!.message).toMatch(/not drafted by the interview/);
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
