import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../src/escape-markdown.js';
import { renderMarkdown } from '../src/index.js';
import { ATTACKS, hostilePolicy } from './fixtures/hostile-policy.js';
import { runs } from '../../../test/support/property-runs.js';

/**
 * What a CommonMark reader sees after backslash escapes and character references: each `\x` of punctuation is the
 * literal `x`, each `&#NN;` the character NN.
 */
const readMarkdown = (text: string) =>
  text.replace(
    /\\([!-/:-@[-`{-~])|&#(\d+);/g,
    (_, escaped: string | undefined, code: string | undefined) =>
      escaped ?? String.fromCharCode(Number(code)),
  );

describe('escapeMarkdown', () => {
  it('reads back as the original text, with line breaks as spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(readMarkdown(escapeMarkdown(text))).toBe(text.replace(/\s*[\r\n]+\s*/g, ' '));
      }),
      { numRuns: runs(300) },
    );
  });

  it('leaves no character that opens inline markup unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        const escaped = escapeMarkdown(text);
        const bare = escaped.replace(/\\[!-/:-@[-`{-~]|&#\d+;/g, '');
        expect(bare).not.toMatch(/[\\`*_[\]<>|~&#$@\r\n]|:\/\/|www\./i);
        expect(escaped).not.toMatch(/^\s*([-+=>#]|\d+[.)])/);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('renderMarkdown of a hostile policy', () => {
  const md = renderMarkdown(hostilePolicy);

  it('contains no raw HTML but the anchors it makes itself', () => {
    const tags = [...md.matchAll(/(?<!\\)<[a-z/!][^>]*>/gi)].map((m) => m[0]);
    expect(tags.filter((t) => !/^<a id="[a-z0-9-]+">$/.test(t) && t !== '</a>')).toEqual([]);
  });

  it('makes a link only of the http(s) source, and never of javascript:', () => {
    const links = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(links.filter((l) => !l.startsWith('#'))).toEqual([
      'https://example.org/?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
    ]);
  });

  it('keeps the attacks as text a reader can see', () => {
    expect(readMarkdown(md)).toContain(ATTACKS.script);
    expect(readMarkdown(md)).toContain(ATTACKS.markdown);
  });

  it('cannot start a heading, list or quote from policy text', () => {
    const headings = md.split('\n').filter((l) => /^#{1,6} /.test(l));
    for (const h of headings) expect(h).not.toMatch(/^#{1,6} Not a heading/);
    expect(md).not.toMatch(/^- not a list/m);
    expect(md).not.toMatch(/^> not a quote/m);
  });
});
