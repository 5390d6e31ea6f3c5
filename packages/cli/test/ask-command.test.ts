import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, evaluate, nextQuestion, parsePolicySource, type Scenario } from '@fairpost/core';
import { arbitraryCompleteScenario } from '@fairpost/core/testing';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, ensureBuilt, fairpost } from './fairpost-binary.js';
import { runs } from '../../../test/support/property-runs.js';

beforeAll(ensureBuilt, 120_000);

const parsed = parsePolicySource(readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('starter.yaml must be valid');
const starter = compilePolicy(parsed.policy);
const dir = mkdtempSync(join(tmpdir(), 'fairpost-ask-'));
writeFileSync(join(dir, 'known.yaml'), 'content.identifiesClient: false\naccount.kind: personal\n');
// The starter policy with a policy-wide doubt rule: if in doubt, the strictest answer still possible.
writeFileSync(
  join(dir, 'doubtful.yaml'),
  `${readFileSync(join(EXAMPLES, 'starter.yaml'), 'utf8')}doubt:\n  default:\n    resolve: strictest\n    reason: If in doubt, don't post it.\n`,
);

/** The lines a person would type to answer the planner's questions from a complete scenario: each choice's number. */
function typedAnswers(complete: Scenario, goal: 'outcome' | 'duties' = 'outcome'): string[] {
  const lines: string[] = [];
  let scenario: Scenario = {};
  const ask = (s: Scenario) => {
    const next = nextQuestion(starter, s, { goal });
    if (!next.ok) throw new Error('the scenario is invalid');
    return next.question;
  };
  for (let q = ask(scenario); q; q = ask(scenario)) {
    const value = (complete as Record<string, unknown>)[q.fact];
    lines.push(String(q.choices.findIndex((c) => c.value === value) + 1));
    scenario = { ...scenario, [q.fact]: value } as Scenario;
  }
  return lines;
}

describe('fairpost ask', () => {
  it('asks only what the decision depends on, shows numbered choices, then the decision and reason', () => {
    const run = fairpost(['ask', 'starter.yaml'], { input: '2\n3\nown-time\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '1. Could the content identify a client or service user? (Identifies a client)\n  1. Yes\n  2. No\n',
    );
    expect(run.stdout).toContain('2. Which account are you using?');
    expect(run.stdout).toContain('3. Is this in work time or your own time?');
    expect(run.stdout).not.toContain('What is the content?');
    expect(run.stdout).toContain('What you do on your own accounts in your own time is your business.');
  });

  it('explains a bad answer and asks the same question again', () => {
    const run = fairpost(['ask', 'starter.yaml'], { input: 'maybe\n7\nyes\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '"maybe" is not one of the choices. Type a number from 1 to 2, 0 if you are not sure, or a value such as true.',
    );
    expect(run.stdout).toContain('"7" is not one of the choices.');
    expect(run.stdout.match(/Could the content identify a client/g)).toHaveLength(1);
    expect(run.stdout).toContain('nothing we post may identify them');
  });

  it('takes "not sure" as an answer, never asks that fact again, and decides in doubt', () => {
    const run = fairpost(['ask', 'doubtful.yaml', '--json'], {
      cwd: dir,
      input: 'not sure\n1\n1\n1\n1\n1\n',
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.answers[0]).toEqual({ fact: 'content.identifiesClient', unsure: true });
    expect(out.answers.slice(1).map((a: { fact: string }) => a.fact)).not.toContain(
      'content.identifiesClient',
    );
    expect(out.scenario.unsure).toEqual(['content.identifiesClient']);
    expect(out.decision.outcome).toBe('not-permitted');
    expect(out.decision.doubt.facts).toEqual(['content.identifiesClient']);
    expect(run.stderr).toContain('0. Not sure');
  });

  it('ends with exit 1 and says what is still needed when the input runs out', () => {
    const run = fairpost(['ask', 'starter.yaml'], { input: 'no\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'fairpost ask: the input ended before the questionnaire finished; still needed: account.kind, context.time, content.kind\n',
    );
  });

  it('--answers fills in what is known and asks only the rest', () => {
    const run = fairpost(['ask', join(EXAMPLES, 'starter.yaml'), '--answers', 'known.yaml', '--json'], {
      cwd: dir,
      input: 'own-time\n',
    });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.answers).toEqual([{ fact: 'context.time', value: 'own-time' }]);
    expect(out.decision.outcome).toBe('out-of-scope');
    expect(run.stderr).toContain('Is this in work time or your own time?');
  });

  it('--goal duties asks about the incident, not the post, and shows the support owed', () => {
    const run = fairpost(['ask', 'starter.yaml', '--goal', 'duties', '--json'], { input: 'yes\ndoxxing\n' });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.answers.map((a: { fact: string }) => a.fact)).toEqual([
      'incident.workRelated',
      'incident.kind',
    ]);
    expect(out.decision.duties.map((d: { dutyId: string }) => d.dutyId)).toEqual([
      'safety-lead-receives-report',
      'police-only-with-consent',
    ]);
  });

  it('rejects an unknown goal as a usage error', () => {
    const run = fairpost(['ask', 'starter.yaml', '--goal', 'everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'fairpost ask: --goal must be one of outcome, duties, both; found "everything"\n',
    );
  });

  it('driven through stdin by any complete scenario, ends with the decision evaluate gives for it', () => {
    fc.assert(
      fc.property(arbitraryCompleteScenario(starter), (complete) => {
        const input = `${typedAnswers(complete).join('\n')}\n`;
        const run = fairpost(['ask', 'starter.yaml', '--json'], { input });
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).decision.outcome).toBe(evaluate(starter, complete).outcome);
      }),
      { numRuns: runs(8) },
    );
  });
});
