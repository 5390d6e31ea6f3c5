import { evaluate, type QuestionGoal } from '@fairpost/core';
import { renderDecision } from '@fairpost/render';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { lineReader } from '../line-reader.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { loadScenarioFile } from '../load-scenario.js';
import { runQuestionnaire } from '../questionnaire.js';

const GOALS = ['outcome', 'duties', 'both'] as const satisfies readonly QuestionGoal[];

/** `fairpost ask <policy>`: a questionnaire that asks only what the answer still depends on, then decides. */
export const askCommand: Command = {
  name: 'ask',
  summary: 'Answer questions until the policy can decide; asks only what the decision still depends on.',
  usage: 'fairpost ask <policy> [--goal outcome|duties|both] [--answers file] [--json]',
  optionHelp: [
    '--goal <goal>         what to settle: outcome ("can I post this?", the default), duties ("I am being',
    '                      targeted: what support is owed?") or both',
    '--answers <file>      a YAML or JSON map of facts already known (for scripts); only what is missing is asked;',
    '                      it may list facts answered "not sure" as unsure: [fact, …]',
    '--json                print { scenario, answers, decision } as JSON (questions go to stderr)',
  ],
  notes: [
    'Answer 0 (or "not sure") when you do not know: that fact is not asked again, and the policy\'s doubt',
    'rules, if it has any, decide for it.',
    '`-` reads the policy or --answers from standard input; then no answers can be typed, so every fact',
    'the decision needs must be known.',
  ],
  examples: [
    'fairpost ask policy.yaml',
    'fairpost ask policy.yaml --goal duties',
    'printf "2\\n3\\n" | fairpost ask policy.yaml --answers known.yaml --json',
  ],
  options: { ...JSON_OPTION, goal: { type: 'string' }, answers: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  inputs: { positionals: true, options: ['answers'] },
  choices: { goal: GOALS },
  async run({ positionals, values }, io) {
    const goal = oneOf(values.goal, GOALS, '--goal', 'outcome');
    const json = values.json === true;
    const talk = json ? io.stderr : io.stdout;
    const palette = paletteFor(talk, io.env);
    const { compiled } = loadCompiledPolicy(positionals[0]!, io, io.stderr, paletteFor(io.stderr, io.env));
    const start = typeof values.answers === 'string' ? loadScenarioFile(values.answers, io, compiled) : {};
    // With `-`, standard input was the policy or the answers file and is used up: there are no answers to read.
    const reader =
      io.stdinText === undefined
        ? lineReader(io.stdin)
        : { readLine: async () => undefined, close: () => undefined };
    let result: Awaited<ReturnType<typeof runQuestionnaire>>;
    try {
      result = await runQuestionnaire(compiled, start, goal, {
        readLine: reader.readLine,
        write: (text) => talk.write(text),
        echo: !(io.stdin as { isTTY?: boolean }).isTTY,
        palette,
      });
    } finally {
      reader.close();
    }
    const decision = evaluate(compiled, result.scenario);
    if (json) {
      io.stdout.write(
        `${JSON.stringify({ scenario: result.scenario, answers: result.answers, decision }, null, 2)}\n`,
      );
    } else {
      if (result.answers.length > 0) io.stdout.write('\n');
      io.stdout.write(renderDecision(decision, { vocabulary: compiled }));
    }
    return EXIT.ok;
  },
};
