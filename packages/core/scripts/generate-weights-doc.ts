/**
 * Writes docs/weights.md from `defaultWeightBasis`, so the documented base rates, sources and assumptions can never
 * disagree with the weights the code uses. Run with `pnpm generate`; CI fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultWeightBasis, socialMediaVocabulary } from '../src/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const percent = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

/** The whole document, as Markdown. */
export function weightsDoc(): string {
  const sourced = defaultWeightBasis.filter((f) => f.basis.kind === 'source').length;
  const sections = defaultWeightBasis.flatMap(({ fact, rates, basis }) => {
    const definition = socialMediaVocabulary.facts.find((f) => f.name === fact)!;
    const label = (value: string) =>
      definition.type === 'boolean'
        ? value === 'true'
          ? definition.whenTrue
          : definition.whenFalse
        : (definition.values.find((v) => v.value === value)?.label ?? value);
    return [
      `### \`${fact}\``,
      '',
      `**${cell(definition.label)}**. ${
        basis.kind === 'source'
          ? `Source: ${cell(basis.source)} ${cell(basis.note)}`
          : `Assumption: ${cell(basis.note)}`
      }`,
      '',
      '| value | rate | meaning |',
      '| --- | ---: | --- |',
      ...Object.entries(rates).map(
        ([value, rate]) => `| \`${value}\` | ${percent(rate)} | ${cell(label(value))} |`,
      ),
      '',
    ];
  });
  return `${[
    '<!-- Generated from packages/core/src/vocabulary/default-weights.ts by packages/core/scripts/generate-weights-doc.ts. Do not edit by hand: run `pnpm generate`. -->',
    '',
    '# The default weights',
    '',
    'A share of the scenario space ("this policy governs 1.1% of own-time personal use") depends on how likely each',
    'situation is. Counting every combination of fact values equally makes rare situations look common: with uniform',
    'weights `content.identifiesClient = true` is half of all scenarios. Fairpost therefore ships a default scenario',
    'distribution, `defaultWeights`: a base rate for every value of every standard fact, for the everyday social-media',
    'life of staff at a small UK campaigning organisation. Facts are taken as independent.',
    '',
    'These weights are a **stated assumption**, not a finding. Every share Fairpost prints says which weights it was',
    'measured under ("under the default weights", "under uniform weights", or the file you gave). Of the',
    `${defaultWeightBasis.length} facts below, ${sourced} take their rates from a published source; the rest are marked as`,
    'assumptions, with the reasoning behind them.',
    '',
    '## Using other weights',
    '',
    '- In code: `policyMetrics(policy, { distribution })`, `comparePolicies(a, b, { distribution })`; pass',
    '  `defaultWeights` for these rates, or no distribution for uniform weights.',
    '- On the command line: `--weights default` (the default), `--weights uniform`, or `--weights file.yaml` (YAML or',
    "  JSON) on every command that prints shares. The file maps a fact to its values' rates; a fact it leaves out keeps",
    "  its default rate. Each fact's rates must sum to 1, and every fact and value must be in the vocabulary; anything",
    '  else is an error naming the file, line and column.',
    '',
    '```yaml',
    "# weights.yaml: a team that works mostly on the organisation's accounts",
    'account.kind:',
    '  organisational: 0.5',
    '  personal-named: 0.2',
    '  personal: 0.25',
    '  pseudonymous: 0.05',
    '```',
    '',
    '## Base rates',
    '',
    ...sections,
  ]
    .join('\n')
    .trimEnd()}\n`;
}

/** Where the document is committed. */
export const WEIGHTS_DOC_PATH = fileURLToPath(new URL('../../../docs/weights.md', import.meta.url));

// Write only when run as a script, so tests can import `weightsDoc` to check the committed file is fresh.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(WEIGHTS_DOC_PATH, weightsDoc());
  console.log(`wrote ${WEIGHTS_DOC_PATH}`);
}
