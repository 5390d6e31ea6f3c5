import { parse } from 'yaml';
import { ANSWERS_MARKER } from './draft-policy.js';
import { type ParseInterviewAnswersResult, parseInterviewAnswers } from './interview-answers.js';

/**
 * Reopens a draft: the answers kept in the comment `draftPolicy` closes its YAML with, read and checked as
 * `parseInterviewAnswers` does. A policy that was not drafted by the interview (or whose closing comment was deleted)
 * gives an issue saying so, and the caller starts the interview from the defaults. Never throws.
 * @example
 * const reopened = readDraftAnswers(readFileSync('policy.yaml', 'utf8'));
 * if (reopened.ok) draftPolicy(reopened.answers).yaml; // the same text, if the policy was not edited
 */
export function readDraftAnswers(text: string): ParseInterviewAnswersResult {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.trim() === `# ${ANSWERS_MARKER}`);
  if (start === -1)
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'missing-field',
          message: `the text has no "# ${ANSWERS_MARKER}" comment: it was not drafted by the interview, or the comment was removed`,
          expected: `a "# ${ANSWERS_MARKER}" comment block`,
          received: 'none',
        },
      ],
    };
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('#   ')) break;
    block.push(line.slice(4));
  }
  let data: unknown;
  try {
    data = parse(block.join('\n'), { maxAliasCount: 0, logLevel: 'error' }) ?? {};
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid-yaml',
          message: `the answers comment could not be read: ${(error as Error).message.split('\n')[0]}`,
          line: start + 2,
          column: 1,
        },
      ],
    };
  }
  return parseInterviewAnswers(data);
}
