import { describe, expect, it } from 'vitest';
import { describeReceived, formatIssue, formatPath } from './issue.js';

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['title'], 'title'],
    [['rules', 3, 'when', 'all', 1], 'rules[3].when.all[1]'],
    [[0, 'id'], '[0].id'],
    [['custom', 'facts', 0, 'values'], 'custom.facts[0].values'],
    [['account.kind'], '["account.kind"]'],
    [['rules', 'a key'], 'rules["a key"]'],
    [['$schema'], '$schema'],
  ] as const)('writes %j as %j', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('formatIssue', () => {
  it('puts the path before the message', () => {
    expect(
      formatIssue({ path: ['rules', 0, 'id'], code: 'duplicate-id', message: 'duplicate rule id "a"' }),
    ).toBe('rules[0].id: duplicate rule id "a"');
  });

  it('gives the message alone for an issue about the whole document', () => {
    expect(formatIssue({ path: [], code: 'invalid-type', message: 'expected an object, found null' })).toBe(
      'expected an object, found null',
    );
  });
});

describe('describeReceived', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['twitter', '"twitter"'],
    [3, '3'],
    [true, 'true'],
    [[1], 'a list'],
    [{}, 'an object'],
    ['x'.repeat(100), `"${'x'.repeat(57)}..."`],
  ])('describes %j as %s', (value, words) => {
    expect(describeReceived(value)).toBe(words);
  });
});
