import { z } from 'zod';
import { readDeadline } from '../deadline/duration.js';
import type { Issue } from '../parse/issue.js';
import { readPlainInput } from '../parse/read-plain-input.js';
import { fromZodIssues } from '../parse/zod-issues.js';
import {
  CONFIDENTIALITY,
  INTERVIEW,
  type InterviewQuestion,
  type InterviewQuestionId,
  ORGANISATION_ACCOUNTS,
  ORGANISATION_KINDS,
  PEOPLE_SERVED,
  PERSONAL_VIEWS,
  PRIVATE_LIFE_PROMISES,
  REPORT_RECEIVERS,
  REVIEWERS,
  SUPPORT,
} from './interview-questions.js';

type QuestionById<I extends InterviewQuestionId> = Extract<(typeof INTERVIEW)[number], { id: I }>;

function question<I extends InterviewQuestionId>(id: I): QuestionById<I> {
  return INTERVIEW.find((q) => q.id === id) as QuestionById<I>;
}

const enumOf = <R extends Record<string, string>>(labels: R) =>
  z.enum(Object.keys(labels) as [keyof R & string, ...(keyof R & string)[]]);

/**
 * No line breaks or other control characters (C0, DEL, C1, and the Unicode line and paragraph separators): a name is
 * one line of a title, and of the comment a draft keeps its answers in.
 */
const isOneLine = (value: string): boolean =>
  ![...value].some((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  });

const text = (id: 'organisation') =>
  z
    .string()
    .max(200, { error: 'at most 200 characters' })
    .regex(/\S/, { error: 'expected a name, found only spaces' })
    .refine(isOneLine, { error: 'expected one line, without line breaks or control characters' })
    .describe(question(id).prompt)
    .default(question(id).default);

const choice = <R extends Record<string, string>>(id: InterviewQuestionId, labels: R) => {
  const q = question(id) as InterviewQuestion & { default: keyof R & string };
  return enumOf(labels).describe(q.prompt).default(q.default);
};

const multiChoice = <R extends Record<string, string>>(id: InterviewQuestionId, labels: R) => {
  const q = question(id) as InterviewQuestion & { default: readonly (keyof R & string)[] };
  return z
    .array(enumOf(labels))
    .superRefine((values, ctx) => {
      values.forEach((value, i) => {
        if (values.indexOf(value) !== i)
          ctx.addIssue({ code: 'custom', path: [i], message: `"${value}" is chosen twice`, input: value });
      });
    })
    .describe(q.prompt)
    .default(() => [...q.default]);
};

const yesNo = (id: InterviewQuestionId) => {
  const q = question(id) as InterviewQuestion & { default: boolean };
  return z.boolean().describe(`${q.prompt} (true for yes)`).default(q.default);
};

const duration = (id: 'respondWithin' | 'urgentSupportWithin') =>
  z
    .string()
    .max(100, { error: 'at most 100 characters' })
    .superRefine((value, ctx) => {
      const read = readDeadline(value);
      if (!read.ok) ctx.addIssue({ code: 'custom', message: read.problem.message, input: value });
    })
    .describe(`${question(id).prompt} In words ("within 4 hours", "2 working days") or ISO 8601 ("PT4H").`)
    .default(question(id).default);

/**
 * The answers to the interview: every key optional in a file (a missing answer takes the question's default), no
 * key that is not a question. Durations are kept in the person's words and read when the policy is drafted.
 */
