// The policy studio, built with Vite and driven in a real Chromium: completion offers a fact's own values, a broken
// value is flagged at its line, the views follow the draft, comparison with a dropped-in policy, the Word
// download read back, axe-core finds nothing, and a hostile policy stays inert with no request leaving the page.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  auditPolicy,
  type CompiledPolicy,
  comparePolicies,
  compilePolicy,
  defaultWeights,
  parsePolicySource,
  THEME_LABELS,
} from '@fairpost/core';
import { draftPolicy, parseInterviewAnswers } from '@fairpost/core/interview';
import { buildHandbook, type Section } from '@fairpost/render';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_TEST_TIMEOUT,
  type BuiltPage,
  buildAndServe,
  expectClean,
  type PageWatch,
} from '@fairpost/page-kit/testing';
import { compareWithDraft } from '../src/compare.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const policiesDir = fileURLToPath(new URL('../../policies/', import.meta.url));
// Screenshots go to the ignored test-results/ folder, so a test run leaves the tree clean; `pnpm screenshots` sets
// FAIRPOST_SCREENSHOTS=1 to regenerate the committed ones in screenshots/ on purpose.
const screenshotsDir =
  process.env.FAIRPOST_SCREENSHOTS === '1'
    ? join(appDir, 'screenshots')
    : fileURLToPath(new URL('../../../test-results/studio-screenshots/', import.meta.url));
const hostileFile = fileURLToPath(new URL('./fixtures/hostile-policy.yaml', import.meta.url));
const axeSource = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };

let downloadsDir: string;
let served: BuiltPage;

function compiledFrom(file: string): CompiledPolicy {
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${file} is not a valid policy`);
  return compilePolicy(parsed.policy);
}

const starterText = readFileSync(join(policiesDir, 'starter.yaml'), 'utf8');
const starter = compiledFrom(join(policiesDir, 'starter.yaml'));

function openPage(viewport = DESKTOP): Promise<{ page: Page; watch: PageWatch }> {
  return served.open({ viewport, locale: 'en-GB', acceptDownloads: true }, '.draft-status.ok');
}

async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The editor line (a `.cm-line`) holding `text`, scrolled into view. */
async function editorLine(page: Page, text: string) {
  const line = page.locator('.cm-line', { hasText: text }).first();
  await line.scrollIntoViewIfNeeded();
  return line;
}

/**
 * Screenshots at desktop and phone width. On a phone the views sit below the editor, so the phone shot starts at
 * `subject` (the view by default; the editor for the editor's own shots).
 */
async function screenshot(page: Page, name: string, subject = '.preview-pane'): Promise<void> {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    // At phone width nothing may scroll sideways (the editor and flowchart scroll inside their own boxes).
    const wide = await page.evaluate((width) => {
      if (document.documentElement.scrollWidth <= width) return [];
      return Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
    }, viewport.width);
    expect(wide).toEqual([]);
    if (label === 'phone')
      await page
        .locator(subject)
        .first()
        .evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(screenshotsDir, `${name}-${label}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an inline <script> would be refused).
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/**
 * The audit panel shows what `auditPolicy` computes in Node for the same policy: the summary line, the counts, one
 * heading per theme in the criteria's order, and every finding's source as a link to its web address.
 */
