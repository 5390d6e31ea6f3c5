import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMermaid } from '../src/index.js';
import { examplePolicies } from './example-policies.js';
import { hostilePolicy } from './fixtures/hostile-policy.js';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../test/support/chromium.js';

const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ path: mermaidScript });
  await page.evaluate(() => {
    (window as unknown as { mermaid: { initialize: (c: object) => void } }).mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
    });
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  svg?: string;
  error?: string;
  pwned: boolean;
  scripts: number;
  handlers: string[];
  /** Attributes that could load or run something other than an in-page anchor. */
  urls: string[];
  text: string;
}

/** Renders a chart with the real mermaid, inserts the SVG into the page, and reports what it contains. */
function render(source: string, id: string): Promise<Rendered> {
  return page.evaluate(
    async ({ source, id }) => {
      const w = window as unknown as {
        mermaid: { render: (id: string, text: string) => Promise<{ svg: string }> };
        __pwned?: unknown;
      };
      try {
        const { svg } = await w.mermaid.render(id, source);
        const out = document.getElementById('out')!;
        out.innerHTML = svg;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const all = Array.from(out.querySelectorAll('*'));
        return {
          svg,
          pwned: w.__pwned !== undefined,
          scripts: out.querySelectorAll('script, iframe, object, embed').length,
          handlers: all.flatMap((e) =>
            Array.from(e.attributes)
              .filter((a) => /^on/i.test(a.name))
              .map((a) => a.name),
          ),
          urls: all.flatMap((e) =>
            Array.from(e.attributes)
              .filter((a) => /(^|:)(href|src)$/i.test(a.name) && !a.value.startsWith('#'))
              .map((a) => `${a.name}=${a.value}`),
          ),
          text: out.textContent ?? '',
        };
      } catch (error) {
        return {
          error: String(error),
          pwned: w.__pwned !== undefined,
          scripts: 0,
          handlers: [],
          urls: [],
          text: '',
        };
      }
    },
    { source, id },
  );
}

describe('renderMermaid in a real browser', () => {
  it.each(examplePolicies.map(({ file, policy }, i) => [file, policy, i] as const))(
    'renders the flowchart of %s to SVG with a node per rule',
    async (_file, policy, i) => {
      const result = await render(renderMermaid(policy), `example${i}`);
      expect(result.error).toBeUndefined();
      expect(result.svg).toMatch(/^<svg/);
      // A question per rule, an outcome per rule, the start and the default.
      expect(result.svg!.match(/class="node /g)?.length).toBe(2 * policy.rules.length + 2);
      expect(result.text).toContain('Your situation');
    },
  );

  it('renders the hostile policy’s flowchart without error and injects nothing', async () => {
    const result = await render(renderMermaid(hostilePolicy), 'hostile');
    expect(result.error).toBeUndefined();
    expect(result.scripts).toBe(0);
    expect(result.handlers).toEqual([]);
    expect(result.pwned).toBe(false);
    expect(result.urls).toEqual([]);
    expect(result.svg).not.toMatch(/<(script|iframe|img|object|embed)\b/i);
    // The attacks show as text: the label did not break out into extra nodes.
    expect(result.svg!.match(/class="node /g)?.length).toBe(2 * hostilePolicy.rules.length + 2);
    expect(result.text).toContain('<script>window.__pwned = 1</script>');
  });
});

describe('renderMermaid source', () => {
  it('has no click, callback or href directives and no raw HTML, even for a hostile policy', () => {
    const source = renderMermaid(hostilePolicy);
    expect(source).not.toMatch(/^\s*(click|call|href|style)\b/m);
    const labels = [...source.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    expect(labels.length).toBe(2 * hostilePolicy.rules.length + 2);
    for (const label of labels) expect(label.replace(/#\d+;/g, '')).not.toMatch(/[<>`%;:#\n]/);
    // Outside the labels, only the chart's own syntax: ids, arrows, yes/no, classes and comments naming rule ids.
    const skeleton = source.replace(/"[^"]*"/g, '""');
    for (const line of skeleton.trim().split('\n')) {
      expect(line).toMatch(
        /^(flowchart TD|\s+%% rule-[a-z0-9-]+|\s+\w+ (-->|-->\|\w+\|) \w+(\(\[""\]\)|\{""\})|\s+\w+\(\[""\]\)|\s+class \w+ \w+|\s+classDef \w+ [\w:#,]+)$/,
      );
    }
  });

  it('asks the rules of a strictest policy from the strictest outcome down', () => {
    const policy = {
      ...examplePolicies[0]!.policy,
      resolution: 'strictest' as const,
      rules: [
        { id: 'a', when: { fact: 'context.time', is: 'own-time' }, outcome: 'permitted', reason: 'r' },
        {
          id: 'b',
          when: { fact: 'content.identifiesClient', is: true },
          outcome: 'not-permitted',
          reason: 'r',
        },
      ],
    } as (typeof examplePolicies)[0]['policy'];
    const source = renderMermaid(policy);
    expect(source.indexOf('%% rule-b')).toBeLessThan(source.indexOf('%% rule-a'));
  });
});
