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
    'life of staff at a small UK campaigning organisation. Facts are taken as independent (a weights file may make a',
    "fact's rates conditional on another fact: see below).",
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
    '## Conditional rates',
    '',
    "A fact's rates may instead depend on one other fact: `given` names that fact and `rates` gives one row per value",
    "of it, each row the fact's rates under that value (summing to 1). The given fact's own rates stay independent (its",
    'default rate, or the rate the file gives it), so conditionals never chain: a given fact that is itself conditional,',
    'a fact given itself, an unknown fact or value, a row that does not sum to 1, and a value of the given fact with no',
    'row are each an error naming the file, line and column.',
    '',
    '```yaml',
    '# examples/weights/client-by-account.yaml (an illustrative assumption, not a finding)',
    'content.identifiesClient:',
    '  given: account.kind',
    '  rates:',
    '    organisational: { true: 0.02, false: 0.98 }',
    '    personal-named: { true: 0.01, false: 0.99 }',
    '    personal: { true: 0.005, false: 0.995 }',
    '    pseudonymous: { true: 0.002, false: 0.998 }',
    '```',
    '',
    "Shares stay exact. The probability of a scenario is the product of each independent fact's rate and, for a",
    "conditional fact, the rate in the row of the given fact's value. A region is a union of cubes (a set of allowed",
    "values per fact), and a cube's share is a product of independent factors: each conditional fact is grouped with its",
    "given fact, and the group contributes the sum, over the given fact's allowed values *v*, of rate(*v*) times the",
    "share of the conditional facts' allowed values in row *v*. Where a single fact is weighed alone (which facts narrow",
    'a region most, the likeliest example scenario), a conditional fact counts at its marginal rate, the rows averaged',
    "over the given fact's rates; sampled scenarios (`fairpost matrix --sample`) draw it from the row of the given",
    "fact's drawn value. In code the same shape is a `ConditionalFactRates` entry of a `FactDistribution`:",
    "`{ given: 'account.kind', rates: { organisational: { true: 0.02, false: 0.98 }, … } }`.",
    '',
    'The default weights below are all independent: no source found so far gives a rate conditional on another fact.',
    '',
    '## Set facts',
    '',
    'A set fact (`content.topics`: a post can be about the employer *and* about pay) is weighed member by member: the',
    'file maps each member to its chance of being in the set, from 0 to 1, each member independently of the others, so',
    'the chances need not add up to anything. A member the file leaves out has even odds of being in or out, as every',
    'member of a set fact has under the default weights (no source found so far gives topic rates). A set fact cannot',
    'have conditional rates, and no fact can be conditional on a set fact (a set has no one value to pick a row by);',
    'an unknown member or a chance outside 0 to 1 is an error naming the file, line and column.',
    '',
    '```yaml',
    '# one post in fifty is about party politics, one in five about the employer; other topics at even odds',
    'content.topics:',
    '  party-politics: 0.02',
    '  employer: 0.2',
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
