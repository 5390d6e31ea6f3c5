import {
  type CompiledPolicy,
  type FactValue,
  type Issue,
  LIMIT_CODES,
  parseScenario,
  parseScenarioSource,
  type Scenario,
  type ScenarioWithDoubt,
} from '@fairpost/core';
import { CliError, EXIT, usageError } from './cli-error.js';
import { displayName, type InputIo, readInputBytes } from './read-input-file.js';

/** Issues that mean the file could not be read as a document at all, rather than a wrong fact in it. */
const UNREADABLE = new Set<string>([
  'invalid-json',
  'invalid-yaml',
  'invalid-utf8',
  LIMIT_CODES.sourceBytes,
  LIMIT_CODES.values,
  LIMIT_CODES.documentDepth,
  LIMIT_CODES.stringLength,
]);

/**
 * Reads a scenario (or a questionnaire's answers) from a YAML or JSON file holding a map of facts, and checks it
 * against the policy's vocabulary. The file is read as `parsePolicySource` reads a policy: a `.json` file as
 * strict JSON, a byte-order mark accepted, bytes that are not UTF-8 refused. Every problem is reported as
 * `file:line:col: message`: text that cannot be read exits 1, a fact or value the policy does not know exits 2.
 */
export function loadScenarioFile(file: string, io: InputIo, compiled: CompiledPolicy): ScenarioWithDoubt {
  const name = displayName(file);
  const result = parseScenarioSource(readInputBytes(file, io), compiled, { filename: name });
  if (result.ok) return result.scenario;
  const lines = result.issues.map(
    (issue) => `${name}:${issue.line ?? 1}:${issue.column ?? 1}: ${describeScenarioIssue(issue)}`,
  );
  const unreadable = result.issues.some((issue) => UNREADABLE.has(issue.code));
  throw new CliError(lines.join('\n'), unreadable ? EXIT.failure : EXIT.usage);
}

/**
 * Turns `--fact name=value` arguments into a scenario: booleans accept true/false/yes/no, enum facts their listed
 * values. A malformed or unknown fact is a usage error naming it (and suggesting the nearest name).
 */
export function parseFactAssignments(assignments: readonly string[], compiled: CompiledPolicy): Scenario {
  const raw: Record<string, FactValue | string[]> = {};
  const given = new Map<string, string>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0)
      throw usageError(`--fact expects name=value, such as account.kind=personal; found "${assignment}"`);
    const name = assignment.slice(0, eq).trim();
    const text = assignment.slice(eq + 1).trim();
    const earlier = given.get(name);
    if (earlier !== undefined && earlier !== text) {
      throw usageError(`--fact ${name} is given twice (${earlier}, then ${text}); give each fact once`);
    }
    given.set(name, text);
    const fact = compiled.vocabulary.facts.get(name);
    // defineProperty, not assignment: `--fact __proto__=x` is an unknown fact, never a prototype.
    Object.defineProperty(raw, name, {
      // A set fact takes its members separated by commas (`content.topics=employer,pay-and-conditions`; empty: none).
      value:
        fact?.type === 'boolean'
          ? (parseBoolean(text) ?? text)
          : fact?.type === 'set'
            ? text
                .split(',')
                .map((m) => m.trim())
                .filter((m) => m !== '')
            : text,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const checked = parseScenario(raw, compiled);
  if (!checked.ok) throw usageError(`--fact: ${describeScenarioIssues(checked.issues)}`);
  return checked.scenario;
}

/**
 * Adds `--unsure fact` arguments to a scenario's own `unsure` list. A fact given a value (by `--fact`, which wins
 * over the file) leaves the file's list; an unknown fact, or one given both a value and `--unsure`, is a usage error.
 */
export function withUnsure(
  scenario: ScenarioWithDoubt,
  unsure: readonly string[],
  compiled: CompiledPolicy,
): ScenarioWithDoubt {
  const { unsure: listed = [], ...facts } = scenario;
  const given = facts as Record<string, unknown>;
  const all = [...new Set([...listed.filter((f) => given[f] === undefined), ...unsure])];
  if (all.length === 0) return facts;
  const checked = parseScenario({ ...facts, unsure: all }, compiled);
  if (!checked.ok) throw usageError(`--unsure: ${describeScenarioIssues(checked.issues)}`);
  return checked.scenario;
}

/** A yes/no answer as a boolean, or undefined when it is neither. */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === 'yes' || t === 'y') return true;
  if (t === 'false' || t === 'no' || t === 'n') return false;
  return undefined;
}

/** A scenario issue led by its fact, unless the message already names it. */
function describeScenarioIssue(issue: Issue): string {
  const fact = String(issue.path[0] ?? '');
  return fact === '' || issue.message.includes(`"${fact}"`) ? issue.message : `${fact}: ${issue.message}`;
}

/** Scenario issues in one line, each led by its fact unless the message already names it. */
function describeScenarioIssues(issues: readonly Issue[]): string {
  return issues.map(describeScenarioIssue).join('; ');
}
