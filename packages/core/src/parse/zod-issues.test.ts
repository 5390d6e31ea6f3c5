import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ID_PATTERN } from '../model/policy-format.js';
import { fromZodIssues } from './zod-issues.js';

const Entry = z.strictObject({
  id: z.string().regex(ID_PATTERN),
  kind: z.enum(['a', 'b']),
  count: z.number(),
  tags: z.array(z.string()).min(1),
  site: z.url().optional(),
});

/** The Fairpost issues for a value the schema refuses, as path, code and message. */
function issuesOf(value: unknown) {
  // As every reader in Fairpost asks, with the input, so an issue can say what it found.
  const parsed = Entry.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error('the value was expected to be refused');
  return fromZodIssues(parsed.error.issues).map((i) => [i.path.join('.'), i.code, i.message]);
}

const valid = { id: 'own-time', kind: 'a', count: 1, tags: ['x'] };

describe('fromZodIssues', () => {
  it.each<[string, Record<string, unknown>, [string, string, string]]>([
    ['a missing field', { id: undefined }, ['id', 'missing-field', '"id" is required (string)']],
    [
      'a value of the wrong type',
      { count: 'one' },
      ['count', 'invalid-type', 'expected a number, found "one"'],
    ],
    [
      'a value not among those allowed',
      { kind: 'c' },
      ['kind', 'invalid-value', 'expected one of a, b; found "c"'],
    ],
    [
      'text that does not fit a named pattern',
      { id: 'Own Time' },
      ['id', 'invalid-format', 'expected a kebab-case id such as "own-time-out-of-scope"; found "Own Time"'],
    ],
    ['an empty list', { tags: [] }, ['tags', 'too-small', 'expected at least 1 item']],
    [
      'an address that is not a URL',
      { site: 'nowhere' },
      ['site', 'invalid-format', 'expected an http or https URL; found "nowhere"'],
    ],
    [
      'an unknown key',
      { colour: 'red' },
      [
        'colour',
        'unknown-key',
        'unknown key "colour"; it is not part of the format here, so it would be lost',
      ],
    ],
  ])('says what was expected for %s, at its path', (_, change, issue) => {
    expect(issuesOf({ ...valid, ...change })).toEqual([issue]);
  });

  it('gives one issue per problem, each at its own path', () => {
    expect(issuesOf({ ...valid, kind: 'c', extra: 1, other: 2 }).map(([path, code]) => [path, code])).toEqual(
      [
        ['kind', 'invalid-value'],
        ['extra', 'unknown-key'],
        ['other', 'unknown-key'],
      ],
    );
  });

  it('suggests the allowed value a misspelt one is nearest, when it is a letter or two off', () => {
    const Outcome = z.enum(['permitted', 'not-permitted', 'check-first']);
    const messageFor = (value: string) => {
      const parsed = Outcome.safeParse(value, { reportInput: true });
      return parsed.success ? undefined : fromZodIssues(parsed.error.issues)[0]!.message;
    };
    expect(messageFor('permited')).toBe(
      'expected one of permitted, not-permitted, check-first; found "permited"; did you mean "permitted"?',
    );
    expect(messageFor('chek-first')).toContain('did you mean "check-first"?');
    expect(messageFor('forbidden')).not.toContain('did you mean');
    expect(messageFor('x'.repeat(10_000))).not.toContain('did you mean');
  });
});
