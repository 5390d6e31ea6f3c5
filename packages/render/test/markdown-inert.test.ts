// Markdown from a hostile policy, read by the three common Markdown libraries at their default settings, then
// shown in Chromium: no link but the policy's own http(s) sources and the document's anchors, no image, no HTML of
// the policy's, nothing run and nothing fetched.
import * as commonmark from 'commonmark';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parse } from 'parse5';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Policy, parsePolicy } from '@fairpost/core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../test/support/chromium.js';
import { renderMarkdown } from '../src/index.js';
import { safeHref } from '../src/safe-href.js';
import { ATTACKS, hostilePolicy } from './fixtures/hostile-policy.js';

/** Markdown attacks on top of the fixture's: nested links, images, bare addresses, entities, link definitions. */
const MARKDOWN_ATTACKS = [
  '[x](javascript:window.__pwned=1)',
  '\\[x\\](javascript:window.__pwned=1)',
  '[x](<javascript:window.__pwned=1>)',
  '[x](data:text/html,<script>window.__pwned=1</script>)',
  '[x](vbscript:msgbox)',
  '![x](https://evil.example/pixel.png)',
  '!\\[x\\](https://evil.example/pixel.png)',
  'https://evil.example/pixel.png',
  'www.evil.example',
  '<https://evil.example>',
  'mail@evil.example',
  'mailto:mail@evil.example',
  '&#106;avascript:window.__pwned=1',
  '[ref]\n\n[ref]: javascript:window.__pwned=1',
  '<img src="https://evil.example/pixel.png">',
  '<a href="javascript:window.__pwned=1">x</a>',
  '<!-- x --> <?php ?> <![CDATA[ x ]]>',
];

const FREE_TEXT = new Set([
  'title',
  'organisation',
  'version',
  'summary',
  'text',
  'reason',
  'note',
  'section',
  'quote',
  'assumption',
  'term',
  'meaning',
  'label',
  'phrase',
  'description',
  'question',
  'whenTrue',
  'whenFalse',
  'file',
]);

/** The fixture with every free-text field replaced by one attack. */
function withEveryText(attack: string): Policy {
  const replace = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(replace);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        FREE_TEXT.has(k) && typeof v === 'string' ? attack : replace(v),
      ]),
    );
  };
  const parsed = parsePolicy(replace(structuredClone(hostilePolicy)));
  if (!parsed.ok)
    throw new Error(`attack ${attack} made the policy invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.policy;
}

const policies: [string, Policy][] = [
  ['the hostile fixture', hostilePolicy],
  ...MARKDOWN_ATTACKS.map((attack): [string, Policy] => [attack, withEveryText(attack)]),
];

const markdownIt = new MarkdownIt();
const READERS: Record<string, (markdown: string) => string> = {
  marked: (markdown) => marked.parse(markdown, { async: false }),
  'markdown-it': (markdown) => markdownIt.render(markdown),
  commonmark: (markdown) => new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(markdown)),
};

interface Node {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}
const elements = (node: Node): Node[] => [
  ...(node.tagName ? [node] : []),
  ...[...(node.childNodes ?? []), ...(node.content ? [node.content] : [])].flatMap(elements),
];
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The tags Markdown makes of the handbook's own structure (and the `<a id>` anchors it writes). */
const STRUCTURE = new Set(
  'html head body h1 h2 h3 h4 h5 h6 p em strong ul ol li table thead tbody tr th td a br code blockquote hr'.split(
    ' ',
  ),
);

describe.each(Object.entries(READERS))('Markdown of hostile policies read by %s', (_reader, read) => {
  it.each(policies)(
    '%s: no link but the policy’s safe sources and its anchors, no image, no HTML',
    (_n, policy) => {
      const html = read(renderMarkdown(policy));
      const all = elements(parse(html) as unknown as Node);
      expect(all.filter((e) => !STRUCTURE.has(e.tagName!)).map((e) => e.tagName)).toEqual([]);
      expect(all.flatMap((e) => (e.attrs ?? []).filter((a) => /^on|^src$|^style$/i.test(a.name)))).toEqual(
        [],
      );
      const allowed = new Set(
        (policy.sources ?? [])
          .flatMap((s) => (s.url ? [safeHref(s.url)] : []))
          .filter((u) => u !== undefined),
      );
      for (const link of all.filter((e) => e.tagName === 'a')) {
        const href = attr(link, 'href');
        if (href === undefined) expect(attr(link, 'id')).toMatch(/^[a-z0-9-]+$/);
        else if (!/^#[a-z0-9-]+$/.test(href)) expect(allowed).toContain(href);
      }
    },
  );
});

describe('the same HTML shown in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('runs nothing and requests nothing, from any reader, for any hostile policy', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const [, read] of Object.entries(READERS)) {
      for (const [, policy] of policies) {
        await page.setContent(`<!DOCTYPE html><html><body>${read(renderMarkdown(policy))}</body></html>`, {
          waitUntil: 'load',
        });
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      }
    }
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(ATTACKS.script).toContain('__pwned');
    await page.close();
  }, 120_000);
});
