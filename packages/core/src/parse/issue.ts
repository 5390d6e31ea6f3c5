/** One step of a path into a document: a key or an array index. */
export type PathSegment = string | number;

import type { LimitCode } from './limits.js';

/** What kind of problem an issue reports; programs match on this, people read the message. */
export type IssueCode =
  | LimitCode
  | 'invalid-utf8'
  | 'duplicate-key'
  | 'invalid-json'
  | 'invalid-yaml'
  | 'invalid-type'
  | 'missing-field'
  | 'unknown-key'
  | 'invalid-value'
  | 'invalid-format'
  | 'too-small'
  | 'invalid-condition'
  | 'unknown-fact'
  | 'invalid-fact-value'
  | 'unknown-catalogue-entry'
  | 'duplicate-id'
  | 'duplicate-value'
  | 'unknown-source'
  | 'invalid-deadline'
  | 'unreadable-input';

/** A problem found in a policy or scenario, located by its JSON path (and, for files, line and column). */
export interface Issue {
  /** Where the problem is, from the document's root. */
  readonly path: readonly PathSegment[];
  /** What kind of problem it is. */
  readonly code: IssueCode;
  /** A sentence a policy author understands, without the path. */
  readonly message: string;
  /** What was expected there, when that can be said. */
  readonly expected?: string;
  /** What was found there, when that can be said. */
  readonly received?: string;
  /** 1-based line in the source file, when the document came from text. */
  readonly line?: number;
  /** 1-based column in the source file, when the document came from text. */
  readonly column?: number;
}

/** A path as a reader writes it: `rules[3].when.all[1]` (empty for the root). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** An issue as one line: `rules[3].when.all[1]: fact "account.kind" has no value "twitter"; …`. */
export function formatIssue(issue: Issue): string {
  const at = formatPath(issue.path);
  return at === '' ? issue.message : `${at}: ${issue.message}`;
}

/**
 * Text from the input quoted for a message, shortened past 60 characters: a message names what it found without
 * repeating a megabyte of it.
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/** A short description of a value for error messages: `"twitter"`, `3`, `an object`. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
