// The handbook as a Word document, walked from the same `Handbook` structure the HTML, Markdown and text renderers
// walk (`buildHandbook`), so the .docx says exactly what the page shows. Headings are Word's own Heading styles
// (they appear in the navigation pane) and tables are Word tables with a repeating header row.
import type { Block, Entry, Handbook, RichText, Section } from '@fairpost/render';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const heading = (depth: number) => HEADINGS[Math.min(depth, HEADINGS.length - 1)]!;

/** Runs of text; web links stay links, links within the handbook become their text. */
function runs(text: RichText, bold = false): ParagraphChild[] {
  return text.map((inline) => {
    if (typeof inline === 'string') return new TextRun({ text: inline, bold });
    if (/^https?:/i.test(inline.href))
      return new ExternalHyperlink({
        link: inline.href,
        children: [new TextRun({ text: inline.text, bold, style: 'Hyperlink' })],
      });
    return new TextRun({ text: inline.text, bold });
  });
}

function entry(e: Entry): Paragraph[] {
  const out: Paragraph[] = [];
  if (e.heading)
    out.push(new Paragraph({ children: runs(e.heading, true), keepNext: true, spacing: { before: 160 } }));
  out.push(new Paragraph({ children: [new TextRun(e.text)] }));
  for (const note of e.notes)
    out.push(
      new Paragraph({
        children: [new TextRun({ text: `${note.label}: `, bold: true }), ...runs(note.text)],
        indent: { left: 360 },
      }),
    );
  return out;
}

function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const cell = (text: RichText, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: runs(text, bold) })] });
  return [
    new Paragraph({ children: [new TextRun({ text: block.caption, italics: true })], keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((c) => cell([c], true)) }),
        ...block.rows.map(
          (row) => new TableRow({ children: [cell(row.header, true), ...row.cells.map((c) => cell(c))] }),
        ),
      ],
    }),
  ];
}

function blocks(list: readonly Block[]): (Paragraph | Table)[] {
  return list.flatMap((block): (Paragraph | Table)[] => {
    switch (block.kind) {
      case 'paragraph':
        return [new Paragraph({ children: runs(block.text) })];
      case 'entries':
        return block.entries.flatMap(entry);
      case 'table':
        return table(block);
      default:
        return block satisfies never;
    }
  });
}

function section(s: Section, depth: number): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: s.heading, heading: heading(depth) }),
    ...blocks(s.blocks),
    ...s.sections.flatMap((sub) => section(sub, depth + 1)),
  ];
}

/**
 * Lays a handbook out as a Word document: the title as Word's Title, each section a Heading at its depth, each
 * table a real table.
 * @example const bytes = await handbookDocx(buildHandbook(policy));
 */
export function handbookDocument(handbook: Handbook): Document {
  return new Document({
    title: handbook.title,
    creator: 'Fairpost policy studio',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: handbook.title, heading: HeadingLevel.TITLE }),
          ...handbook.details.map(
            (d) =>
              new Paragraph({
                children: [new TextRun({ text: `${d.label}: `, bold: true }), ...runs(d.text)],
              }),
          ),
          ...(handbook.summary
            ? [new Paragraph({ children: [new TextRun({ text: handbook.summary, italics: true })] })]
            : []),
          ...handbook.sections.flatMap((s) => section(s, 0)),
        ],
      },
    ],
  });
}

/**
 * The handbook as .docx bytes (a Blob in the browser).
 * @example download(await handbookDocx(buildHandbook(policy)), 'policy.docx')
 */
export function handbookDocx(handbook: Handbook): Promise<Blob> {
  return Packer.toBlob(handbookDocument(handbook));
}
