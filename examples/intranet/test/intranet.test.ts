// The intranet page, built with Vite and driven in a real Chromium: the questionnaire's decisions, the support owed
// with its due times, hostile policy text kept inert, and no console errors or requests to other origins.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CompiledPolicy,
  compilePolicy,
  evaluate,
  type FactValue,
  nextQuestion,
  type Outcome,
  parsePolicySource,
  type Scenario,
} from '@fairpost/core';
import { deadlineDue, type Incident, incidentState, parseIncident } from '@fairpost/core/incident';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT,
  type BuiltPage,
  buildAndServe,
  expectClean,
  type PageWatch,
} from '@fairpost/page-kit/testing';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const policiesDir = fileURLToPath(new URL('../../policies/', import.meta.url));
// Screenshots go to the ignored test-results/ folder, so a test run leaves the tree clean; `pnpm screenshots` sets
// FAIRPOST_SCREENSHOTS=1 to regenerate the committed ones in screenshots/ on purpose.
const screenshotsDir =
  process.env.FAIRPOST_SCREENSHOTS === '1'
    ? join(appDir, 'screenshots')
    : fileURLToPath(new URL('../../../test-results/intranet-screenshots/', import.meta.url));
const resultsDir = fileURLToPath(new URL('../../../test-results/intranet/', import.meta.url));
const hostileFile = fileURLToPath(new URL('./fixtures/hostile-policy.yaml', import.meta.url));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

let served: BuiltPage;

