import {
  type CompiledPolicy,
  type Duty,
  describeDeadline,
  dueAt,
  evaluate,
  type TriggeredDuty,
} from '@fairpost/core';
import { h, replaceChildren, uniqueId } from './dom.js';
import { capitalise, enGB } from '@fairpost/render';
import { type Answers, createQuestionnaire } from './questionnaire.js';

const MODALITY_WORDS: Readonly<Record<TriggeredDuty['modality'], string>> = {
  must: 'Must',
  should: 'Should',
  may: 'May',
};

const dateTime = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A date as a `datetime-local` input value (local time, to the minute). */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The duty as a sentence: "The safety lead must receive your report…", or the policy's own words. */
function dutySentence(duty: TriggeredDuty): string {
  return (
    duty.text ??
    enGB.dutySentence({
      holder: duty.holder.phrase,
      modality: enGB.modalities[duty.modality],
      action: duty.action.phrase,
      consentRequired: false,
    })
  );
}

/** A duty of the policy (owed or not yet known to be) as a sentence, its holder and action read from the vocabulary. */
function policyDutySentence(compiled: CompiledPolicy, duty: Duty): string {
  const { roles, dutyActions } = compiled.vocabulary.catalogues;
  return (
    duty.text ??
    enGB.dutySentence({
      holder: roles.get(duty.holder)?.phrase ?? duty.holder,
      modality: enGB.modalities[duty.modality],
      action: dutyActions.get(duty.action)?.phrase ?? duty.action,
      consentRequired: false,
    })
  );
}

function dutyItem(duty: TriggeredDuty, reportedAt: Date | undefined): HTMLElement {
  const due = duty.deadline && reportedAt ? dueAt(reportedAt, duty.deadline) : undefined;
  return h(
    'li',
    { class: `duty modality-${duty.modality}`, 'data-duty': duty.dutyId },
    h('p', { class: 'duty-what' }, dutySentence(duty)),
    h(
      'dl',
      {},
      h('div', {}, h('dt', {}, 'Who'), h('dd', {}, duty.holder.label)),
      h('div', {}, h('dt', {}, 'How binding'), h('dd', {}, MODALITY_WORDS[duty.modality])),
      duty.deadline
        ? h(
            'div',
            { class: 'due' },
            h('dt', {}, 'By when'),
            h(
              'dd',
              {},
              capitalise(describeDeadline(duty.deadline)),
              due
                ? [', by ', h('time', { datetime: due.toISOString(), class: 'due-at' }, dateTime.format(due))]
                : null,
            ),
          )
        : null,
      duty.consentRequired
        ? h('div', { class: 'consent' }, h('dt', {}, 'Your consent'), h('dd', {}, 'Only if you agree'))
        : null,
    ),
    h('p', { class: 'duty-why' }, duty.reason),
  );
}

function commitmentsOf(compiled: CompiledPolicy): string[] {
  return (compiled.policy.commitments ?? []).map(
    (c) => c.text ?? compiled.vocabulary.catalogues.commitments.get(c.commitment)?.phrase ?? c.commitment,
  );
}

/**
 * The "I'm being targeted" view: asks what happened, then lists the support the organisation owes, each with who
 * does it, how binding it is and when it falls due counted from the report time (now by default, editable).
 */
export function createTargetedView(
  compiled: CompiledPolicy,
  now: () => Date = () => new Date(),
): HTMLElement {
  let reportedAt: Date | undefined = now();

  function supportList(answers: Answers): HTMLElement {
    const decision = evaluate(compiled, answers.scenario);
    const list = h('div', { class: 'duties-list' });
    const draw = () => {
      replaceChildren(
        list,
        decision.duties.length === 0
          ? h('p', {}, 'No support duties apply to what you have described.')
          : h(
              'ol',
              { class: 'duties' },
              decision.duties.map((d) => dutyItem(d, reportedAt)),
            ),
      );
    };
    const inputId = uniqueId('reported-at');
    const input = h('input', {
      id: inputId,
      type: 'datetime-local',
      name: 'reported-at',
      value: reportedAt ? toLocalInputValue(reportedAt) : '',
      'aria-describedby': `${inputId}-hint`,
      oninput: () => {
        const value = new Date(input.value);
        reportedAt = Number.isNaN(value.getTime()) ? undefined : value;
        draw();
      },
    });
    draw();
    const consent = decision.duties.filter((d) => d.consentRequired);
    const maybe = decision.undeterminedDuties
      .map((u) => (compiled.policy.duties ?? []).find((d) => d.id === u.dutyId))
      .filter((d) => d !== undefined);
    return h(
      'section',
      { class: 'support', 'aria-labelledby': 'support-title' },
      h(
        'h3',
        { id: 'support-title', tabindex: -1, 'data-focus-first': true },
        'What the organisation will do',
      ),
      decision.duties.some((d) => d.deadline)
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: inputId }, 'When you report it'),
            input,
            h(
              'p',
              { class: 'hint', id: `${inputId}-hint` },
              'Set to now. Change it if you reported it earlier; the dates below follow.',
            ),
          )
        : null,
      list,
      consent.length > 0
        ? h(
            'div',
            { class: 'consent-box' },
            h('h4', {}, 'Nothing here happens without your agreement'),
            h(
              'ul',
              {},
              consent.map((d) => h('li', {}, d.action.label)),
            ),
          )
        : null,
      maybe.length > 0
        ? h(
            'div',
            { class: 'maybe' },
            h('h4', {}, 'Support that may also apply'),
            h('p', {}, 'This depends on things you were not sure about. The safety lead can tell you.'),
            h(
              'ul',
              {},
              maybe.map((d) => h('li', {}, policyDutySentence(compiled, d))),
            ),
          )
        : null,
    );
  }

  const promises = commitmentsOf(compiled);
  return h(
    'section',
    { class: 'view', id: 'view-targeted', 'aria-labelledby': 'targeted-title' },
    h('h2', { id: 'targeted-title' }, 'I’m being targeted'),
    h(
      'p',
      { class: 'lede' },
      'If you are being harassed, doxxed or threatened because of your work, it is not your fault. Tell us what is happening and we will show what the organisation owes you, and by when.',
    ),
    createQuestionnaire({
      compiled,
      name: 'What is happening',
      goal: 'duties',
      result: supportList,
    }),
    promises.length > 0
      ? h(
          'aside',
          { class: 'promises', 'aria-labelledby': 'promises-title' },
          h('h3', { id: 'promises-title' }, 'What the organisation promises'),
          h(
            'ul',
            {},
            promises.map((p) => h('li', {}, capitalise(p), /[.!?]$/.test(p) ? '' : '.')),
          ),
        )
      : null,
  );
}
