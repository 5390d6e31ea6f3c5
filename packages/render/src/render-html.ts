import type { Policy } from '@fairpost/core';
import { escapeHtml } from './escape-html.js';
import {
  type Block,
  buildHandbook,
  type Entry,
  type Handbook,
  type Note,
  type RenderOptions,
  type RichText,
  type Section,
} from './handbook.js';
import { safeHref } from './safe-href.js';

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #999;padding:.4rem;text-align:left;vertical-align:top}thead th{background:#eee}
.entry{margin:1rem 0}.entry h3,.entry h4,.entry h5{margin-bottom:.25rem}.notes{margin:.25rem 0 0;padding-left:1rem;color:#444}
dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.details dt{font-weight:bold}dl.details dd{margin:0}`;

/**
 * Renders a policy as a complete, accessible HTML document: one h1, nested headings, tables with captions and
 * header cells, an anchor per rule, duty and commitment, `lang` from the policy, an inline style and no script.
 * Every string from the policy is escaped; only http(s) URLs become links.
 * @example
 * writeFileSync('policy.html', renderHtml(policy));
 */
export function renderHtml(policy: Policy, options: RenderOptions = {}): string {
  const handbook = buildHandbook(policy, options);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(handbook.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(handbook.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    htmlOfHandbook(handbook),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Renders a policy as an HTML fragment (an `<article>` carrying `lang`) for embedding in an intranet page; the
 * same content and the same escaping as `renderHtml`, without the document around it.
 * @example
 * container.innerHTML = renderHtmlFragment(policy);
 */
export function renderHtmlFragment(policy: Policy, options: RenderOptions = {}): string {
  return `${htmlOfHandbook(buildHandbook(policy, options))}\n`;
}

function htmlOfHandbook(handbook: Handbook): string {
  const out = [
    `<article class="fairpost-policy" lang="${escapeHtml(handbook.language)}">`,
    '<header>',
    `<h1>${escapeHtml(handbook.title)}</h1>`,
    `<dl class="details">${handbook.details.map((d) => `<dt>${escapeHtml(d.label)}</dt><dd>${inline(d.text)}</dd>`).join('')}</dl>`,
    ...(handbook.summary ? [`<p>${escapeHtml(handbook.summary)}</p>`] : []),
    '</header>',
    ...handbook.sections.map((s) => htmlOfSection(s, 2)),
    '</article>',
  ];
  return out.join('\n');
}

function htmlOfSection(section: Section, level: number): string {
  return [
    `<section id="${escapeHtml(section.anchor)}" aria-labelledby="${escapeHtml(section.anchor)}-heading">`,
    `<h${level} id="${escapeHtml(section.anchor)}-heading">${escapeHtml(section.heading)}</h${level}>`,
    ...section.blocks.map((b) => htmlOfBlock(b, level + 1)),
    ...section.sections.map((s) => htmlOfSection(s, level + 1)),
    '</section>',
  ].join('\n');
}

function htmlOfBlock(block: Block, level: number): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'entries':
      return block.entries.map((e) => htmlOfEntry(e, level)).join('\n');
    case 'table':
      return [
        '<table>',
        `<caption>${escapeHtml(block.caption)}</caption>`,
        `<thead><tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...block.rows.map(
          (row) =>
            `<tr${row.anchor ? ` id="${escapeHtml(row.anchor)}"` : ''}><th scope="row">${inline(row.header)}</th>${row.cells.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`,
        ),
        '</tbody>',
        '</table>',
      ].join('\n');
    default:
      return block satisfies never;
  }
}

function htmlOfEntry(entry: Entry, level: number): string {
  // Headings stop at h6; deeper entries (never reached by the handbook's layout) would still be readable as bold.
  const h = Math.min(level, 6);
  return [
    `<div class="entry" id="${escapeHtml(entry.anchor)}">`,
    ...(entry.heading ? [`<h${h}>${inline(entry.heading)}</h${h}>`] : []),
    ...(entry.text ? [`<p>${escapeHtml(entry.text)}</p>`] : []),
    ...(entry.notes.length > 0 ? [`<ul class="notes">${entry.notes.map(noteItem).join('')}</ul>`] : []),
    '</div>',
  ].join('\n');
}

function noteItem(note: Note): string {
  return `<li><strong>${escapeHtml(note.label)}:</strong> ${inline(note.text)}</li>`;
}

function inline(text: RichText): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      const href = safeHref(part.href);
      return href ? `<a href="${escapeHtml(href)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text);
    })
    .join('');
}