export const InterviewAnswersSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('The JSON Schema this file is written against (for editors); not an answer, and not kept.'),
    organisation: text('organisation'),
    organisationKind: choice('organisationKind', ORGANISATION_KINDS),
    peopleServed: choice('peopleServed', PEOPLE_SERVED),
    accounts: multiChoice('accounts', ORGANISATION_ACCOUNTS),
    reviewer: choice('reviewer', REVIEWERS),
    publicInformationFreely: yesNo('publicInformationFreely'),
    ownTimeOutOfScope: yesNo('ownTimeOutOfScope'),
    promises: multiChoice('promises', PRIVATE_LIFE_PROMISES),
    personalViews: choice('personalViews', PERSONAL_VIEWS),
    unionActivityProtected: yesNo('unionActivityProtected'),
    noHarassingColleagues: yesNo('noHarassingColleagues'),
    confidentiality: choice('confidentiality', CONFIDENTIALITY),
    noConnectingWithClients: yesNo('noConnectingWithClients'),
    reportsTo: choice('reportsTo', REPORT_RECEIVERS),
    respondWithin: duration('respondWithin'),
    support: multiChoice('support', SUPPORT),
    urgentSupportWithin: duration('urgentSupportWithin'),
  })
  .meta({
    id: 'InterviewAnswers',
    title: 'Fairpost interview answers',
    description:
      'Answers to the Fairpost policy interview (`fairpost init --answers`). Every answer is optional: a missing one takes the question’s default.',
  });

/** A complete set of answers, every question answered (defaults filled in). */
export type InterviewAnswers = Omit<z.output<typeof InterviewAnswersSchema>, '$schema'>;
/** Answers as a file or a form gives them: any answer may be missing. */
export type InterviewAnswersInput = z.input<typeof InterviewAnswersSchema>;

/** The answers read, or the issues (each with the path of the answer) that stop them being read. */
export type ParseInterviewAnswersResult =
  | { readonly ok: true; readonly answers: InterviewAnswers }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Reads answers from plain data (a parsed JSON file, a form), filling in defaults. Never throws: an unknown key, a
 * value that is not an option, or a duration that cannot be read is an issue with its path.
 * @example
 * const result = parseInterviewAnswers({ organisation: 'Riverside Advice', respondWithin: 'within 2 hours' });
 * if (result.ok) draftPolicy(result.answers);
 */
export function parseInterviewAnswers(input: unknown): ParseInterviewAnswersResult {
  const plain = readPlainInput(input);
  if (!plain.ok) return { ok: false, issues: plain.issues };
  const parsed = InterviewAnswersSchema.safeParse(plain.value);
  if (parsed.success) {
    // `$schema` is for the editor of the file, not an answer: a draft never keeps it.
    const { $schema: _, ...answers } = parsed.data;
    return { ok: true, answers };
  }
  return { ok: false, issues: fromZodIssues(parsed.error.issues) };
}

/** The interview's default answers: what a person who accepts every default gets. */
export function defaultInterviewAnswers(): InterviewAnswers {
  return InterviewAnswersSchema.parse({});
}

/** Whether a question is asked, given the answers so far (defaults standing in for questions not yet answered). */
export function questionApplies(q: InterviewQuestion, answers: InterviewAnswers): boolean {
  const when = q.appliesWhen;
  if (!when) return true;
  const answer = answers[when.question as InterviewQuestionId] as unknown;
  if ('oneOf' in when) return typeof answer === 'string' && when.oneOf.includes(answer);
  if ('includesAny' in when)
    return Array.isArray(answer) && answer.some((value: string) => when.includesAny.includes(value));
  return answer === when.is;
}

/** An answer in the words the person read: the option's label, labels joined, "Yes" or "No", or the text. */
export function describeAnswer(q: InterviewQuestion, answers: InterviewAnswers): string {
  const answer = answers[q.id as InterviewQuestionId] as unknown;
  switch (q.kind) {
    case 'choice':
      return q.options.find((o) => o.value === answer)?.label ?? String(answer);
    case 'multi-choice': {
      const labels = (answer as string[]).map((v) => q.options.find((o) => o.value === v)?.label ?? v);
      return labels.length === 0 ? 'None of these' : labels.join('; ');
    }
    case 'yes-no':
      return answer ? 'Yes' : 'No';
    case 'text':
    case 'duration':
      return String(answer);
    default:
      return q satisfies never;
  }
}
