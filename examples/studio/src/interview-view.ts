// The interview: the same questions `fairpost init --interview` asks (core's INTERVIEW, data), on one page, then
// `draftPolicy` writes the draft into the editor. Opening the view on a drafted policy restores its answers from
// the comment the draft closes with (`readDraftAnswers`).
import {
  defaultInterviewAnswers,
  draftPolicy,
  INTERVIEW,
  type InterviewQuestion,
  parseInterviewAnswers,
  questionApplies,
  readDraftAnswers,
} from '@fairpost/core/interview';
import { formatPath } from '@fairpost/core';
import { h, replaceChildren } from '@fairpost/page-kit/dom';

/** The interview view: its element, and `shown` to reopen the answers of the draft in the editor. */
export interface InterviewView {
  readonly element: HTMLElement;
  shown(): void;
}

/** Options for `interviewView`. */
export interface InterviewViewOptions {
  /** The editor's current text, to reopen a draft's answers from. */
  readonly currentText: () => string;
  /** Puts the drafted YAML into the editor. */
  readonly useDraft: (yaml: string) => void;
}

type Answer = unknown;

function control(q: InterviewQuestion, value: Answer, onChange: (value: Answer) => void): HTMLElement {
  const name = `interview-${q.id}`;
  const helpId = `${name}-help`;
  const help = h('p', { class: 'hint', id: helpId }, q.help);
  const choice = (
    type: 'radio' | 'checkbox',
    optionValue: string,
    label: string,
    checked: boolean,
    change: (e: Event) => void,
  ) => {
    const id = `${name}-${optionValue}`;
    return h(
      'div',
      { class: 'choice' },
      h('input', {
        type,
        id,
        name,
        value: optionValue,
        checked,
        'data-value': optionValue,
        onchange: change,
      }),
      h('label', { for: id }, label),
    );
  };
  switch (q.kind) {
    case 'choice':
      return h(
        'fieldset',
        { 'data-question': q.id, 'aria-describedby': helpId },
        h('legend', {}, q.prompt),
        help,
        q.options.map((o) => choice('radio', o.value, o.label, value === o.value, () => onChange(o.value))),
      );
    case 'multi-choice': {
      const chosen = new Set(value as readonly string[]);
      return h(
        'fieldset',
        { 'data-question': q.id, 'aria-describedby': helpId },
        h('legend', {}, q.prompt),
        help,
        q.options.map((o) =>
          choice('checkbox', o.value, o.label, chosen.has(o.value), (e) => {
            if ((e.target as HTMLInputElement).checked) chosen.add(o.value);
            else chosen.delete(o.value);
            onChange(q.options.map((x) => x.value).filter((v) => chosen.has(v)));
          }),
        ),
      );
    }
    case 'yes-no':
      return h(
        'fieldset',
        { 'data-question': q.id, 'aria-describedby': helpId },
        h('legend', {}, q.prompt),
        help,
        choice('radio', 'yes', 'Yes', value === true, () => onChange(true)),
        choice('radio', 'no', 'No', value === false, () => onChange(false)),
      );
    case 'text':
    case 'duration':
      return h(
        'div',
        { class: 'field', 'data-question': q.id },
        h('label', { for: name }, q.prompt),
        help,
        h('input', {
          type: 'text',
          id: name,
          name,
          value: String(value),
          'aria-describedby': helpId,
          oninput: (e: Event) => onChange((e.target as HTMLInputElement).value),
        }),
      );
    default:
      return q satisfies never;
  }
}

/**
 * The interview as a form: only the questions that apply to the answers so far, each with what it changes.
 * @example interviewView({ currentText: () => editor.text(), useDraft: (yaml) => editor.setText(yaml) })
 */
export function interviewView(options: InterviewViewOptions): InterviewView {
  let answers: Record<string, Answer> = { ...defaultInterviewAnswers() };
  const questions = h('div', { class: 'questions' });
  const outcome = h('div', { class: 'interview-outcome', role: 'status' });

  const draw = () => {
    const full = parseInterviewAnswers(answers);
    const asked = full.ok ? INTERVIEW.filter((q) => questionApplies(q, full.answers)) : INTERVIEW;
    replaceChildren(
      questions,
      asked.map((q) =>
        control(q, answers[q.id] as Answer, (value) => {
          const before = asked.map((x) => x.id).join();
          answers = { ...answers, [q.id]: value };
          // Redraw only when the set of questions changes, so focus stays where the person is.
          const now = parseInterviewAnswers(answers);
          const after = (now.ok ? INTERVIEW.filter((x) => questionApplies(x, now.answers)) : INTERVIEW)
            .map((x) => x.id)
            .join();
          if (after !== before) draw();
        }),
      ),
    );
  };

  const write = () => {
    const parsed = parseInterviewAnswers(answers);
    if (!parsed.ok) {
      replaceChildren(
        outcome,
        h('p', { class: 'has-errors' }, 'Some answers need another look:'),
        h(
          'ul',
          {},
          parsed.issues.map((i) => h('li', {}, `${formatPath(i.path)}: ${i.message}`)),
        ),
      );
      return;
    }
    const draft = draftPolicy(parsed.answers);
    options.useDraft(draft.yaml);
    replaceChildren(
      outcome,
      h(
        'p',
        { class: 'drafted' },
        `Your draft for ${draft.policy.organisation} is in the editor: ${draft.policy.rules.length} rules, ${draft.policy.duties?.length ?? 0} kinds of support. Read it in “Handbook”, check it in “Audit”, and download it below the editor.`,
      ),
    );
  };

  draw();
  return {
    element: h(
      'div',
      {},
      h(
        'p',
        { class: 'hint' },
        'Answer in your own words; every answer has a sensible default. The draft goes into the editor, where you can change anything. Coming back here after drafting brings your answers back.',
      ),
      h(
        'form',
        {
          class: 'interview',
          onsubmit: (e: Event) => {
            e.preventDefault();
            write();
          },
        },
        questions,
        h('button', { type: 'submit', class: 'primary' }, 'Write the draft'),
      ),
      outcome,
    ),
    shown() {
      const reopened = readDraftAnswers(options.currentText());
      if (reopened.ok) {
        answers = { ...reopened.answers };
        draw();
      }
    },
  };
}