async function expectAudit(page: Page, compiled: CompiledPolicy) {
  const report = auditPolicy(compiled);
  const panel = page.locator('#panel-audit');
  await expect.poll(() => panel.locator('.audit-summary').textContent()).toBe(report.summary);
  const counts = (await panel.locator('.fairpost-audit > p').nth(1).textContent()) ?? '';
  expect(counts).toContain(`${report.counts.error} error${report.counts.error === 1 ? '' : 's'}`);
  expect(counts).toContain(`${report.counts.warning} warning${report.counts.warning === 1 ? '' : 's'}`);
  expect(await panel.locator('.fairpost-audit h2').allTextContents()).toEqual([
    ...new Set(report.findings.map((f) => f.theme)),
  ]);
  const separate = report.findings.filter((f) => !f.checklist);
  expect(await panel.locator('article.audit-finding').count()).toBe(separate.length);
  expect(await panel.locator('article.audit-error').count()).toBe(
    separate.filter((f) => f.severity === 'error').length,
  );
  for (const f of separate.filter((f) => /^https:\/\//.test(f.source.url)))
    expect(await panel.locator(`[id="audit-${f.id}"] a`).getAttribute('href')).toBe(
      new URL(f.source.url).href,
    );
  return report;
}

function headings(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [s.heading, ...headings(s.sections)]);
}

beforeAll(async () => {
  downloadsDir = mkdtempSync(join(tmpdir(), 'fairpost-studio-downloads-'));
  mkdirSync(screenshotsDir, { recursive: true });
  served = await buildAndServe(appDir);
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await served?.close();
  if (downloadsDir) rmSync(downloadsDir, { recursive: true, force: true });
});

describe('the interview', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('drafts the policy the CLI drafts from the same answers, and gives the answers back when reopened', async () => {
    const { page, watch } = await openPage();
    // A first visit opens on the interview.
    expect(await page.getByRole('tab', { name: 'Interview' }).getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'interview');
    const panel = page.locator('#panel-interview');
    await panel.locator('#interview-organisation').fill('Riverside Advice');
    await panel.locator('#interview-respondWithin').fill('soon-ish');
    await panel.getByRole('button', { name: 'Write the draft' }).click();
    // A duration that cannot be read is said, and nothing is drafted.
    await expect.poll(() => panel.locator('.interview-outcome').textContent()).toContain('respondWithin');
    await panel.locator('#interview-respondWithin').fill('within 2 hours');
    // A question that applies only to confidential services comes and goes with the answer it depends on.
    await panel.locator('[data-question="peopleServed"] input[data-value="public"]').check();
    expect(await panel.locator('[data-question="confidentiality"]').count()).toBe(0);
    await panel.locator('[data-question="peopleServed"] input[data-value="clients"]').check();
    await panel.locator('[data-question="confidentiality"]').waitFor();
    await panel.locator('[data-question="support"] input[data-value="psychological-support"]').uncheck();
    await panel.getByRole('button', { name: 'Write the draft' }).click();
    await page.waitForFunction(() =>
      document.querySelector('.draft-status')?.textContent?.includes('Riverside Advice'),
    );
    const expected = parseInterviewAnswers({
      organisation: 'Riverside Advice',
      respondWithin: 'within 2 hours',
      peopleServed: 'clients',
      support: draftPolicy(parseInterviewAnswersOrThrow({})).answers.support.filter(
        (s) => s !== 'psychological-support',
      ),
    });
    if (!expected.ok) throw new Error('the expected answers are not valid');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    const path = join(downloadsDir, 'interview-draft.yaml');
    await file.saveAs(path);
    // Byte for byte what `fairpost init --answers` writes for the same answers.
    expect(readFileSync(path, 'utf8')).toBe(draftPolicy(expected.answers).yaml);
    await showTab(page, 'Audit');
    const drafted = auditPolicy(draftPolicy(expected.answers).policy);
    expect(drafted.counts.error).toBe(0);
    expect(await page.locator('#panel-audit .audit-summary').textContent()).toBe(drafted.summary);
    // Reopening the page (the draft is kept in this browser) and the interview brings the answers back.
    await page.reload();
    await page.waitForSelector('.draft-status.ok');
    await showTab(page, 'Interview');
    expect(await page.locator('#interview-organisation').inputValue()).toBe('Riverside Advice');
    expect(await page.locator('#interview-respondWithin').inputValue()).toBe('within 2 hours');
    expect(
      await page.locator('[data-question="support"] input[data-value="psychological-support"]').isChecked(),
    ).toBe(false);
    expectClean(watch);
    await page.context().close();
  });
});

function parseInterviewAnswersOrThrow(input: unknown) {
  const parsed = parseInterviewAnswers(input);
  if (!parsed.ok) throw new Error('invalid answers');
  return parsed.answers;
}

