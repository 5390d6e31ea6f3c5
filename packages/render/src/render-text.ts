import type { Policy } from '@fairpost/core';
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
import { wrapText } from './wrap-text.js';

/** Options for `renderText`. */
export interface RenderTextOptions extends RenderOptions {
  /** The column to wrap at (default 80). */
  readonly width?: number;
}

/**
 * Renders a policy as plain text wrapped at 80 columns, for email and terminals: the same handbook as the other
 * formats, with `[rule-…]`-style anchors so a reader can find a rule named elsewhere, and web links in brackets.
 * @example
 * console.log(renderText(policy));
 */
export function renderText(policy: Policy, options: RenderTextOptions = {}): string {
  return textOfHandbook(buildHandbook(policy, options), options.width ?? 80);
}

function textOfHandbook(handbook: Handbook, width: number): string {
  const out: string[] = [];
  const title = wrapText(upperCase(handbook.title, handbook.language), width);
  out.push(...title, '='.repeat(Math.min(width, Math.max(...title.map((l) => [...l].length)))), '');
  for (const d of handbook.details) out.push(...wrapText(`${d.label}: ${plain(d.text)}`, width, '', '  '));
  out.push('');
  if (handbook.summary) out.push(...wrapText(handbook.summary, width), '');
  handbook.sections.forEach((section, i) => {
    out.push(...textOfSection(section, [i + 1], width));
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Text in capitals by the rules of the policy's language; a language tag that is not one (a policy may say anything)
 * falls back to the language-neutral rules instead of throwing.
 */
function upperCase(text: string, language: string): string {
  try {
    return text.toLocaleUpperCase(language);
  } catch {
    return text.toUpperCase();
  }
}

function textOfSection(section: Section, number: readonly number[], width: number): string[] {
  const heading = `${number.join('.')}. ${section.heading}`;
  const lines = wrapText(heading, width);
  const underline = number.length === 1 ? '-' : '';
  const out = [
    ...lines,
    ...(underline ? [underline.repeat(Math.max(...lines.map((l) => [...l].length)))] : []),
    '',
  ];
  for (const block of section.blocks) out.push(...textOfBlock(block, width));
  section.sections.forEach((sub, i) => {
    out.push(...textOfSection(sub, [...number, i + 1], width));
  });
  return out;
}

function textOfBlock(block: Block, width: number): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [...wrapText(plain(block.text), width), ''];
    case 'entries':
      return block.entries.flatMap((e) => textOfEntry(e, width));
    case 'table':
      // A table does not fit 80 columns; each row becomes a block of “column: value” lines.
      return [
        ...wrapText(`${block.caption}:`, width),
        '',
        ...block.rows.flatMap((row) => [
          ...wrapText(`* ${plain(row.header)}${row.anchor ? ` [${row.anchor}]` : ''}`, width, '', '  '),
          ...row.cells.flatMap((cell, i) =>
            wrapText(`${block.columns[i + 1] ?? ''}: ${plain(cell)}`, width, '    ', '      '),
          ),
          '',
        ]),
      ];
    default:
      return block satisfies never;
  }
}

function textOfEntry(entry: Entry, width: number): string[] {
  const heading = `${entry.heading ? plain(entry.heading) : ''} [${entry.anchor}]`.trim();
  return [
    ...wrapText(heading, width),
    ...(entry.text ? wrapText(entry.text, width, '    ') : []),
    ...entry.notes.flatMap((n) => wrapText(`${n.label}: ${plain(n.text)}`, width, '    ', '      ')),
    '',
  ];
}

/** Rich text as plain text: a web link keeps its address in brackets; a link within the document keeps its text. */
function plain(text: RichText): string {
  return text
    .map((part) => {
      if (typeof part === 'string') return part;
      const href = safeHref(part.href);
      return href && !href.startsWith('#') ? `${part.text} <${href}>` : part.text;
    })
    .join('');
}
