import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  defaultInterviewAnswers,
  draftPolicy,
  type InterviewAnswers,
  parseInterviewAnswersSource,
  readDraftAnswers,
} from '@fairpost/core/interview';
import { CliError, EXIT, usageError } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { runInterview } from '../interview.js';
import { lineReader } from '../line-reader.js';
import { policyTemplate } from '../policy-template.js';
import { displayName, readInputFile } from '../read-input-file.js';
import { checkWritable, type WriteOptions, writeFileAtomically } from '../write-file-atomically.js';

/**
 * `fairpost init [name]`: writes a progressive policy to start from, never over an existing file (unless `--force`)
 * and, for a relative name, never outside the working folder. With `--interview` it asks the policy interview's
 * questions and drafts the policy from the answers; with `--answers` it drafts from an answers file, without
 * prompts (the same bytes the interview and the studio give for the same answers).
 */
export const initCommand: Command = {
  name: 'init',
  summary:
    'Write a policy to start from (name.yaml, default policy.yaml), or draft one from the interview; never overwrites.',
  usage: 'fairpost init [name] [--interview] [--answers <file>] [--force] [--json]',
  optionHelp: [
    '--interview           ask about fifteen questions in plain words and draft the policy from the answers;',
    '                      reopening a draft (with --force) starts from the answers it was drafted from',
    '--answers <file>      draft the policy from a JSON (or YAML) file of interview answers, without prompts;',
    '                      a missing answer takes its default. With --interview, the answers to start from',
    '--force               replace the file if it exists',
    '--json                print { file, id } of the file written',
  ],
  examples: [
    'fairpost init',
    'fairpost init our-policy   # writes our-policy.yaml',
    'fairpost init --interview',
    'fairpost init our-policy --answers answers.json',
  ],
  options: {
    ...JSON_OPTION,
    force: { type: 'boolean' },
    interview: { type: 'boolean' },
    answers: { type: 'string' },
  },
  positionals: { min: 0, max: 1 },
  inputs: { positionals: false, options: ['answers'] },
  async run({ positionals, values }, io) {
    const name = positionals[0] ?? 'policy';
    const file = /\.ya?ml$/i.test(name) ? name : `${name}.yaml`;
    const target = resolve(io.cwd, file);
    const inside = relative(io.cwd, target);
    if (
      !isAbsolute(file) &&
      (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    ) {
      throw usageError(
        `${file} is outside the working folder; init writes inside it unless given an absolute path`,
      );
    }
    const force = values.force === true;
    const answersFile = typeof values.answers === 'string' ? values.answers : undefined;
    const interview = values.interview === true;
    const writeOptions: WriteOptions = {
      cwd: io.cwd,
      overwrite: { kind: force ? 'force' : 'never' },
      inputs: answersFile !== undefined && io.stdinText === undefined ? [answersFile] : [],
    };
    if (interview && answersFile !== undefined && io.stdinText !== undefined)
      throw usageError('--interview reads its answers from standard input, so --answers cannot be - with it');

    let text: string;
    if (interview || answersFile !== undefined) {
      // Before any question is asked: a person should not answer fifteen questions to be told the file exists.
      checkWritable(file, writeOptions);
      let answers =
        answersFile === undefined ? startingAnswers(target, io) : readAnswersFile(answersFile, io);
      if (interview) {
        const reader = lineReader(io.stdin);
        const talk = values.json ? io.stderr : io.stdout;
        try {
          answers = await runInterview(answers, {
            readLine: reader.readLine,
            write: (t) => talk.write(t),
            echo: !(io.stdin as { isTTY?: boolean }).isTTY,
            palette: paletteFor(talk, io.env),
          });
        } finally {
          reader.close();
        }
        talk.write('\n');
      }
      text = draftPolicy(answers).yaml;
    } else text = policyTemplate(file, dirname(target));
    const outcome = writeFileAtomically(file, text, writeOptions);
    const id = /^id: (.+)$/m.exec(text)?.[1] ?? '';
    if (values.json) io.stdout.write(`${JSON.stringify({ file, id })}\n`);
    else
      io.stdout.write(
        `${outcome === 'replaced' ? 'Replaced' : 'Wrote'} ${file}. Next: edit it, then run fairpost validate ${file} and fairpost ask ${file}.\n`,
      );
    return EXIT.ok;
  },
};

/** The answers to start the interview from: those kept in the draft being replaced, or the defaults. */
function startingAnswers(target: string, io: Parameters<Command['run']>[1]): InterviewAnswers {
  let previous: string;
  try {
    previous = readInputFile(target, io);
  } catch {
    return defaultInterviewAnswers();
  }
  const reopened = readDraftAnswers(previous);
  if (!reopened.ok) return defaultInterviewAnswers();
  io.stderr.write(`Starting from the answers kept in ${relative(io.cwd, target) || target}.\n`);
  return reopened.answers;
}

/** Reads an answers file, failing with every problem at its line and column. */
function readAnswersFile(file: string, io: Parameters<Command['run']>[1]): InterviewAnswers {
  const name = displayName(file);
  const read = parseInterviewAnswersSource(readInputFile(file, io), file);
  if (read.ok) return read.answers;
  throw new CliError(
    read.issues
      .map(
        (i) =>
          `${name}:${i.line}:${i.column}: ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
      )
      .join('\n'),
  );
}
