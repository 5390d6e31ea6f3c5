import { describeReceived, type Issue, type PathSegment } from './issue.js';
import { LIMITS, limitIssue } from './limits.js';

/** The input read into plain data, or why it could not be. */
export type PlainInput = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/** Stop collecting after this many problems: one hostile object could otherwise report a million. */
const MAX_ISSUES = 100;

/**
 * Reads any value once into plain data: objects with the ordinary prototype (or none) and lists, holding strings,
 * numbers, booleans and nulls. Validation then works on a copy nothing can change, so nothing the caller's value does
 * on being read (a getter that throws, a Proxy, a cycle, a class instance) can make a parser throw, hang, or see one
 * value on the first read and another on the second. Only own properties are read; symbol keys are ignored. The
 * size limits are checked here, before anything else looks at the data.
 */
export function readPlainInput(input: unknown): PlainInput {
  const issues: Issue[] = [];
  let values = 0;
  let stopped = false;
  const ancestors = new Set<object>();

  const fail = (issue: Issue): undefined => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
    else stopped = true;
    return undefined;
  };
  const unreadable = (path: PathSegment[], why: string): undefined =>
    fail({ path, code: 'unreadable-input', message: why, expected: 'plain data', received: why });

  const read = (value: unknown, path: PathSegment[]): unknown => {
    if (stopped) return undefined;
    if (++values > LIMITS.values) {
      stopped = true;
      return fail(limitIssue('values', `more than ${LIMITS.values}`, path));
    }
    if (typeof value === 'string') {
      if (value.length > LIMITS.stringLength) return fail(limitIssue('stringLength', value.length, path));
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (path.length >= LIMITS.documentDepth) {
      stopped = true;
      return fail(limitIssue('documentDepth', `more than ${LIMITS.documentDepth}`, path));
    }
    if (ancestors.has(value)) return unreadable(path, 'this value contains itself (a cycle)');
    ancestors.add(value);
    try {
      return Array.isArray(value) ? readList(value, path) : readObject(value, path);
    } catch (error) {
      return unreadable(path, `reading this value failed: ${describeThrown(error)}`);
    } finally {
      ancestors.delete(value);
    }
  };

  const readList = (list: unknown[], path: PathSegment[]): unknown[] | undefined => {
    const length = Object.getOwnPropertyDescriptor(list, 'length')?.value;
    if (typeof length !== 'number') return unreadable(path, 'a list without a length');
    if (length > LIMITS.values) {
      stopped = true;
      return fail(limitIssue('values', length, path));
    }
    const out: unknown[] = [];
    for (let i = 0; i < length && !stopped; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(list, i);
      if (descriptor && !('value' in descriptor)) {
        unreadable([...path, i], 'a value computed by a getter; give plain data');
        continue;
      }
      out.push(read(descriptor?.value, [...path, i]));
    }
    return out;
  };

  const readObject = (object: object, path: PathSegment[]): Record<string, unknown> | undefined => {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      return unreadable(
        path,
        `an object of class ${className(prototype)}; give plain data (objects, lists, strings, booleans)`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(object)) {
      if (stopped) break;
      if (typeof key !== 'string') continue;
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      if (!descriptor?.enumerable) continue;
      if (key.length > LIMITS.stringLength) {
        fail(limitIssue('stringLength', key.length, [...path, `${key.slice(0, 57)}...`]));
        continue;
      }
      if (!('value' in descriptor)) {
        unreadable([...path, key], 'a value computed by a getter; give plain data');
        continue;
      }
      // defineProperty, not assignment: a key named `__proto__` stays an (unknown) key, never a prototype.
      Object.defineProperty(out, key, {
        value: read(descriptor.value, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };

  const value = read(input, []);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** A thrown value in words, even one that cannot be turned into a string. */
function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
    return describeReceived(error);
  } catch {
    return 'a value that cannot be described';
  }
}

function className(prototype: object): string {
  try {
    const name = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? name.slice(0, 60) : 'unknown';
  } catch {
    return 'unknown';
  }
}
