/**
 * Writes docs/vocabulary.md from `socialMediaVocabulary`, so the documentation of the standard vocabulary can never
 * disagree with the data. Run with `pnpm --filter @fairpost/core generate`; CI fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type CatalogueEntry,
  CATALOGUES,
  type CommitmentEntry,
  type FactDefinition,
  socialMediaVocabulary,
} from '../src/index.js';

const CATALOGUE_TITLES: Record<(typeof CATALOGUES)[number], [string, string]> = {
  conditions: [
    'Conditions',
    'What a person must do when the outcome is `permitted-with-conditions` (`conditions` on a rule).',
  ],
  roles: [
    'Roles',
    'Who to ask when the outcome is `check-first` (`reviewers`), and who holds a duty (`holder`).',
  ],
  dutyActions: [
    'Duty actions',
    'What the organisation can owe someone targeted because of their work (`action` on a duty).',
  ],
  commitments: [
    'Commitments',
    'What the organisation promises, or reserves, about its own conduct (`commitment` on a commitment). Each has a polarity: `protects` (a promise that limits what the organisation does) or `restricts` (a practice it reserves); opposites are paired, so a comparison sees that “we monitor” is the opposite of “we will not monitor”.',
  ],
  consequences: [
    'Consequences',
    'What may follow when a rule is not kept (`consequence` on a rule), from advice only to dismissal.',
  ],
};

/** Escapes the characters that would break a Markdown table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function factSection(fact: FactDefinition): string {
  const lines = [
    `### \`${fact.name}\``,
    '',
    `**${cell(fact.label)}** — ${fact.type === 'boolean' ? 'true or false' : fact.type === 'set' ? 'a set of the members below, given whole as an array' : 'one of the values below'}. ${fact.description}`,
    '',
  ];
  if (fact.question) lines.push(`Question: “${fact.question}”`, '');
  if (fact.type === 'boolean') {
    lines.push(
      '| value | phrase |',
      '| --- | --- |',
      `| \`true\` | ${cell(fact.whenTrue)} |`,
      `| \`false\` | ${cell(fact.whenFalse)} |`,
    );
  } else if (fact.type === 'set') {
    lines.push(
      `Tested with \`includes\`, \`includesAny\` and \`includesAll\` (negated through \`not\`); read as “${cell(fact.phrase)} …” and “${cell(fact.negatedPhrase)} …”. A scenario gives the set whole (\`["employer", "pay-and-conditions"]\`, \`[]\` for none; each member once, in any order); a member it leaves out is not in the set, and a set left out is unknown.`,
      '',
      '| member | label | phrase |',
      '| --- | --- | --- |',
    );
    for (const v of fact.values) lines.push(`| \`${v.value}\` | ${cell(v.label)} | ${cell(v.phrase)} |`);
  } else {
    lines.push('| value | label | phrase |', '| --- | --- | --- |');
    for (const v of fact.values) lines.push(`| \`${v.value}\` | ${cell(v.label)} | ${cell(v.phrase)} |`);
  }
  return lines.join('\n');
}

function catalogueSection(name: (typeof CATALOGUES)[number], entries: readonly CatalogueEntry[]): string {
  const [title, what] = CATALOGUE_TITLES[name];
  const header = [`### ${title} (\`${name}\`)`, '', what, ''];
  if (name === 'commitments') {
    const commitments = entries as readonly CommitmentEntry[];
    return [
      ...header,
      '| id | polarity | label | phrase | opposite |',
      '| --- | --- | --- | --- | --- |',
      ...commitments.map(
        (e) =>
          `| \`${e.id}\` | ${e.polarity} | ${cell(e.label)} | ${cell(e.phrase)} | ${e.opposite ? `\`${e.opposite}\`` : ''} |`,
      ),
    ].join('\n');
  }
  return [
    ...header,
    '| id | label | phrase |',
    '| --- | --- | --- |',
    ...entries.map((e) => `| \`${e.id}\` | ${cell(e.label)} | ${cell(e.phrase)} |`),
  ].join('\n');
}

/** The whole document, as Markdown. */
export function vocabularyDoc(): string {
  const v = socialMediaVocabulary;
  return `${[
    `<!-- Generated from packages/core/src/vocabulary/social-media-vocabulary.ts by packages/core/scripts/generate-vocabulary-doc.ts. Do not edit by hand: run \`pnpm generate\`. -->`,
    '',
    `# The standard vocabulary: \`${v.id}\``,
    '',
    `${v.title}: the facts a scenario can state and the catalogues a policy refers to. Every Fairpost policy names`,
    `the vocabulary it is written in (\`vocabulary: ${v.id}\`), so that policies written by different organisations`,
    'can be evaluated by the same code and compared line by line.',
    '',
    `It has ${v.facts.length} facts, ${v.conditions.length} conditions, ${v.roles.length} roles, ${v.dutyActions.length} duty actions, ${v.commitments.length} commitments and ${v.consequences.length} consequences.`,
    '',
    '## Versioning',
    '',
    `\`${v.id}\` only ever gains entries: a new fact, a new value of an enum fact, a new catalogue entry. Nothing is`,
    'renamed or removed and no meaning changes, so a policy valid today stays valid and means the same thing.',
    'A change that would break that promise needs a new vocabulary, `social-media/2`.',
    '',
    '## Your own facts and entries',
    '',
    'A policy may add what the standard vocabulary lacks, under `custom`:',
    '',
    '- **Facts** are named `custom.<name>` (camelCase words after `custom.`, e.g. `custom.campaignPhase`) and declared',
    '  in `custom.facts` with a type (`enum` with `values`, `boolean` with `whenTrue` / `whenFalse`, or `set` with',
    '  member `values`, a `phrase` and a `negatedPhrase`), a label and a',
    '  description. A condition may only test a custom fact its policy declares.',
    '- **Catalogue entries** have ids starting `custom-` (kebab-case, e.g. `custom-buddy-system`) and are declared in',
    '  `custom.conditions`, `custom.roles`, `custom.dutyActions`, `custom.commitments` or `custom.consequences` with a',
    '  label and a phrase; a custom commitment also says its `polarity` (`protects` when left out, or `restricts`).',
    '',
    'Standard names never start with `custom`, so a custom name can never collide with a later standard one.',
    '',
    '## Facts',
    '',
    'A scenario is a partial map from these names to values. A fact a scenario leaves out is *unknown*, not false.',
    '',
    '| fact | type | label |',
    '| --- | --- | --- |',
    ...v.facts.map(
      (f) =>
        `| [\`${f.name}\`](#${f.name.replace(/\./g, '').toLowerCase()}) | ${f.type === 'boolean' ? 'boolean' : `${f.type} (${f.values.length})`} | ${cell(f.label)} |`,
    ),
    '',
    ...v.facts.flatMap((f) => [factSection(f), '']),
    '## Catalogues',
    '',
    'Each entry has a stable id that policies refer to, a label for forms and tables, and a phrase used when a',
    'policy is rendered as text.',
    '',
    ...CATALOGUES.flatMap((name) => [catalogueSection(name, v[name]), '']),
  ]
    .join('\n')
    .trimEnd()}\n`;
}

/** Where the document is committed. */
export const VOCABULARY_DOC_PATH = fileURLToPath(new URL('../../../docs/vocabulary.md', import.meta.url));

// Write only when run as a script, so tests can import `vocabularyDoc` to check the committed file is fresh.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(VOCABULARY_DOC_PATH, vocabularyDoc());
  console.log(`wrote ${VOCABULARY_DOC_PATH}`);
}
