import {
  type CompiledPolicy,
  type FactValue,
  nextQuestion,
  type Question,
  type QuestionChoice,
  type QuestionGoal,
  relevantFacts,
  type ScenarioWithDoubt,
} from '@fairpost/core';
import { CliError } from './cli-error.js';
import type { Palette } from './colour.js';
import { parseBoolean } from './load-scenario.js';

/** Reads the next line of input, or undefined at the end. */
export type ReadLine = () => Promise<string | undefined>;

/** One answer given during a questionnaire: a value (a set fact's members), or "not sure" (`unsure: true`). */
export type Answer =
  | { readonly fact: string; readonly value: FactValue | readonly string[] }
  | { readonly fact: string; readonly unsure: true };

/** What a person types to say they are not sure (any case), besides `0` for a question with one answer. */
export const NOT_SURE_ANSWERS: readonly string[] = ['not sure', 'unsure', "don't know", 'dont know', 'dk'];
const NOT_SURE = Symbol('not sure');

/** Where a questionnaire talks to its person. */
export interface QuestionnaireIo {
  readonly readLine: ReadLine;
  readonly write: (text: string) => unknown;
  /** Echo each answer back, for transcripts when the answers are piped in rather than typed. */
  readonly echo: boolean;
  readonly palette: Palette;
}

/**
 * Asks only what the decision still depends on, one question at a time (chosen by `nextQuestion`), until it is
 * settled; a bad answer is explained and the question asked again. "Not sure" (0) is an answer: the fact goes on
 * the scenario's `unsure` list, is not asked again, and the policy's doubt rules may decide for it. Returns the
 * scenario and the answers given.
 */
export async function runQuestionnaire(
  compiled: CompiledPolicy,
  start: ScenarioWithDoubt,
  goal: QuestionGoal,
  io: QuestionnaireIo,
): Promise<{ scenario: ScenarioWithDoubt; answers: Answer[] }> {
  let scenario = start;
  const answers: Answer[] = [];
  // Each round fixes one more fact, so there are at most as many rounds as facts in play.
  for (let round = 0; round <= compiled.factsInPlay.length; round++) {
    const next = nextQuestion(compiled, scenario, { goal });
    // Every answer was checked against the fact's values before it joined the scenario.
    if (!next.ok) throw new Error(`the questionnaire built an invalid scenario: ${next.issues[0]?.message}`);
    const question = next.question;
    if (!question) return { scenario, answers };
    const value = await askOne(question, answers.length + 1, io, compiled, scenario, goal);
    if (value === NOT_SURE) {
      answers.push({ fact: question.fact, unsure: true });
      scenario = { ...scenario, unsure: [...(scenario.unsure ?? []), question.fact] } as ScenarioWithDoubt;
    } else {
      answers.push({ fact: question.fact, value });
      scenario = { ...scenario, [question.fact]: value } as ScenarioWithDoubt;
    }
  }
  throw new Error('nextQuestion asked more questions than there are facts in play');
}

async function askOne(
  question: Question,
  number: number,
  io: QuestionnaireIo,
  compiled: CompiledPolicy,
  scenario: ScenarioWithDoubt,
  goal: QuestionGoal,
): Promise<FactValue | string[] | typeof NOT_SURE> {
  const { palette } = io;
  io.write(`\n${palette.bold(`${number}. ${question.question}`)} ${palette.dim(`(${question.label})`)}\n`);
  question.choices.forEach((choice, i) => {
    io.write(`  ${palette.cyan(String(i + 1))}. ${choice.label}\n`);
  });
  if (question.multiple) return askMembers(question, io, compiled, scenario, goal);
  io.write(`  ${palette.cyan('0')}. Not sure\n`);
  for (;;) {
    io.write(`Answer 1-${question.choices.length}, 0 if you are not sure, or ? for help: `);
    const line = await io.readLine();
    if (line === undefined) {
      const still = relevantFacts(compiled, scenario, goal).join(', ');
      throw new CliError(`the input ended before the questionnaire finished; still needed: ${still}`);
    }
    if (line.trim() === '?') {
      io.write(
        `${question.description}\n${question.choices.map((c) => `  ${c.label}: ${c.phrase}`).join('\n')}\n`,
      );
      continue;
    }
    if (line.trim() === '0' || NOT_SURE_ANSWERS.includes(line.trim().toLowerCase().replace(/’/g, "'"))) {
      if (io.echo) io.write('Not sure\n');
      return NOT_SURE;
    }
    const choice = matchChoice(line, question.choices);
    if (choice) {
      if (io.echo) io.write(`${choice.label}\n`);
      return choice.value;
    }
    if (io.echo) io.write(`${line}\n`);
    io.write(
      `${palette.yellow(`"${line.trim()}" is not one of the choices.`)} Type a number from 1 to ${question.choices.length}, 0 if you are not sure, or a value such as ${String(question.choices[0]!.value)}.\n`,
    );
  }
}

/**
 * A set fact's answer: every choice that applies, by number, value or label, separated by commas; `none` (or `0`)
 * for the empty set. A choice that is not one is explained and the question asked again.
 */
async function askMembers(
  question: Question,
  io: QuestionnaireIo,
  compiled: CompiledPolicy,
  scenario: ScenarioWithDoubt,
  goal: QuestionGoal,
): Promise<string[] | typeof NOT_SURE> {
  const { palette } = io;
  for (;;) {
    io.write(`Answer every number that applies (such as 1,3), none for none, not sure, or ? for help: `);
    const line = await io.readLine();
    if (line === undefined) {
      const still = relevantFacts(compiled, scenario, goal).join(', ');
      throw new CliError(`the input ended before the questionnaire finished; still needed: ${still}`);
    }
    if (line.trim() === '?') {
      io.write(
        `${question.description}\n${question.choices.map((c) => `  ${c.label}: ${c.phrase}`).join('\n')}\n`,
      );
      continue;
    }
    if (NOT_SURE_ANSWERS.includes(line.trim().toLowerCase().replace(/’/g, "'"))) {
      if (io.echo) io.write('Not sure\n');
      return NOT_SURE;
    }
    if (io.echo) io.write(`${line}\n`);
    const parts = line
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.length === 1 && (parts[0]!.toLowerCase() === 'none' || parts[0] === '0')) return [];
    const chosen = parts.map((p) => [p, matchChoice(p, question.choices)] as const);
    const wrong = chosen.find(([, c]) => c === undefined);
    if (parts.length > 0 && wrong === undefined) {
      // In the vocabulary's order, each once, as a scenario gives a set.
      const values = new Set(chosen.map(([, c]) => String(c!.value)));
      return question.choices.map((c) => String(c.value)).filter((v) => values.has(v));
    }
    io.write(
      `${palette.yellow(`"${wrong?.[0] ?? line.trim()}" is not one of the choices.`)} Type the numbers from 1 to ${question.choices.length} that apply, separated by commas, or none.\n`,
    );
  }
}

/** The choice an answer names: its number, its value, or its label (any case); undefined when none. */
export function matchChoice(input: string, choices: readonly QuestionChoice[]): QuestionChoice | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return choices[Number(text) - 1];
  const lower = text.toLowerCase();
  const asBoolean = parseBoolean(text);
  return choices.find(
    (c) =>
      String(c.value).toLowerCase() === lower ||
      c.label.toLowerCase() === lower ||
      (typeof c.value === 'boolean' && c.value === asBoolean),
  );
}
