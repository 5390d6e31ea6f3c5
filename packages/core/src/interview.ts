// `@fairpost/core/interview`: the policy interview as data, the answers' schema, and the drafting of a policy from
// answers. A separate entry because a page that evaluates posts never needs the interview's words or the YAML writer.
export {
  ANSWERS_MARKER,
  DRAFT_SCHEMA_URL,
  draftPolicy,
  INTERVIEW_SOURCE_ID,
  type PolicyDraft,
} from './interview/draft-policy.js';
export {
  defaultInterviewAnswers,
  describeAnswer,
  type InterviewAnswers,
  type InterviewAnswersInput,
  InterviewAnswersSchema,
  type ParseInterviewAnswersResult,
  parseInterviewAnswers,
  questionApplies,
} from './interview/interview-answers.js';
export {
  type ChoiceQuestion,
  CONFIDENTIALITY,
  type Confidentiality,
  type DurationQuestion,
  INTERVIEW,
  INTERVIEW_ANSWER_KINDS,
  type InterviewAnswerKind,
  type InterviewAppliesWhen,
  type InterviewOption,
  type InterviewQuestion,
  type InterviewQuestionId,
  type MultiChoiceQuestion,
  ORGANISATION_ACCOUNTS,
  ORGANISATION_KINDS,
  type OrganisationAccount,
  type OrganisationKind,
  PEOPLE_SERVED,
  PERSONAL_VIEWS,
  type PeopleServed,
  type PersonalViews,
  PRIVATE_LIFE_PROMISES,
  type PrivateLifePromise,
  REPORT_RECEIVERS,
  type ReportReceiver,
  REVIEWERS,
  type Reviewer,
  SUPPORT,
  type Support,
  type TextQuestion,
  URGENT_SUPPORT,
  type YesNoQuestion,
} from './interview/interview-questions.js';
export { parseInterviewAnswersSource } from './interview/parse-answers-source.js';
export { readDraftAnswers } from './interview/read-draft-answers.js';
