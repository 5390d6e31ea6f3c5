import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultInterviewAnswers,
  draftPolicy,
  INTERVIEW,
  type InterviewAnswers,
  parseInterviewAnswers,
  questionApplies,
} from '@fairpost/core/interview';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';

beforeAll(ensureBuilt, 120_000);

const folder = () => mkdtempSync(join(tmpdir(), 'fairpost-interview-'));

const RIVERSIDE = {
  organisation: 'Riverside Advice',
  organisationKind: 'support-service',
  peopleServed: 'clients',
  accounts: ['social-network', 'professional-network'],
  confidentiality: 'with-consent',
  respondWithin: 'within 2 hours',
  support: ['risk-assessment', 'take-over-replies', 'legal-support', 'emergency-fund'],
  urgentSupportWithin: '1 day',
};

function answersOf(input: unknown): InterviewAnswers {
  const read = parseInterviewAnswers(input);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.answers;
}

/** The lines a person types to give these answers: Enter where the answer is the one shown. */
function typedLines(answers: InterviewAnswers): string {
  const lines: string[] = [];
  for (const q of INTERVIEW) {
    if (!questionApplies(q, answers)) continue;
    const value = answers[q.id] as unknown;
    switch (q.kind) {
      case 'choice':
        lines.push(String(q.options.findIndex((o) => o.value === value) + 1));
        break;
      case 'multi-choice': {
        const chosen = q.options.flatMap((o, i) => ((value as string[]).includes(o.value) ? [i + 1] : []));
        lines.push(chosen.length === 0 ? 'none' : chosen.join(', '));
        break;
      }
      case 'yes-no':
        lines.push(value ? 'yes' : 'no');
        break;
      default:
        lines.push(String(value));
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('fairpost init --answers', () => {
  it('writes exactly the YAML draftPolicy gives for the same answers, and it validates, lints and is formatted', () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(RIVERSIDE, null, 2));
    const run = fairpost(['init', 'riverside', '--answers', 'answers.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const written = readFileSync(join(dir, 'riverside.yaml'), 'utf8');
    expect(written).toBe(draftPolicy(answersOf(RIVERSIDE)).yaml);
    expect(fairpost(['validate', 'riverside.yaml'], { cwd: dir }).code).toBe(0);
    expect(fairpost(['lint', 'riverside.yaml', '--severity', 'error'], { cwd: dir }).code).toBe(0);
    expect(fairpost(['fmt', '--check', 'riverside.yaml'], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: '',
    });
  });

  it('reads the answers from standard input with -', () => {
    const dir = folder();
    const run = fairpost(['init', '--answers', '-', '--json'], {
      cwd: dir,
      input: JSON.stringify(RIVERSIDE),
    });
    expect(JSON.parse(run.stdout)).toEqual({ file: 'policy.yaml', id: 'riverside-advice-social-media' });
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(draftPolicy(answersOf(RIVERSIDE)).yaml);
  });

  it('points at the line and column of a bad answer, and writes nothing', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'answers.json'),
      '{\n  "organisation": "Riverside Advice",\n  "respondWithin": "soon",\n  "suport": []\n}\n',
    );
    const run = fairpost(['init', '--answers', 'answers.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^fairpost init: answers\.json:3:3: respondWithin: expected an ISO 8601 duration/,
    );
    expect(run.stderr).toMatch(/\nanswers\.json:4:3: suport: unknown key "suport"/);
    expect(existsSync(join(dir, 'policy.yaml'))).toBe(false);
  });

  it('says where a file that is not JSON breaks', () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.json'), '{\n  "organisation": "A",\n}\n');
    const run = fairpost(['init', '--answers', 'answers.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 1 });
    expect(run.stderr).toMatch(/^fairpost init: answers\.json:3:1: not valid JSON/);
  });

  it('keeps init’s safety: no overwrite without --force, never over the answers file, never outside the folder', () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.json'), '{}');
    writeFileSync(join(dir, 'policy.yaml'), 'my own edits\n');
    const refused = fairpost(['init', '--answers', 'answers.json'], { cwd: dir });
    expect(refused.stderr).toBe(
      'fairpost init: policy.yaml already exists; add --force to replace it, or choose another name\n',
    );
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe('my own edits\n');
    writeFileSync(join(dir, 'answers.yaml'), 'organisation: Yaml Org\n');
    const own = fairpost(['init', 'answers.yaml', '--answers', 'answers.yaml', '--force'], { cwd: dir });
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/never writes over its own input/);
    expect(fairpost(['init', '../escape', '--answers', 'answers.json'], { cwd: dir }).code).toBe(2);
    expect(fairpost(['init', '--answers', 'answers.json', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(draftPolicy(defaultInterviewAnswers()).yaml);
  });
});

describe('fairpost init --interview', () => {
  it('asks the interview through piped standard input and drafts what --answers drafts', () => {
    const dir = folder();
    const answers = answersOf(RIVERSIDE);
    const run = fairpost(['init', '--interview'], { cwd: dir, input: typedLines(answers) });
    expect(run.code, run.stderr).toBe(0);
    const asked = INTERVIEW.filter((q) => questionApplies(q, answers));
    for (const [i, q] of asked.entries()) expect(run.stdout).toContain(`${i + 1}. ${q.prompt}`);
    expect(run.stdout).toMatch(/Wrote policy\.yaml\./);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(draftPolicy(answers).yaml);
  });

  it('skips questions that do not apply, explains a bad answer and asks again', () => {
    const dir = folder();
    const answers = answersOf({ peopleServed: 'public', accounts: [] });
    const lines = typedLines(answers).replace('within 4 hours', 'soon\nwithin 4 hours');
    const run = fairpost(['init', '--interview'], { cwd: dir, input: lines });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('identifies a person you support');
    expect(run.stdout).not.toContain('share what is already public');
    expect(run.stdout).toMatch(/found "soon"\n/);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(draftPolicy(answers).yaml);
  });

  it('reopens a draft: with Enter for every question, the same answers give the same file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(RIVERSIDE));
    expect(fairpost(['init', '--answers', 'answers.json'], { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    const run = fairpost(['init', '--interview', '--force'], {
      cwd: dir,
      input: '\n'.repeat(INTERVIEW.length),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Starting from the answers kept in policy.yaml.\n');
    expect(run.stdout).toContain('(Enter for "Riverside Advice")');
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe(before);
  });

  it('writes nothing when the input ends before the last question', () => {
    const dir = folder();
    const run = fairpost(['init', '--interview'], { cwd: dir, input: 'Riverside Advice\n2\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /the input ended before the interview finished, at question 3 \(peopleServed\)/,
    );
    expect(existsSync(join(dir, 'policy.yaml'))).toBe(false);
  });

  it('refuses an existing file before asking anything', () => {
    const dir = folder();
    writeFileSync(join(dir, 'policy.yaml'), 'mine\n');
    const run = fairpost(['init', '--interview'], { cwd: dir, input: '\n'.repeat(20) });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe('mine\n');
  });
});

// yaml-language-server offers no completion inside flow style (`{ fact: x, is: ▮ }`), so what people start from and
// copy from is written in block style: the canonical layout `fairpost fmt` writes.
describe('block style where people start and copy from', () => {
  it('init writes a policy fmt --check accepts', () => {
    const dir = folder();
    expect(fairpost(['init'], { cwd: dir }).code).toBe(0);
    expect(fairpost(['fmt', '--check', 'policy.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).not.toMatch(/: [[{]/);
  });

  it('the example policies and case tables are in the canonical layout', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    expect(fairpost(['fmt', '--check', ...files])).toMatchObject({ code: 0, stdout: '' });
    // Flow style only for an empty list or map (`[]`, `{}`), which YAML cannot write in block style.
    for (const file of files)
      expect(readFileSync(join(EXAMPLES, file), 'utf8')).not.toMatch(/^\s*[\w.-]+: (\[(?!\])|\{(?!\}))/m);
  });
});