describe('the editor', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('offers a fact’s own values after “is:”, and only those', async () => {
    const { page, watch } = await openPage();
    const line = await editorLine(page, 'is: own-time');
    await line.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'own-time'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    const labels = await options.locator('.cm-completionLabel').allTextContents();
    const domain = starter.domains('context.time').map(String);
    expect(labels.slice(0, domain.length).sort()).toEqual([...domain].sort());
    await screenshot(page, 'completion', '.editor-host');
    // Choosing one writes it into the text.
    await page.keyboard.type('ow');
    await page
      .locator('.cm-tooltip-autocomplete li[aria-selected]', { hasText: 'own-time' })
      .first()
      .waitFor();
    // CodeMirror ignores Enter for `interactionDelay` (75 ms) after the list opens or updates, so that a key
    // pressed before the reader could see the list does not pick from it: wait past it, as a person would.
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cm-line', { hasText: /is: own-time$/ }).count()).toBe(1);
    expectClean(watch);
    await page.context().close();
  });

  it('flags a broken value at its line, in the text and in the list of problems', async () => {
    const { page, watch } = await openPage();
    const lineNumber = starterText.split('\n').findIndex((l) => l.includes('is: own-time')) + 1;
    const line = await editorLine(page, 'is: own-time');
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type('-ish');
    const problem = page.locator(`.problems li.problem[data-line="${lineNumber}"]`).first();
    await problem.waitFor();
    expect(await problem.textContent()).toContain('own-time-ish');
    expect(await page.locator('.draft-status').textContent()).toContain('problem');
    // The editor underlines the value on that line.
    await expect.poll(() => line.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    // The button takes the cursor there.
    await problem.locator('button').click();
    await screenshot(page, 'diagnostic', '.draft-status');
    expectClean(watch);
    await page.context().close();
  });
});

