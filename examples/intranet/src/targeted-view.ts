import {
  type CompiledPolicy,
  type Duty,
  describeDeadline,
  evaluate,
  type TriggeredDuty,
} from '@fairpost/core';
import { type DeadlineClock, deadlineDue } from '@fairpost/core/incident';
import { capitalise, enGB } from '@fairpost/render';
import { SAFETY_LEAD_EMAIL } from './contact.js';
import { h, replaceChildren, uniqueId } from '@fairpost/page-kit/dom';
import { type Answers, createQuestionnaire } from './questionnaire.js';

const MODALITY_WORDS: Readonly<Record<TriggeredDuty['modality'], string>> = {
  must: 'Must',
  should: 'Should',
  may: 'May',
};

/** The first day after a report: what the summary at the top covers. */
const FIRST_DAY_MS = 24 * 3_600_000;

/** A date as a `datetime-local` input value (local time, to the minute). */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The organisation's clock: the policy's calendar, else this browser's time zone. */
export function clockOf(compiled: CompiledPolicy): DeadlineClock {
  const calendar = compiled.policy.calendar;
  return {
    timeZone: calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(calendar?.holidays && { holidays: calendar.holidays }),
    ...(calendar?.closures && { closures: calendar.closures }),
  };
}

/** Formats instants in the organisation's time zone. */
export function timeFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The duty as a sentence: "The safety lead must receive your report…", or the policy's own words. */
export function dutySentence(duty: TriggeredDuty): string {
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

interface DutyDue {
  readonly duty: TriggeredDuty;
  readonly workingDays: boolean;
  readonly due: Date | undefined;
}

function deadlineWords({ duty, workingDays }: DutyDue): string {
  return duty.deadline ? capitalise(describeDeadline(duty.deadline, { workingDays })) : '';
}

function dutyItem(entry: DutyDue, format: Intl.DateTimeFormat): HTMLElement {
  const { duty, due } = entry;
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
              deadlineWords(entry),
              due
                ? [', by ', h('time', { datetime: due.toISOString(), class: 'due-at' }, format.format(due))]
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

/** The support in plain text, for copying into a message or an email to the safety lead. */
function summaryText(
  firstDay: readonly DutyDue[],
  later: readonly DutyDue[],
  format: Intl.DateTimeFormat,
): string {
  const line = (e: DutyDue) =>
    `- ${dutySentence(e.duty)}${e.due ? ` (by ${format.format(e.due)})` : ''}${e.duty.consentRequired ? ' Only if I agree.' : ''}`;
  return [
    'I am being targeted because of my work. Under our policy, this is the support owed:',
    '',
    'In the first 24 hours:',
    ...(firstDay.length > 0 ? firstDay.map(line) : ['- nothing is due this soon']),
    '',
    'Then:',
    ...(later.length > 0 ? later.map(line) : ['- nothing more']),
    '',
  ].join('\n');
}

/**
 * The "I'm being targeted" view: asks what is happening, then shows the support first — what happens in the first
 * 24 hours, then the rest — each with who does it, how binding it is and when it falls due in the organisation's
 * time zone, counted from the report time (now by default, editable). Print, copy and email it to the safety lead.
 */
export function createTargetedView(
  compiled: CompiledPolicy,
  now: () => Date = () => new Date(),
): HTMLElement {
  let reportedAt: Date | undefined = now();
  const clock = clockOf(compiled);
  const format = timeFormatter(clock.timeZone);
  const workingDays = new Map((compiled.policy.duties ?? []).map((d) => [d.id, d.workingDays === true]));

  function supportList(answers: Answers): HTMLElement {
    const decision = evaluate(compiled, answers.scenario);
    const body = h('div', { class: 'duties-list' });
    const actions = h('div', { class: 'support-actions' });
    const draw = () => {
      const entries: DutyDue[] = decision.duties.map((duty) => {
        const working = workingDays.get(duty.dutyId) ?? false;
        const due =
          duty.deadline && reportedAt
            ? deadlineDue(reportedAt, { duration: duty.deadline, workingDays: working }, clock)
            : undefined;
        return { duty, workingDays: working, due };
      });
      const soon = (e: DutyDue) =>
        e.due !== undefined &&
        reportedAt !== undefined &&
        e.due.getTime() - reportedAt.getTime() <= FIRST_DAY_MS;
      const firstDay = entries.filter(soon);
      const later = entries.filter((e) => !soon(e));
      const text = summaryText(firstDay, later, format);
      replaceChildren(
        body,
        decision.duties.length === 0
          ? h('p', {}, 'No support duties apply to what you have described.')
          : [
              h(
                'div',
                { class: 'first-day' },
                h('h4', {}, 'In the first 24 hours'),
                firstDay.length > 0
                  ? h(
                      'ol',
                      { class: 'duties' },
                      firstDay.map((e) => dutyItem(e, format)),
                    )
                  : h('p', {}, 'Nothing is due this soon; the support below follows.'),
              ),
              later.length > 0
                ? h(
                    'div',
                    { class: 'later' },
                    h('h4', {}, firstDay.length > 0 ? 'Then' : 'The support owed'),
                    h(
                      'ol',
                      { class: 'duties' },
                      later.map((e) => dutyItem(e, format)),
                    ),
                  )
                : null,
            ],
      );
      const copied = h('span', { class: 'copied', role: 'status' });
      replaceChildren(
        actions,
        h('button', { type: 'button', class: 'print', onclick: () => window.print() }, 'Print'),
        h(
          'button',
          {
            type: 'button',
            class: 'copy',
            onclick: () => {
              void navigator.clipboard.writeText(text).then(
                () => replaceChildren(copied, 'Copied.'),
                () => replaceChildren(copied, 'Your browser did not allow copying; select the text instead.'),
              );
            },
          },
          'Copy',
        ),
        h(
          'a',
          {
            class: 'mailto',
            href: `mailto:${SAFETY_LEAD_EMAIL}?subject=${encodeURIComponent('I am being targeted because of my work')}&body=${encodeURIComponent(text)}`,
          },
          'Email the safety lead',
        ),
        copied,
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
              `Set to now. Change it if you reported it earlier; the dates below follow (times in ${clock.timeZone}).`,
            ),
          )
        : null,
      body,
      actions,
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
    createQuestionnaire({ compiled, name: 'What is happening', goal: 'duties', result: supportList }),
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