function compiledFrom(file: string): CompiledPolicy {
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${file} is not a valid policy`);
  return compilePolicy(parsed.policy);
}

const starter = compiledFrom(join(policiesDir, 'starter.yaml'));

function openPage(viewport = DESKTOP): Promise<{ page: Page; watch: PageWatch }> {
  return served.open({ viewport, timezoneId: 'Europe/London', locale: 'en-GB' }, 'form.question, .decision');
}

async function usePolicy(page: Page, name: string): Promise<void> {
  await page.selectOption('#bundled-policy', name);
  await page.waitForFunction((n) => document.querySelector('.policy-status')?.textContent?.includes(n), name);
}

/** Answers the visible questionnaire from a scenario (or by a pick rule for facts it leaves out) until it ends. */
async function answerAll(
  page: Page,
  view: string,
  pick: (fact: string, choices: readonly string[], step: number) => string,
): Promise<Record<string, string>> {
  const given: Record<string, string> = {};
  // The incident views load their code when first shown.
  await page.waitForSelector(view);
  for (let step = 0; step < 40; step++) {
    const form = page.locator(`${view} form.question`);
    if ((await form.count()) === 0) return given;
    const fact = (await form.getAttribute('data-fact'))!;
    const choices = await form
      .locator('input[type=radio]')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-value')!));
    const value = pick(fact, choices, step);
    given[fact] = value;
    await form.locator(`input[data-value="${value}"]`).check();
    await form.locator('button[type=submit]').click();
    await page.waitForFunction(
      ([v, f]) => document.querySelector(`${v} form.question`)?.getAttribute('data-fact') !== f,
      [view, fact],
    );
  }
  throw new Error('the questionnaire did not end within 40 questions');
}

/** Answers from a fixed scenario; a question about any other fact fails the test (it asked what was not needed). */
const from = (scenario: Record<string, string>) => (fact: string) => {
  const value = scenario[fact];
  if (value === undefined) throw new Error(`asked about ${fact}, which this case does not set`);
  return value;
};

const asValue = (text: string): FactValue => (text === 'true' ? true : text === 'false' ? false : text);
const toScenario = (given: Record<string, string>): Scenario =>
  Object.fromEntries(
    Object.entries(given)
      .filter(([, v]) => v !== 'unsure')
      .map(([k, v]) => [k, asValue(v)]),
  ) as Scenario;

async function startAgain(page: Page): Promise<void> {
  const button = page.locator('#main .view:not([hidden]) button:text("Start again")');
  if ((await button.count()) > 0) await button.click();
}

async function shownOutcome(page: Page): Promise<string | null> {
  return page.locator('#view-ask .decision').getAttribute('data-outcome');
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    // At phone width nothing may scroll sideways (the flowchart scrolls inside its own box).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      viewport.width,
    );
    await page.screenshot({ path: join(screenshotsDir, `${name}-${label}.png`), fullPage });
  }
  await page.setViewportSize(DESKTOP);
}

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  served = await buildAndServe(appDir);
}, BROWSER_TEST_TIMEOUT);

afterAll(() => served?.close());

describe('Can I post this?', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  const cases: { name: string; scenario: Record<string, string>; outcome: Outcome; says: string }[] = [
    {
      name: 'a post that identifies a client is not permitted',
      scenario: { 'content.identifiesClient': 'true' },
      outcome: 'not-permitted',
      says: 'You must not do it.',
    },
    {
      name: 'own time on a personal account is your own business',
      scenario: {
        'content.identifiesClient': 'false',
        'account.kind': 'personal',
        'context.time': 'own-time',
      },
      outcome: 'out-of-scope',
      says: 'This policy does not cover it: it is your own business.',
    },
    {
      name: 'sharing public information is permitted',
      scenario: {
        'content.identifiesClient': 'false',
        'account.kind': 'organisational',
        'content.kind': 'public-information',
      },
      outcome: 'permitted',
      says: 'You can go ahead without checking with anyone.',
    },
    {
      name: 'a view on the employer from a named account needs it stated as personal',
      scenario: {
        'content.identifiesClient': 'false',
        'account.kind': 'personal-named',
        'content.kind': 'view-on-employer',
      },
      outcome: 'permitted-with-conditions',
      says: 'as long as you make clear it is your own view, not the organisation’s.',
    },
    {
      name: 'new content on the organisation’s account is checked with the comms team first',
      scenario: {
        'content.identifiesClient': 'false',
        'account.kind': 'organisational',
        'content.kind': 'new-content',
      },
      outcome: 'check-first',
      says: 'Check with the comms team first',
    },
  ];

  it('shows the starter policy’s decision for each case, asking only about facts the case sets', async () => {
    const { page, watch } = await openPage();
    await usePolicy(page, 'starter.yaml');
    for (const c of cases) {
      await startAgain(page);
      const given = await answerAll(page, '#view-ask', from(c.scenario));
      expect(evaluate(starter, toScenario(given)).outcome, c.name).toBe(c.outcome);
      expect(await shownOutcome(page), c.name).toBe(c.outcome);
      await expect.poll(() => page.locator('#decision-headline').textContent()).toContain(c.says);
      if (c.outcome === 'check-first') await screenshot(page, 'ask');
    }
    expectClean(watch);
    await page.context().close();
  });

  it('agrees with evaluate on the default policy for several paths through the questions', async () => {
    const { page, watch } = await openPage();
    const defaultName = (await page.locator('#bundled-policy').inputValue()) || 'starter.yaml';
    const compiled = compiledFrom(join(policiesDir, defaultName));
    expect(await page.locator('.policy-status').textContent()).toContain(compiled.policy.title);
    for (let walk = 0; walk < 3; walk++) {
      await startAgain(page);
      // Each walk picks a different answer at each step, so the paths diverge.
      const given = await answerAll(page, '#view-ask', (_fact, choices, step) => {
        const real = choices.filter((c) => c !== 'unsure');
        return real[(walk * 3 + step * (walk + 1)) % real.length]!;
      });
      const scenario = toScenario(given);
      // The page stopped asking exactly when core says nothing more is worth asking.
      expect(nextQuestion(compiled, scenario)).toEqual({ ok: true, question: undefined });
      expect(await shownOutcome(page)).toBe(evaluate(compiled, scenario).outcome);
    }
    expectClean(watch);
    await page.context().close();
  });

  it('lets you change an answer, go back, say you are not sure, and start again', async () => {
    const { page, watch } = await openPage();
    await usePolicy(page, 'starter.yaml');
    await answerAll(page, '#view-ask', from({ 'content.identifiesClient': 'true' }));
    expect(await shownOutcome(page)).toBe('not-permitted');
    // Change the only answer: the question comes back, and a different answer leads elsewhere.
    await page.getByRole('button', { name: /Change your answer/ }).click();
    await expect
      .poll(() => page.locator('#view-ask form.question').getAttribute('data-fact'))
      .toBe('content.identifiesClient');
    const given = await answerAll(page, '#view-ask', (fact) =>
      fact === 'content.identifiesClient' ? 'false' : 'unsure',
    );
    // Unsure of everything after the first answer: the page says it depends, and plays safe.
    expect(Object.values(given).filter((v) => v === 'unsure').length).toBeGreaterThan(0);
    expect(await shownOutcome(page)).toBe('undetermined');
    expect(await page.locator('.decision .advice').textContent()).toContain('play safe');
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await page.locator('#view-ask form.question').count()).toBe(1);
    await page.getByRole('button', { name: 'Start again' }).click();
    expect(await page.locator('#view-ask .answered').count()).toBe(0);
    expect(await page.locator('#view-ask form.question legend .step').textContent()).toBe('Question 1');
    expectClean(watch);
    await page.context().close();
  });

  it('can be used with the keyboard alone: skip link, radio group and submit', async () => {
    const { page, watch } = await openPage();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab reaches the first radio of the question; Space picks it and Enter submits the form.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio'))
        break;
    }
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#view-ask .answered li').count()).toBe(1);
    // Focus follows to the next question or the decision, so the keyboard user never has to hunt for it.
    expect(
      await page.evaluate(
        () => document.activeElement?.matches('input[type=radio], #decision-headline') ?? false,
      ),
    ).toBe(true);
    expectClean(watch);
    await page.context().close();
  });
});

describe('I’m being targeted', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('lists the duties owed with due times counted from the report time you set', async () => {
    const { page, watch } = await openPage();
    await usePolicy(page, 'starter.yaml');
    await page.getByRole('link', { name: 'I’m being targeted' }).click();
    const view = '#view-targeted';
    const given = await answerAll(
      page,
      view,
      from({ 'incident.kind': 'doxxing', 'incident.workRelated': 'true' }),
    );
    expect(given).toEqual({ 'incident.kind': 'doxxing', 'incident.workRelated': 'true' });
    await page.fill(`${view} input[type=datetime-local]`, '2026-03-02T09:00');
    const duties = page.locator(`${view} li.duty`);
    expect(await duties.evaluateAll((els) => els.map((e) => e.getAttribute('data-duty')))).toEqual([
      'safety-lead-receives-report',
      'police-only-with-consent',
    ]);
    const first = duties.nth(0);
    expect(await first.locator('.duty-what').textContent()).toBe(
      'The safety lead must receive your report and be your single point of contact.',
    );
    // 09:00 on 2 March in London is 09:00 UTC; 24 hours later is 09:00 on 3 March.
    expect(await first.locator('time').getAttribute('datetime')).toBe('2026-03-03T09:00:00.000Z');
    expect(await first.locator('.due dd').textContent()).toMatch(
      /^Within 24 hours, by Tue,? 3 Mar 2026,? 09:00$/,
    );
    expect(await duties.nth(1).locator('.consent dd').textContent()).toBe('Only if you agree');
    expect(await page.locator(`${view} .consent-box li`).allTextContents()).toEqual([
      'Police only with consent',
    ]);
    // Moving the report time moves the due time with it.
    await page.fill(`${view} input[type=datetime-local]`, '2026-03-31T23:30');
    expect(await first.locator('time').getAttribute('datetime')).toBe(
      deadlineDue(new Date('2026-03-31T23:30:00+01:00'), 'PT24H', {
        timeZone: 'Europe/London',
      }).toISOString(),
    );
    // Support first: the first 24 hours at the top, then the rest; print, copy and email it.
    expect(await page.locator(`${view} .first-day li.duty`).count()).toBe(1);
    expect(await page.locator(`${view} .later li.duty`).count()).toBe(1);
    const mailto = await page.locator(`${view} a.mailto`).getAttribute('href');
    expect(decodeURIComponent(mailto!)).toContain(
      'In the first 24 hours:\n- The safety lead must receive your report',
    );
    expect(await page.locator(`${view} button.print`).count()).toBe(1);
    expect(await page.locator(`${view} button.copy`).count()).toBe(1);
    await page.fill(`${view} input[type=datetime-local]`, '2026-03-02T09:00');
    await screenshot(page, 'targeted');
    expectClean(watch);
    await page.context().close();
  });

  it('agrees with evaluate and deadlineDue on the default policy, in its time zone', async () => {
    const { page, watch } = await openPage();
    const defaultName = (await page.locator('#bundled-policy').inputValue()) || 'starter.yaml';
    const compiled = compiledFrom(join(policiesDir, defaultName));
    await page.goto(`${served.baseUrl}/#targeted`);
    const view = '#view-targeted';
    const prefer: Record<string, string> = {
      'incident.kind': 'harassment',
      'incident.workRelated': 'true',
      'incident.severity': 'risk-to-safety',
    };
    const given = await answerAll(page, view, (fact, choices) => prefer[fact] ?? choices[0]!);
    // The report time is asked only when some duty owed has a deadline.
    const reportTime = page.locator(`${view} input[type=datetime-local]`);
    if ((await reportTime.count()) > 0) await reportTime.fill('2026-06-01T10:15');
    const expected = evaluate(compiled, toScenario(given)).duties;
    const shown = await page.locator(`${view} li.duty`).evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-duty'),
        due: e.querySelector('time')?.getAttribute('datetime'),
      })),
    );
    // June in London is BST: 10:15 local is 09:15 UTC.
    const reportedAt = new Date('2026-06-01T09:15:00Z');
    const clock = {
      timeZone: compiled.policy.calendar?.timeZone ?? 'Europe/London',
      ...(compiled.policy.calendar?.holidays && { holidays: compiled.policy.calendar.holidays }),
    };
    const workingDays = (id: string) =>
      compiled.policy.duties?.find((d) => d.id === id)?.workingDays === true;
    const byId = (a: { id: string | null }, b: { id: string | null }) =>
      String(a.id).localeCompare(String(b.id));
    expect(shown.sort(byId)).toEqual(
      expected
        .map((d) => ({
          id: d.dutyId,
          due: d.deadline
            ? deadlineDue(
                reportedAt,
                { duration: d.deadline, workingDays: workingDays(d.dutyId) },
                clock,
              ).toISOString()
            : undefined,
        }))
        .sort(byId),
    );
    // What is due within 24 hours of the report comes first, before anything else.
    const firstDay = await page
      .locator(`${view} .first-day li.duty time`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    for (const due of firstDay)
      expect(Date.parse(due) - reportedAt.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    const sectionsBeforeSupport = await page
      .locator(`${view} .support`)
      .evaluate((support) => Array.from(support.querySelectorAll('h4')).map((h) => h.textContent));
    expect(sectionsBeforeSupport[0]).toBe('In the first 24 hours');
    expectClean(watch);
    await page.context().close();
  });
});

