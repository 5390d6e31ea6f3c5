import type { Policy } from '@fairpost/core';
import { escapeMarkdown } from './escape-markdown.js';
import {
  type Block,
  buildHandbook,
  type Entry,
  type Handbook,
  type RenderOptions,
  type RichText,
  type Section,
} from './handbook.js';
import { safeHref } from './safe-href.js';

/**
 * Renders a policy as a Markdown handbook (GitHub-flavoured: tables, and `<a id>` anchors per rule, duty and
 * commitment so that other documents can link to them). Every string from the policy is escaped.
 * @example
 * writeFileSync('policy.md', renderMarkdown(policy));
 */
export function renderMarkdown(policy: Policy, options: RenderOptions = {}): string {
  return markdownOfHandbook(buildHandbook(policy, options));
}

function markdownOfHandbook(handbook: Handbook): string {
  const out: string[] = [`# ${escapeMarkdown(handbook.title)}`, ''];
  for (const d of handbook.details) out.push(`**${escapeMarkdown(d.label)}:** ${inline(d.text)}  `);
  out[out.length - 1] = out.at(-1)!.trimEnd();
  out.push('');
  if (handbook.summary) out.push(escapeMarkdown(handbook.summary), '');
  for (const section of handbook.sections) out.push(...markdownOfSection(section, 2));
  return `${out.join('\n').trimEnd()}\n`;
}

function markdownOfSection(section: Section, level: number): string[] {
  const out = [anchor(section.anchor), `${'#'.repeat(level)} ${escapeMarkdown(section.heading)}`, ''];
  for (const block of section.blocks) out.push(...markdownOfBlock(block, level + 1));
  for (const sub of section.sections) out.push(...markdownOfSection(sub, level + 1));
  return out;
}

function markdownOfBlock(block: Block, level: number): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [inline(block.text), ''];
    case 'entries':
      return block.entries.flatMap((e) => markdownOfEntry(e, level));
    case 'table': {
      const cell = (text: RichText) => inline(text);
      return [
        `*${escapeMarkdown(block.caption)}*`,
        '',
        `| ${block.columns.map(escapeMarkdown).join(' | ')} |`,
        `| ${block.columns.map(() => '---').join(' | ')} |`,
        ...block.rows.map(
          (row) =>
            `| ${row.anchor ? anchor(row.anchor) : ''}**${cell(row.header)}** | ${row.cells.map(cell).join(' | ')} |`,
        ),
        '',
      ];
    }
    default:
      return block satisfies never;
  }
}

function markdownOfEntry(entry: Entry, level: number): string[] {
  const out = [anchor(entry.anchor)];
  if (entry.heading) out.push(`${'#'.repeat(Math.min(level, 6))} ${inline(entry.heading)}`, '');
  if (entry.text) out.push(escapeMarkdown(entry.text), '');
  if (entry.notes.length > 0) {
    out.push(...entry.notes.map((n) => `- *${escapeMarkdown(n.label)}:* ${inline(n.text)}`), '');
  }
  return out;
}

/** An HTML anchor for an id the handbook made (kebab-case, so it needs no escaping beyond the check). */
function anchor(id: string): string {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? `<a id="${id}"></a>` : '';
}

function inline(text: RichText): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      const href = safeHref(part.href);
      // The URL is percent-encoded by `URL`, so only brackets could end the link early; encode them too.
      return href
        ? `[${escapeMarkdown(part.text)}](${href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`
        : escapeMarkdown(part.text);
    })
    .join('');
}
