import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderHtml, renderHtmlFragment } from '../src/index.js';
import { examplePolicies } from './example-policies.js';
import { ATTACKS, hostilePolicy } from './fixtures/hostile-policy.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

function elements(node: Node): Node[] {
  const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
  return [...(node.tagName ? [node] : []), ...children.flatMap(elements)];
}
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node: Node): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join('');

/** Everything an intranet page needs to be sure of before it shows the HTML. */
function expectInert(all: Node[]) {
  expect(
    all.filter((e) =>
      ['script', 'iframe', 'object', 'embed', 'img', 'svg', 'foreignobject'].includes(e.tagName!),
    ),
  ).toEqual([]);
  const handlers = all.flatMap((e) => (e.attrs ?? []).filter((a) => /^on/i.test(a.name)));
  expect(handlers).toEqual([]);
  for (const link of all.filter((e) => e.tagName === 'a')) {
    expect(attr(link, 'href')).toMatch(/^(https?:\/\/|#[a-z0-9-]+$)/);
  }
}

const cases = [
  ...examplePolicies.map(({ file, policy }) => [file, policy] as const),
  ['hostile', hostilePolicy] as const,
];

describe.each(cases)('renderHtml of %s', (_name, policy) => {
  const html = renderHtml(policy);
  const doc = parse(html) as unknown as Node;
  const all = elements(doc);
  const ids = new Set(all.map((e) => attr(e, 'id')).filter(Boolean));

  it('is a complete document with one h1, the policy’s lang and a style but no script', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(all.filter((e) => e.tagName === 'h1')).toHaveLength(1);
    expect(attr(all.find((e) => e.tagName === 'html')!, 'lang')).toBe(policy.language);
    expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
    expectInert(all);
  });

  it('has an anchor for every rule, duty and commitment', () => {
    for (const rule of policy.rules) expect(ids).toContain(`rule-${rule.id}`);
    for (const duty of policy.duties ?? []) expect(ids).toContain(`duty-${duty.id}`);
    for (const c of policy.commitments ?? []) expect(ids).toContain(`commitment-${c.id}`);
    expect(ids).toContain('rule-default');
  });

  it('gives every table a caption and header cells scoped to columns and rows', () => {
    for (const table of all.filter((e) => e.tagName === 'table')) {
      const inside = elements(table);
      expect(inside.filter((e) => e.tagName === 'caption')).toHaveLength(1);
      const headers = inside.filter((e) => e.tagName === 'th');
      expect(headers.length).toBeGreaterThan(0);
      for (const th of headers) expect(['col', 'row']).toContain(attr(th, 'scope'));
      for (const row of inside.filter((e) => e.tagName === 'tr')) {
        expect(elements(row).filter((e) => e.tagName === 'th').length).toBeGreaterThan(0);
      }
    }
  });

  it('nests headings without skipping a level', () => {
    const levels = all.filter((e) => /^h[1-6]$/.test(e.tagName!)).map((e) => Number(e.tagName![1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
  });

  it('has unique ids', () => {
    const all_ids = all.map((e) => attr(e, 'id')).filter(Boolean);
    expect(new Set(all_ids).size).toBe(all_ids.length);
  });
});

describe('renderHtml of a hostile policy', () => {
  const html = renderHtml(hostilePolicy);
  const all = elements(parse(html) as unknown as Node);

  it('shows every attack as text: the script tag is in the page’s words, not its elements', () => {
    const body = all.find((e) => e.tagName === 'body')!;
    expect(textOf(body)).toContain(ATTACKS.script);
    expect(textOf(body)).toContain(ATTACKS.img);
    expect(textOf(body)).toContain(ATTACKS.javascriptUrl);
  });

  it('links only the http(s) source, percent-encoded, and never the javascript: file', () => {
    const hrefs = all.filter((e) => e.tagName === 'a').map((e) => attr(e, 'href')!);
    expect(hrefs.filter((h) => h.startsWith('http'))).toEqual([
      'https://example.org/?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
    ]);
    expect(hrefs.some((h) => h.toLowerCase().includes('javascript'))).toBe(false);
  });
});

describe('renderHtmlFragment', () => {
  it('is the document’s article without html, head or body, and as inert', () => {
    const fragment = renderHtmlFragment(hostilePolicy);
    const all = elements(parseFragment(fragment) as unknown as Node);
    expect(all[0]?.tagName).toBe('article');
    expect(all.some((e) => ['html', 'head', 'body', 'style'].includes(e.tagName!))).toBe(false);
    expectInert(all);
    expect(renderHtml(hostilePolicy)).toContain(fragment.trim());
  });
});
