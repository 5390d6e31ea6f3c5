import type { z } from 'zod';
import { suggest } from './check-fact-value.js';
import { describeReceived, type Issue, type PathSegment, quote } from './issue.js';
import {
  CALENDAR_DATE_PATTERN,
  DEADLINE_PATTERN,
  DURATION_PATTERN,
  ID_PATTERN,
  REVIEW_PERIOD_PATTERN,
  SOURCE_URL_PATTERN,
  TIME_ZONE_PATTERN,
} from '../model/policy-format.js';
import { CUSTOM_CATALOGUE_ID, CUSTOM_FACT_NAME } from '../vocabulary/vocabulary-schema.js';

const PATTERN_NAMES: ReadonlyMap<string, string> = new Map([
  [ID_PATTERN.source, 'a kebab-case id such as "own-time-out-of-scope"'],
  [DURATION_PATTERN.source, 'a non-zero ISO 8601 duration such as "PT24H" or "P2D"'],
  [DEADLINE_PATTERN.source, 'a deadline such as "PT24H", "P2D", "24 hours", "2 working days" or "1 week"'],
  [TIME_ZONE_PATTERN.source, 'an IANA time zone such as "Europe/London"'],
  [DURATION_PATTERN.source, 'an ISO 8601 duration such as "PT24H" or "P2D"'],
  [
    SOURCE_URL_PATTERN.source,
    'an http or https address such as "https://example.org/policy" (spaces and quotes percent-encoded)',
  ],
  [CUSTOM_FACT_NAME.source, 'a custom fact name such as "custom.campaignPhase"'],
  [CUSTOM_CATALOGUE_ID.source, 'a custom id such as "custom-buddy-system"'],
  ['^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', 'a date as YYYY-MM-DD'],
  [CALENDAR_DATE_PATTERN.source, 'a date that exists, as YYYY-MM-DD'],
  [REVIEW_PERIOD_PATTERN.source, 'a review period of years or months such as "P1Y" or "P6M"'],
  ['^1\\.\\d+\\.\\d+$', 'format version 1.x.y, such as "1.0.0"'],
]);

const toPath = (path: readonly PropertyKey[]): PathSegment[] =>
  path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));

/** Turns zod's issues into Fairpost issues: one per problem, in the author's words. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue) => fromZodIssue(issue));
}

function fromZodIssue(issue: z.core.$ZodIssue): Issue[] {
  const path = toPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  const received = describeReceived(input);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        const key = path[path.length - 1];
        return [
          {
            path,
            code: 'missing-field',
            message: `${quote(String(key))} is required (${issue.expected})`,
            expected: issue.expected,
            received,
          },
        ];
      }
      return [
        {
          path,
          code: 'invalid-type',
          message: `expected ${article(issue.expected)}, found ${received}`,
          expected: issue.expected,
          received,
        },
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        code: 'unknown-key' as const,
        message: `unknown key ${quote(key)}; it is not part of the format here, so it would be lost`,
        received: quote(key),
      }));
    case 'invalid_value': {
      const expected = issue.values.map((v) => String(v)).join(', ');
      // A word a letter or two off a listed value (`permited`) is most likely a typo of it; below four letters
      // every value is a letter or two off, so nothing is suggested.
      const near =
        typeof issue.input === 'string' && issue.input.length >= 4 && issue.input.length <= 64
          ? suggest(issue.input, issue.values.map(String))
          : undefined;
      const message =
        issue.values.length === 1
          ? `expected "${expected}", found ${received}`
          : `expected one of ${expected}; found ${received}${near ? `; did you mean "${near}"?` : ''}`;
      return [{ path, code: 'invalid-value', message, expected, received }];
    }
    case 'invalid_format': {
      // zod reports the pattern as a regex literal (`/^…$/`); the table is keyed by its source.
      const pattern = (issue as { pattern?: string }).pattern?.replace(/^\/(.*)\/[a-z]*$/s, '$1');
      const expected =
        (pattern && PATTERN_NAMES.get(pattern)) ??
        (issue.format === 'regex' && pattern ? `text matching ${pattern}` : undefined) ??
        (issue.format === 'url' ? 'an http or https URL' : `a ${issue.format}`);
      return [
        {
          path,
          code: 'invalid-format',
          message: `expected ${expected}; found ${received}`,
          expected,
          received,
        },
      ];
    }
    case 'too_small': {
      const what =
        issue.origin === 'array'
          ? `at least ${issue.minimum} item${issue.minimum === 1n || issue.minimum === 1 ? '' : 's'}`
          : 'a non-empty text';
      return [{ path, code: 'too-small', message: `expected ${what}`, expected: what, received }];
    }
    case 'custom': {
      const code = issue.params?.fairpost === 'invalid-condition' ? 'invalid-condition' : 'invalid-value';
      return [{ path, code, message: issue.message }];
    }
    case 'invalid_union': {
      // Our structural schema only has unions of scalars, where the member errors add nothing.
      return [
        {
          path,
          code: 'invalid-type',
          message: `${issue.message.replace(/^Invalid input: /, '')}; found ${received}`,
          received,
        },
      ];
    }
    default:
      return [{ path, code: 'invalid-value', message: issue.message, received }];
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
