/**
 * Writes docs/codebook.md from the themes module, so the codebook researchers code against can never disagree with
 * the mapping the code uses. Run with `pnpm generate`; CI fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CATALOGUE_CODING,
  CATALOGUES,
  type Coding,
  CTG_ELEMENT_LABELS,
  CTG_ELEMENTS,
  FACT_CODING,
  NLRB_CATEGORIES,
  NLRB_CATEGORY_LABELS,
  socialMediaVocabulary,
  THEME_LABELS,
  THEMES,
} from '../src/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const codes = (list: readonly string[]) => (list.length === 0 ? '—' : list.map((c) => `\`${c}\``).join(', '));
const row = (what: string, label: string, c: Coding) =>
  `| ${what} | ${cell(label)} | ${codes(c.themes)} | ${codes(c.ctg)} | ${codes(c.nlrb)} |`;
const HEADER = [
  '| code | label | themes | CTG elements | NLRB categories |',
  '| --- | --- | --- | --- | --- |',
];

const CATALOGUE_TITLES: Record<(typeof CATALOGUES)[number], string> = {
  conditions: 'Conditions',
  roles: 'Roles',
  dutyActions: 'Duty actions',
  commitments: 'Commitments',
  consequences: 'Consequences',
};

/** The whole document, as Markdown. */
export function codebookDoc(): string {
  const v = socialMediaVocabulary;
  const facts = v.facts.flatMap((fact) => {
    const coded = (FACT_CODING as Record<string, Record<string, Coding>>)[fact.name]!;
    const values =
      fact.type === 'boolean'
        ? [
            ['true', fact.whenTrue],
            ['false', fact.whenFalse],
          ]
        : fact.values.map((x) => [x.value, x.label]);
    return values.map(([value, label]) => row(`\`${fact.name}\` = \`${value}\``, label!, coded[value!]!));
  });
  const catalogues = CATALOGUES.flatMap((name) => [
    `### ${CATALOGUE_TITLES[name]} (\`${name}\`)`,
    '',
    ...HEADER,
    ...v[name].map((e) =>
      row(`\`${e.id}\``, e.label, (CATALOGUE_CODING[name] as Record<string, Coding>)[e.id]!),
    ),
    '',
  ]);
  const legend = <K extends string>(
    ids: readonly K[],
    labels: Record<K, { label: string; description: string }>,
  ) => [
    '| code | label | meaning |',
    '| --- | --- | --- |',
    ...ids.map((id) => `| \`${id}\` | ${cell(labels[id].label)} | ${cell(labels[id].description)} |`),
  ];
  return `${[
    '<!-- Generated from packages/core/src/vocabulary/themes.ts by packages/core/scripts/generate-codebook.ts. Do not edit by hand: run `pnpm generate`. -->',
    '',
    `# Codebook for \`${v.id}\``,
    '',
    'Every fact value and catalogue entry of the standard vocabulary, coded three ways, so that a policy written in',
    'Fairpost can be tabulated beside hand-coded studies:',
    '',
    '- **Themes**: the eight questions a union rep or a researcher reads a policy by; a comparison opens with one line',
    '  per theme. A value that concerns no theme (such as "no incident") has none.',
    '- **CTG elements**: the eight elements of the CTG study of government social-media policies (Hrdinova, Helbig &',
    '  Peters, 2010). Every code has at least one. No published coding covers support for staff who are targeted;',
    '  duty actions are coded to the nearest element and to the theme "support when targeted".',
    "- **NLRB categories**: the groups of the NLRB General Counsel's reports on social-media policies (OM 11-74,",
    '  12-31, 12-59; GC 15-04). They apply to US staff only; a code no report discusses has none.',
    '',
    'The mapping lives in `packages/core/src/vocabulary/themes.ts` (`FACT_CODING`, `CATALOGUE_CODING`); a new',
    'vocabulary entry does not compile until it is coded there.',
    '',
    '## Themes',
    '',
    ...legend(THEMES, THEME_LABELS),
    '',
    '## CTG elements',
    '',
    ...legend(CTG_ELEMENTS, CTG_ELEMENT_LABELS),
    '',
    '## NLRB categories',
    '',
    ...legend(NLRB_CATEGORIES, NLRB_CATEGORY_LABELS),
    '',
    '## Fact values',
    '',
    ...HEADER,
    ...facts,
    '',
    '## Catalogue entries',
    '',
    ...catalogues,
  ]
    .join('\n')
    .trimEnd()}\n`;
}

/** Where the document is committed. */
export const CODEBOOK_DOC_PATH = fileURLToPath(new URL('../../../docs/codebook.md', import.meta.url));

// Write only when run as a script, so tests can import `codebookDoc` to check the committed file is fresh.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(CODEBOOK_DOC_PATH, codebookDoc());
  console.log(`wrote ${CODEBOOK_DOC_PATH}`);
}
