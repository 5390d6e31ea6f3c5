// What a reader must be able to tell apart: a rule from advice, a promise from a practice the organisation reserves,
// and support owed to the person from work left to them.
import { compilePolicy, evaluate, type Policy } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { buildHandbook, renderDecision, renderMarkdown, renderMermaid } from '../src/index.js';
import { examplePolicies } from './example-policies.js';

const draft = examplePolicies.find((p) => p.file === 'management-draft.yaml')!.policy;
const flagship = examplePolicies.find((p) => p.file === '000_staff-union-alternative.yaml')!.policy;

/** The draft with one rule's strength changed, everything else as written. */
function withStrength(policy: Policy, ruleId: string, strength: 'must' | 'should'): Policy {
  return { ...policy, rules: policy.rules.map((r) => (r.id === ruleId ? { ...r, strength } : r)) };
}

const headingsOf = (policy: Policy) =>
  buildHandbook(policy).sections.flatMap((s) => [s.heading, ...(s.sections ?? []).map((sub) => sub.heading)]);

describe('rule strength', () => {
  it('reads "must not" for a rule and "should not" for advice, in the handbook, the flowchart and a decision', () => {
    const asRule = withStrength(draft, 'no-connecting-with-clients', 'must');
    const asAdvice = withStrength(draft, 'no-connecting-with-clients', 'should');
    const scenario = {
      'content.aboutPayOrConditions': false,
      'content.kind': 'personal-life',
      'content.usesBranding': false,
      'account.kind': 'personal',
      'activity.kind': 'connect',
      'counterpart.kind': 'client',
    } as const;
    for (const [policy, verb] of [
      [asRule, 'must'],
      [asAdvice, 'should'],
    ] as const) {
      const other = verb === 'must' ? 'should' : 'must';
      const markdown = renderMarkdown(policy);
      const rule = markdown.slice(markdown.indexOf('Do not connect with clients'));
      expect(rule.slice(0, 400)).toContain(`you ${verb} not do it`);
      expect(rule.slice(0, 400)).not.toContain(`you ${other} not do it`);
      expect(renderMermaid(policy)).toContain(`You ${verb} not do it`);
      const compiled = compilePolicy(policy);
      expect(renderDecision(evaluate(compiled, scenario), { vocabulary: compiled })).toContain(
        `You ${verb} not do it`,
      );
    }
  });

  it('marks advice as advice and says what follows when a rule is not kept', () => {
    const markdown = renderMarkdown(draft);
    expect(markdown).toContain('This is advice, not a rule.');
    expect(markdown).toContain('It may be dealt with under the disciplinary procedure.');
    expect(markdown).toContain('It may lead to dismissal.');
  });

  it('reads every policy that states no strength exactly as before: as rules', () => {
    const markdown = renderMarkdown(flagship);
    expect(flagship.rules.every((r) => r.strength === undefined)).toBe(true);
    expect(markdown).not.toContain('This is advice, not a rule.');
    expect(markdown).not.toMatch(/you should not do it/i);
  });
});

describe('commitments by polarity', () => {
  it('never files a restrictive practice under "Our promises to you"', () => {
    const handbook = buildHandbook(draft);
    const promises = handbook.sections.flatMap((s) => s.sections ?? []).find((s) => s.anchor === 'promises');
    expect(promises).toBeUndefined();
    const reserved = handbook.sections.find((s) => s.anchor === 'reserved');
    expect(reserved?.heading).toBe('What the organisation reserves the right to do');
    const anchors = reserved?.blocks.flatMap((b) =>
      b.kind === 'entries' ? b.entries.map((e) => e.anchor) : [],
    );
    expect(anchors).toEqual([
      'commitment-we-monitor-personal-accounts',
      'commitment-personal-posts-pre-approved',
      'commitment-staff-promote-the-organisation',
      'commitment-staff-follow-our-accounts',
    ]);
  });

  it('keeps the flagship’s promises as promises, and reserves nothing', () => {
    expect(headingsOf(flagship)).toContain('Our promises to you');
    expect(headingsOf(flagship)).not.toContain('What the organisation reserves the right to do');
  });

  it('reads a custom commitment that states no polarity as a promise, and one that restricts as reserved', () => {
    const custom: Policy = {
      ...flagship,
      custom: {
        ...flagship.custom,
        commitments: [
          { id: 'custom-pizza', label: 'Pizza on Fridays', phrase: 'we buy pizza on Fridays' },
          {
            id: 'custom-check-likes',
            label: 'Likes checked',
            phrase: 'we check what you like',
            polarity: 'restricts',
          },
        ],
      },
      commitments: [
        { id: 'pizza', commitment: 'custom-pizza' },
        { id: 'likes', commitment: 'custom-check-likes' },
      ],
    };
    const handbook = buildHandbook(custom);
    const promises = handbook.sections.flatMap((s) => s.sections ?? []).find((s) => s.anchor === 'promises');
    const reserved = handbook.sections.find((s) => s.anchor === 'reserved');
    const anchors = (section: typeof reserved) =>
      section?.blocks.flatMap((b) => (b.kind === 'entries' ? b.entries.map((e) => e.anchor) : []));
    expect(anchors(promises)).toEqual(['commitment-pizza']);
    expect(anchors(reserved)).toEqual(['commitment-likes']);
  });
});

describe('support owed and work left to the person targeted', () => {
  it('says plainly that a policy with no duties commits to no support', () => {
    const none: Policy = { ...flagship, duties: [] };
    expect(renderMarkdown(none)).toContain(
      'This policy commits the organisation to no support for staff who are doxxed, harassed or threatened because of their work.',
    );
  });

  it('lists duties left to the person targeted apart, never as "What we will do"', () => {
    const markdown = renderMarkdown(draft);
    const targeted = markdown.slice(markdown.indexOf('## If you are targeted online'));
    expect(targeted).toContain('This policy commits the organisation to no support');
    expect(targeted).toContain('*What this policy leaves to you if you are targeted*');
    expect(targeted).not.toContain('*What we will do if you are targeted*');
    expect(targeted).not.toContain('| What we will do |');
  });

  it('does not list the person targeted under "Who to ask"', () => {
    const handbook = buildHandbook(draft);
    const whoToAsk = handbook.sections.find((s) => s.anchor === 'who-to-ask');
    const rows = whoToAsk?.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.anchor) : []));
    expect(rows).not.toContain('role-person-targeted');
  });

  it('keeps the flagship’s support table as it was', () => {
    const markdown = renderMarkdown(flagship);
    expect(markdown).toContain('*What we will do if you are targeted*');
    expect(markdown).not.toContain('commits the organisation to no support');
  });
});
