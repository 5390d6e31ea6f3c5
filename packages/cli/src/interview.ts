import {
  INTERVIEW,
  type InterviewAnswers,
  type InterviewQuestion,
  type InterviewQuestionId,
  parseInterviewAnswers,
  questionApplies,
} from '@fairpost/core/interview';
import { CliError } from './cli-error.js';
import type { QuestionnaireIo } from './questionnaire.js';
import { parseBoolean } from './load-scenario.js';

/**
 * Asks the interview's questions in order, skipping those that do not apply to the answers so far. Enter keeps the
 * answer shown (the default, or the answer given before); `?` shows the question's help; a bad answer is explained
 * and the question asked again. Returns every answer, defaults filled in.
 */
export async function runInterview(start: InterviewAnswers, io: QuestionnaireIo): Promise<InterviewAnswers> {
  let answers = start;
  let number = 0;
  for (const question of INTERVIEW as readonly InterviewQuestion[]) {
    if (!questionApplies(question, answers)) continue;
    number++;
    answers = await askOne(question, number, answers, io);
  }
  return answers;
}

async function askOne(
  q: InterviewQuestion,
  number: number,
  answers: InterviewAnswers,
  io: QuestionnaireIo,
): Promise<InterviewAnswers> {
  const { palette } = io;
  const id = q.id as InterviewQuestionId;
  io.write(`\n${palette.bold(`${number}. ${q.prompt}`)}\n`);
  if (q.kind === 'choice' || q.kind === 'multi-choice')
    q.options.forEach((option, i) => {
      io.write(`  ${palette.cyan(String(i + 1))}. ${option.label}\n`);
    });
  for (;;) {
    io.write(`${instructions(q, answers[id])}: `);
    const line = await io.readLine();
    if (line === undefined)
      throw new CliError(
        `the input ended before the interview finished, at question ${number} (${q.id}); nothing was written`,
      );
    if (io.echo) io.write(`${line}\n`);
    const text = line.trim();
    if (text === '?') {
      io.write(`${palette.dim(q.help)}\n`);
      continue;
    }
    if (text === '') return answers;
    const value = readAnswer(q, text);
    if (value.ok) {
      const read = parseInterviewAnswers({ ...answers, [id]: value.value });
      if (read.ok) return read.answers;
      io.write(`${palette.yellow(read.issues[0]!.message)}\n`);
    } else io.write(`${palette.yellow(value.problem)}\n`);
  }
}

/** What to type, and what Enter keeps. */
function instructions(q: InterviewQuestion, current: unknown): string {
  switch (q.kind) {
    case 'choice': {
      const i = q.options.findIndex((o) => o.value === current);
      return `Answer 1-${q.options.length} (Enter for ${i + 1}), or ? for help`;
    }
    case 'multi-choice': {
      const chosen = q.options.flatMap((o, i) => ((current as string[]).includes(o.value) ? [i + 1] : []));
      return `Answer numbers separated by commas, or "none" (Enter for ${chosen.length > 0 ? chosen.join(',') : 'none'}), or ? for help`;
    }
    case 'yes-no':
      return `Answer yes or no (Enter for ${current ? 'yes' : 'no'}), or ? for help`;
    case 'text':
    case 'duration':
      return `Answer (Enter for "${String(current)}"), or ? for help`;
    default:
      return q satisfies never;
  }
}

/** An answer typed for a question, as the value the answers hold, or what is wrong with it. */
function readAnswer(
  q: InterviewQuestion,
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  switch (q.kind) {
    case 'choice': {
      const option = optionNamed(q.options, text);
      return option
        ? { ok: true, value: option }
        : {
            ok: false,
            problem: `"${text}" is not one of the choices; type a number from 1 to ${q.options.length}.`,
          };
    }
    case 'multi-choice': {
      if (/^(none|nothing|-)$/i.test(text)) return { ok: true, value: [] };
      const values: string[] = [];
      for (const part of text.split(/\s*,\s*|\s+/).filter(Boolean)) {
        const option = optionNamed(q.options, part);
        if (!option)
          return {
            ok: false,
            problem: `"${part}" is not one of the choices; type numbers from 1 to ${q.options.length}, separated by commas.`,
          };
        if (!values.includes(option)) values.push(option);
      }
      // In the order the options are listed, so the same choice always drafts the same text.
      return { ok: true, value: q.options.map((o) => o.value).filter((v) => values.includes(v)) };
    }
    case 'yes-no': {
      const value = parseBoolean(text);
      return value === undefined
        ? { ok: false, problem: `"${text}" is not yes or no.` }
        : { ok: true, value };
    }
    case 'text':
    case 'duration':
      return { ok: true, value: text };
    default:
      return q satisfies never;
  }
}

/** The option a word names: its number, its value or its label, in any case. */
function optionNamed(options: readonly { value: string; label: string }[], text: string): string | undefined {
  if (/^\d+$/.test(text)) return options[Number(text) - 1]?.value;
  const lower = text.toLowerCase();
  return options.find((o) => o.value.toLowerCase() === lower || o.label.toLowerCase() === lower)?.value;
}
