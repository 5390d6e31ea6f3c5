import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { standardVocabulary } from '@fairpost/core';
import { describe, expect, it } from 'vitest';
import { analyseDraft } from './analyse-draft.js';
import { factValueOptions, factValueSite } from './fact-values.js';

/** The text with `▮` removed, and the cursor where it was. */
const at = (marked: string) => ({ text: marked.replace('▮', ''), pos: marked.indexOf('▮') });

describe('factValueSite', () => {
  it.each([
    ['block mapping, value after the fact', 'when:\n  fact: context.time\n  is: ow▮\n', 'context.time', 'ow'],
    ['fact after the operand', 'when:\n  isNot: ▮\n  fact: account.kind\n', 'account.kind', ''],
    [
      'list item of all',
      'when:\n  all:\n    - fact: content.kind\n      in: [pointer, ne▮]\n',
      'content.kind',
      'ne',
    ],
    [
      'block list under in',
      'when:\n  all:\n    - fact: actor.role\n      notIn:\n        - staff\n        - ma▮\n',
      'actor.role',
      'ma',
    ],
    [
      'the operand on the dash line',
      'when:\n  any:\n    - is: ▮\n      fact: context.device\n',
      'context.device',
      '',
    ],
  ])('%s', (_name, marked, fact, partial) => {
    const { text, pos } = at(marked);
    const site = factValueSite(text, pos);
    expect(site?.fact).toBe(fact);
    expect(text.slice(site!.from, site!.to)).toBe(partial);
  });

  it('does not take the fact of a neighbouring test', () => {
    const { text, pos } = at('all:\n  - fact: account.kind\n    is: personal\n  - is: ▮\n');
    expect(factValueSite(text, pos)).toBeUndefined();
  });

  it('lists values already written so they are not offered again', () => {
    const { text, pos } = at('when:\n  fact: content.kind\n  in: [pointer, public-information, ▮]\n');
    expect(factValueSite(text, pos)?.listed).toEqual(['pointer', 'public-information']);
  });

  it('is nowhere else', () => {
    const { text, pos } = at('when:\n  fact: context.time\n  reason: ▮\n');
    expect(factValueSite(text, pos)).toBeUndefined();
  });
});

describe('factValueOptions', () => {
  it('offers exactly the vocabulary’s values, booleans as true and false', () => {
    for (const [name, fact] of standardVocabulary.facts) {
      const values = factValueOptions(standardVocabulary, name).map((o) => o.value);
      expect(values).toEqual(fact.type === 'boolean' ? ['true', 'false'] : fact.values.map((v) => v.value));
    }
    expect(factValueOptions(standardVocabulary, 'no.such.fact')).toEqual([]);
  });
});

describe('analyseDraft', () => {
  const starter = readFileSync(
    fileURLToPath(new URL('../../policies/starter.yaml', import.meta.url)),
    'utf8',
  );

  it('places a wrong fact value on the value itself', () => {
    const broken = starter.replace('is: own-time', 'is: own-tme');
    const line = broken.split('\n').findIndex((l) => l.includes('own-tme')) + 1;
    const analysis = analyseDraft(broken);
    expect(analysis.ok).toBe(false);
    const [problem] = analysis.problems;
    expect(problem).toMatchObject({ line, severity: 'error', source: 'policy' });
    expect(broken.slice(problem!.from, problem!.to)).toBe('own-tme');
  });

  it('places a syntax error at its line and column', () => {
    const analysis = analyseDraft('id: x\n  bad: [\n');
    expect(analysis.ok).toBe(false);
    expect(analysis.problems.length).toBeGreaterThan(0);
    for (const p of analysis.problems) expect(p.line).toBeGreaterThanOrEqual(1);
  });

  it('places a lint finding on its rule’s id', () => {
    // A copy of the first rule placed second can never decide anything under first-match.
    const shadowed = starter.replace(
      '  - id: own-time-own-accounts',
      '  - id: copy-of-first\n    when:\n      fact: content.identifiesClient\n      is: true\n    outcome: not-permitted\n    reason: Copy.\n  - id: own-time-own-accounts',
    );
    const analysis = analyseDraft(shadowed);
    expect(analysis.ok).toBe(true);
    const finding = analysis.problems.find((p) => p.source === 'lint' && p.message.length > 0);
    expect(finding).toBeDefined();
    expect(shadowed.slice(finding!.from, finding!.to)).toBe('copy-of-first');
  });
});