describe('the views', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('show the handbook, the flowchart, the decision and the audit for the draft, with no axe violations', async () => {
    const { page, watch } = await openPage();
    await showTab(page, 'Handbook');
    const handbook = buildHandbook(starter.policy);
    expect(await page.locator('#panel-handbook .handbook h1').textContent()).toBe(handbook.title);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'handbook');

    await showTab(page, 'Flowchart');
    await page.waitForSelector('#panel-flowchart .flowchart svg', { timeout: 20_000 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'flowchart');

    await showTab(page, 'Can I post this?');
    await page.selectOption('#panel-ask select[data-fact="content.identifiesClient"]', 'true');
    await expect
      .poll(() => page.locator('#panel-ask .decision').getAttribute('data-outcome'))
      .toBe('not-permitted');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ask');

    await showTab(page, 'Audit');
    await expectAudit(page, starter);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit');

    // Keyboard: arrow keys move between tabs.
    await page.getByRole('tab', { name: 'Audit' }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Can I post this?' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expectClean(watch);
    await page.context().close();
  });

  it('compares the draft with a policy dropped into the page, in core’s theme lines, and audits the dropped draft', async () => {
    const { page, watch } = await openPage();
    await showTab(page, 'Compare');
    const managementFile = join(policiesDir, 'management-draft.yaml');
    await page.setInputFiles('#panel-compare input.compare-file', managementFile);
    await page.waitForSelector('#panel-compare .theme-line');
    const management = compiledFrom(managementFile);
    const expected = compareWithDraft(compilePolicy(starter.policy, { generateCode: false }), management);
    // One line per theme of core's comparison, under the default weights, said on the page.
    const themes = comparePolicies(starter, management, { distribution: defaultWeights }).themes;
    expect(expected.themes.map((t) => t.theme)).toEqual(themes.map((t) => THEME_LABELS[t.theme].label));
    expect(themes.some((t) => t.verdict !== 'same')).toBe(true);
    expect(await page.locator('#panel-compare .headline').textContent()).toBe(expected.headline);
    expect(await page.locator('#panel-compare .headline').textContent()).toContain(
      'under the default weights',
    );
    expect(await page.locator('#panel-compare .theme-line').allTextContents()).toEqual(
      expected.themes.map((t) => `${t.theme}: ${t.text}`),
    );
    // The private-life line says what the management draft does to own time, as core measures it, and which way the
    // theme leans though it is mixed.
    const privateLife = themes.find((t) => t.theme === 'private-life')!;
    expect(privateLife.stricterShare).toBeGreaterThan(0);
    expect(
      await page.locator('#panel-compare .theme-line', { hasText: 'Private life' }).textContent(),
    ).toContain(`mostly stricter (${Math.round(privateLife.stricterShare * 1000) / 10}% stricter`);
    expect(await page.locator('#panel-compare table.differences tbody tr').count()).toBe(
      expected.differences.length,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'compare');

    // The management draft opened in the editor: the audit panel gives core's summary and its findings by theme.
    await page.setInputFiles('input.open-file', managementFile);
    await page.waitForFunction(
      (title) => document.querySelector('.draft-status')?.textContent?.includes(title),
      management.policy.title,
    );
    await showTab(page, 'Audit');
    const report = await expectAudit(page, management);
    expect(report.counts.error).toBeGreaterThan(0);
    expect(await page.locator('.draft-status').textContent()).toContain(
      `${report.counts.error} audit errors`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit-management');
    expectClean(watch);
    await page.context().close();
  });
});

describe('the downloads', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('give the YAML as typed, and the handbook as HTML and as a Word document with real headings and the duties', async () => {
    const { page, watch } = await openPage();
    const save = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      const path = join(downloadsDir, file.suggestedFilename());
      await file.saveAs(path);
      return path;
    };
    expect(readFileSync(await save('#download-yaml'), 'utf8')).toBe(starterText);
    const html = readFileSync(await save('#download-html'), 'utf8');
    expect(html).toContain(`<title>${starter.policy.title}</title>`);

    const docx = await save('#download-docx');
    expect(docx.endsWith('starter-handbook.docx')).toBe(true);
    const { value } = await mammoth.convertToHtml({ path: docx });
    const handbook = buildHandbook(starter.policy);
    // Word's own Heading styles come back as <h1>, <h2>…: every section of the handbook is a heading.
    const wordHeadings = [...value.matchAll(/<h[1-6]>(.*?)<\/h[1-6]>/g)].map((m) => m[1]);
    for (const heading of headings(handbook.sections))
      expect(wordHeadings).toContain(heading.replace(/&/g, '&amp;'));
    const text = (await mammoth.extractRawText({ path: docx })).value;
    for (const duty of starter.policy.duties ?? []) {
      const phrase = starter.vocabulary.catalogues.dutyActions.get(duty.action)?.label;
      expect(phrase && text.includes(phrase)).toBe(true);
    }
    expect(value).toContain('<table>');
    expectClean(watch);
    await page.context().close();
  });

  it('print the handbook alone for PDF', async () => {
    const { page, watch } = await openPage();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.editor-pane').isVisible()).toBe(false);
    expect(await page.locator('#panel-handbook .handbook h1').isVisible()).toBe(true);
    const pdf = await page.pdf();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expectClean(watch);
    await page.context().close();
  });
});

describe('a hostile policy', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('opened in the studio, runs nothing and requests nothing in any view', async () => {
    const { page, watch } = await openPage();
    await page.setInputFiles('input.open-file', hostileFile);
    await page.waitForFunction(() =>
      document.querySelector('.draft-status')?.textContent?.includes('Hostile'),
    );
    for (const tab of ['Handbook', 'Flowchart', 'Can I post this?', 'Audit', 'Compare'])
      await showTab(page, tab);
    await showTab(page, 'Flowchart');
    await page.waitForSelector('#panel-flowchart .flowchart svg', { timeout: 20_000 });
    await showTab(page, 'Handbook');
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
    expect(await page.locator('#panel-handbook .handbook h1').textContent()).toBe(
      "<script>window.__pwned = 'title'</script>Hostile <b>policy</b>",
    );
    await screenshot(page, 'hostile');
    expectClean(watch);
    await page.context().close();
  });
});
