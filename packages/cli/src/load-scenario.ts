import {
  type CompiledPolicy,
  type FactValue,
  type Issue,
  parseScenario,
  type Scenario,
  type ScenarioWithDoubt,
} from '@fairpost/core';
import { parse as parseYaml } from 'yaml';
import { CliError, usageError } from './cli-error.js';
import { displayName, type InputIo, readInputFile } from './read-input-file.js';

/**
 * Reads a scenario (or a questionnaire's answers) from a YAML or JSON file holding a map of facts, and checks it
 * against the policy's vocabulary. Every problem is reported, naming the file and the fact.
 */
export function loadScenarioFile(file: string, io: InputIo, compiled: CompiledPolicy): ScenarioWithDoubt {
  const text = readInputFile(file, io);
  let data: unknown;
  try {
    data = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new CliError(`${displayName(file)}: not valid YAML or JSON: ${message}`);
  }
  if (data === null || data === undefined) return {};
  const checked = parseScenario(data, compiled);
  if (!checked.ok) throw usageError(`${displayName(file)}: ${describeScenarioIssues(checked.issues)}`);
  return checked.scenario;
}

/**
 * Turns `--fact name=value` arguments into a scenario: booleans accept true/false/yes/no, enum facts their listed
 * values. A malformed or unknown fact is a usage error naming it (and suggesting the nearest name).
 */
export function parseFactAssignments(assignments: readonly string[], compiled: CompiledPolicy): Scenario {
  const raw: Record<string, FactValue> = {};
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
      value: fact?.type === 'boolean' ? (parseBoolean(text) ?? text) : text,
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

/** Scenario issues in one line, each led by its fact unless the message already names it. */
function describeScenarioIssues(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const fact = String(issue.path[0] ?? '');
      return issue.message.includes(`"${fact}"`) ? issue.message : `${fact}: ${issue.message}`;
    })
    .join('; ');
}