describe('Safety lead', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('opens an incident, records events, shows an overdue duty at a later clock, and keeps it after a reload', async () => {
    const { page, watch } = await openPage();
    await page.getByRole('link', { name: 'Safety lead' }).click();
    const view = '#view-lead';
    const prefer: Record<string, string> = {
      'incident.kind': 'doxxing',
      'incident.workRelated': 'true',
      'actor.role': 'staff',
    };
    await answerAll(page, view, (fact, choices) => prefer[fact] ?? choices[0]!);
    // Friday 27 March 2026, 16:00 in London; the clocks go forward on Sunday.
    await page.fill(`${view} .lead-open-form input[type=datetime-local]`, '2026-03-27T16:00');
    await page.click(`${view} button.open-incident`);
    await page.waitForSelector(`${view} li[data-incident]`);
    const asAt = async (value: string) => {
      await page.fill(`${view} input.as-at`, value);
      await page.dispatchEvent(`${view} input.as-at`, 'change');
    };
    const duty = (id: string) => page.locator(`${view} li.lead-duty[data-duty="${id}"]`);
    await asAt('2026-03-27T16:30');
    await duty('safety-lead-receives-report').locator('button.acknowledge').click();
    await expect.poll(() => duty('safety-lead-receives-report').textContent()).toContain('acknowledged');
    // Nothing is done to the person's accounts without their consent: the page refuses and says why.
    await duty('lock-down-accounts').locator('button.start').click();
    await expect
      .poll(() => page.locator(`${view} .lead-problem`).textContent())
      .toContain("needs the person's consent");
    expect(await duty('lock-down-accounts').getAttribute('data-status')).toBe('waiting-for-consent');
    await duty('lock-down-accounts').locator('button.consent-given').click();
    // Wait for the checklist drawn after the consent, so the note goes into the input that stays on the page.
    await expect
      .poll(() => duty('lock-down-accounts').getAttribute('data-status'))
      .not.toBe('waiting-for-consent');
    await expect.poll(() => duty('lock-down-accounts').locator('button.start').count()).toBe(1);
    await duty('lock-down-accounts').locator('input.done-note').fill('Locked <b>with</b> you');
    await duty('lock-down-accounts').locator('button.done').click();
    await expect.poll(() => duty('lock-down-accounts').getAttribute('data-status')).toBe('done');
    expect(await duty('lock-down-accounts').textContent()).toContain('done: Locked <b>with</b> you');
    // A later clock: the 4-hour duty is overdue, and leadership is owed a word.
    await asAt('2026-03-28T12:00');
    await expect.poll(() => duty('safety-lead-receives-report').getAttribute('data-status')).toBe('overdue');
    expect(
      await page.locator(`${view} .escalations li[data-duty="safety-lead-receives-report"]`).textContent(),
    ).toContain('Tell Leadership');
    await page.screenshot({ path: join(resultsDir, 'lead-desktop.png'), fullPage: true });
    // Reassign a duty, from the keyboard: choose the role, then Enter on the button.
    const problemText = () => page.locator(`${view} .lead-problem`).textContent();
    await duty('risk-assessment').locator('summary').press('Enter');
    await duty('risk-assessment').getByLabel('Reassign Risk assessment to').selectOption('leadership');
    await duty('risk-assessment').locator('button.reassign').press('Enter');
    await expect
      .poll(() => duty('risk-assessment').locator('.lead-duty-what').textContent())
      .toContain('Leadership');
    // Someone told that a duty slipped, beyond the escalation the policy owes.
    await duty('risk-assessment').locator('summary').click();
    await duty('risk-assessment').getByLabel('Tell someone Risk assessment has slipped:').selectOption('hr');
    await duty('risk-assessment').locator('button.escalate').click();
    await expect.poll(() => duty('risk-assessment').textContent()).toContain('told: HR');
    // A fact learned: the duties owed are evaluated again, so the checklist gains and loses duties.
    const learn = async (fact: string, answer: string) => {
      await page.locator(`${view} select.fact`).selectOption(fact);
      await page.locator(`${view} select.fact-value`).selectOption({ label: answer });
      await page.click(`${view} button.learn-fact`);
    };
    expect(await duty('emergency-fund').count()).toBe(0);
    await learn('incident.severity', 'Risk to safety');
    await expect.poll(() => duty('emergency-fund').count()).toBe(1);
    expect(await duty('pay-data-broker-removal').count()).toBe(1);
    await learn('incident.kind', 'Harassment');
    await expect.poll(() => duty('pay-data-broker-removal').count()).toBe(0);
    expect(await problemText()).toBe('');
    await page.screenshot({ path: join(resultsDir, 'lead-facts-learned.png'), fullPage: true });
    // A rejected event (dated before the last one) shows its issue and changes nothing.
    const checklist = () =>
      page
        .locator(`${view} li.lead-duty`)
        .evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.status}: ${r.textContent}`));
    const before = await checklist();
    await asAt('2026-03-27T17:00');
    await learn('incident.severity', 'Low');
    await expect.poll(problemText).toContain('before the last one');
    expect(await duty('emergency-fund').count()).toBe(1);
    await asAt('2026-03-28T12:00');
    expect(await checklist()).toEqual(before);
    await page.locator(`${view} .lead-incident`).screenshot({ path: join(resultsDir, 'lead-rejected.png') });
    // Export: the JSON is an incident the API reads back, with the events recorded.
    const download = page.waitForEvent('download');
    await page.click(`${view} a.export`);
    const file = await (await download).path();
    const exported = parseIncident(JSON.parse(readFileSync(file, 'utf8')));
    expect(exported.ok).toBe(true);
    const incident = (exported as { incident: Incident }).incident;
    expect(incident.events.map((e) => e.type)).toEqual([
      'acknowledged',
      'consent-given',
      'done',
      'reassigned',
      'escalated',
      'fact-learned',
      'fact-learned',
    ]);
    expect(incidentState(incident).duties.find((d) => d.dutyId === 'risk-assessment')?.holder.id).toBe(
      'leadership',
    );
    expect(incidentState(incident).duties.find((d) => d.dutyId === 'lock-down-accounts')?.doneNote).toBe(
      'Locked <b>with</b> you',
    );
    // Reload: the incident is still there, from IndexedDB, with its events.
    await page.reload();
    await page.getByRole('link', { name: 'Safety lead' }).click();
    await page.waitForSelector(`${view} li[data-incident]`);
    await asAt('2026-03-28T12:00');
    await expect.poll(() => duty('lock-down-accounts').getAttribute('data-status')).toBe('done');
    expect(await duty('safety-lead-receives-report').getAttribute('data-status')).toBe('overdue');
    expectClean(watch);
    await page.context().close();
  });
});

describe('The policy', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows the handbook and draws the flowchart', async () => {
    const { page, watch } = await openPage();
    await page.getByRole('link', { name: 'The policy' }).click();
    const view = '#view-policy';
    await expect.poll(() => page.locator(`${view} .handbook`).count()).toBe(1);
    // The audit summary of the default policy (the union's flagship), as fairpost audit gives it.
    await expect
      .poll(() => page.locator(`${view} .audit-summary`).textContent(), { timeout: 15_000 })
      .toBe(
        'Reaches less than 1% of own-time personal use (fair policies: at most 5%); provides 16 of 16 support measures.',
      );
    await expect
      .poll(() => page.locator(`${view} .audit .hint`).textContent())
      .toContain('0 errors, 0 warnings; shares under the default weights.');
    await page.waitForSelector(`${view} .flowchart svg`, { timeout: 15_000 });
    // The handbook is long: the top of the page, and the flowchart on its own.
    await screenshot(page, 'policy', false);
    await page
      .locator(`${view} div.flowchart`)
      .screenshot({ path: join(screenshotsDir, 'policy-flowchart.png') });
    expectClean(watch);
    await page.context().close();
    // The handbook, the audit and the flowchart: more than the default 30 seconds on a loaded machine.
  }, 90_000);
});

describe('a hostile policy', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('is shown as text: no script runs, no dialog opens, and the page still works', async () => {
    const { page, watch } = await openPage();
    await page.setInputFiles('#policy-file', hostileFile);
    await page.waitForFunction(() =>
      document.querySelector('.policy-status')?.textContent?.includes('hostile'),
    );
    const hostileText = readFileSync(hostileFile, 'utf8');
    expect(hostileText).toContain('<script>');
    // The questionnaire asks the custom fact, with its question as literal text.
    const question = page.locator('#view-ask form.question');
    expect(await question.getAttribute('data-fact')).toBe('custom.postKind');
    expect(await question.locator('legend .ask').textContent()).toBe(
      "<script>window.__pwned='question'</script>What kind of post is it?",
    );
    await answerAll(page, '#view-ask', from({ 'custom.postKind': 'safe' }));
    expect(await shownOutcome(page)).toBe('permitted-with-conditions');
    expect(await page.locator('#view-ask .decision .why').textContent()).toContain(
      `<img src=x onerror="window.__pwned='reason'">`,
    );
    await page.getByRole('link', { name: 'I’m being targeted' }).click();
    await answerAll(page, '#view-targeted', from({ 'incident.kind': 'doxxing' }));
    expect(await page.locator('#view-targeted li.duty .duty-what').textContent()).toBe(
      "The <b>reviewer</b> will <script>window.__pwned='duty'</script> help",
    );
    await page.getByRole('link', { name: 'The policy' }).click();
    await page.waitForSelector('#view-policy .flowchart svg', { timeout: 15_000 });
    await page.waitForTimeout(300);
    const inert = await page.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      handlers: Array.from(document.querySelectorAll('*')).filter((el) =>
        Array.from(el.attributes).some((a) => a.name.startsWith('on')),
      ).length,
      javascriptLinks: Array.from(document.querySelectorAll('[href]')).filter((el) =>
        /^\s*javascript:/i.test(el.getAttribute('href') ?? ''),
      ).length,
      iframes: document.querySelectorAll('iframe').length,
      bodyShown: getComputedStyle(document.body).display !== 'none',
    }));
    expect(inert).toEqual({
      pwned: undefined,
      inlineScripts: 0,
      handlers: 0,
      javascriptLinks: 0,
      iframes: 0,
      bodyShown: true,
    });
    // The title is text in the page, not markup.
    expect(await page.locator('.policy-status strong').textContent()).toBe(
      "<script>window.__pwned = 'title'</script>Hostile <b>policy</b>",
    );
    await screenshot(page, 'hostile-policy', false);
    expectClean(watch);
    await page.context().close();
  });

  it('with errors shows each problem with its line and column, and keeps the policy it had', async () => {
    const { page, watch } = await openPage();
    const before = await page.locator('.policy-status').textContent();
    const broken = readFileSync(join(policiesDir, 'starter.yaml'), 'utf8').replace(
      'outcome: not-permitted',
      'outcome: forbidden',
    );
    await page.setInputFiles('#policy-file', {
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(broken),
    });
    const problem = page.locator('.problems li').first();
    await expect.poll(() => problem.textContent()).toMatch(/^broken\.yaml:\d+:\d+: rules\[0\]\.outcome: /);
    const expectedLine = broken.split('\n').findIndex((l) => l.includes('forbidden')) + 1;
    expect(await problem.textContent()).toContain(`broken.yaml:${expectedLine}:`);
    expect(await page.locator('.policy-status').textContent()).toBe(before);
    expectClean(watch);
    await page.context().close();
  });
});
