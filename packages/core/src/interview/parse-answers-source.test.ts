import { describe, expect, it } from 'vitest';
import { parseInterviewAnswersSource } from './parse-answers-source.js';

describe('reading answers from a file', () => {
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
