// Compares every example policy in one standard form, exactly, under the default weights (docs/weights.md): the
// table a researcher loads (JSON, CSV, Markdown), a CTG-style coverage table (which of CTG's eight elements each
// policy covers), the long-format research export, and the differences between every pair. The outputs in examples/comparison are goldens: CI regenerates them and
// fails when they are stale, so everything here is deterministic (sorted files, stable orders, no dates). A policy
// that fails to parse is an error naming file:line:column, and nothing is written.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzePolicy,
  CTG_ELEMENT_LABELS,
  CTG_ELEMENTS,
  type CompiledPolicy,
  comparePolicies,
  comparisonTable,
  comparisonTableCsv,
  compilePolicy,
  defaultWeightBasis,
  defaultWeights,
  diffPolicies,
  formatIssue,
  parsePolicySource,
  researchExport,
  researchExportCsv,
} from '@fairpost/core';
import {
  renderComparisonMarkdown,
  renderPolicyComparisonMarkdown,
  renderPolicyDiffHtml,
  renderPolicyDiffMarkdown,
} from '@fairpost/render';

const policies = fileURLToPath(new URL('../policies/', import.meta.url));
const output = fileURLToPath(new URL('../comparison/', import.meta.url));
const files = readdirSync(policies)
  // `<name>.cases.yaml` beside a policy is its case table (examples/cases), not a policy.
  .filter((name) => name.endsWith('.yaml') && !name.endsWith('.cases.yaml'))
  .sort();

const compiled: CompiledPolicy[] = [];
let failed = false;
for (const name of files) {
  const file = join(policies, name);
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) {
    failed = true;
    const shown = relative(process.cwd(), file);
    for (const issue of parsed.issues)
      console.error(`${shown}:${issue.line ?? 1}:${issue.column ?? 1}: ${formatIssue(issue)}`);
    continue;
  }
  compiled.push(compilePolicy(parsed.policy));
}
if (failed) process.exit(1);

// Every share here is under the default weights, as the CLI measures by default: how often a situation comes up,
// not how many combinations of values it has.
const weighting = { distribution: defaultWeights };
const WEIGHTS = 'the default weights';
const table = comparisonTable(compiled, weighting);
const pairs = compiled.flatMap((a, i) =>
  compiled.slice(i + 1).map((b) => ({ a, b, diff: comparePolicies(a, b, weighting) })),
);
const research = researchExport(compiled, { ...weighting, weightsName: 'default' });
// A policy covers a CTG element when a rule names a fact value coded to it, or a duty or commitment is coded to it
// (docs/codebook.md): the same counts as the research export's element rows.
const coverage = compiled.map((c) => {
  const counts = (element: string) =>
    research
      .filter((r) => r.policy === c.policy.id && r.element === element)
      .reduce((sum, r) => sum + (r.value ?? 0), 0);
  return { id: c.policy.id, covered: CTG_ELEMENTS.map((e) => counts(e) > 0) };
});
const lint = compiled.map((c) => {
  const findings = analyzePolicy(c, weighting);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return `| ${c.policy.id} | ${count('error')} | ${count('warning')} | ${count('info')} |`;
});

const markdown = [
  renderComparisonMarkdown(table, {
    title: 'The example policies compared',
    orientation: 'policies-as-columns',
    weights: WEIGHTS,
  }).trimEnd(),
  '',
  '## CTG coverage',
  '',
  'Which of the eight elements of the CTG study of government social-media policies (Hrdinova, Helbig & Peters, 2010)',
  'each example covers: ✓ when a rule names a fact value coded to the element, or a duty or commitment is coded to it',
  '(docs/codebook.md); research.csv has the counts behind each mark.',
  '',
  `| Policy | ${CTG_ELEMENTS.map((e) => CTG_ELEMENT_LABELS[e].label).join(' | ')} | Elements |`,
  `| --- | ${CTG_ELEMENTS.map(() => '---').join(' | ')} | --- |`,
  ...coverage.map(
    ({ id, covered }) =>
      `| ${id} | ${covered.map((c) => (c ? '✓' : '—')).join(' | ')} | ${covered.filter(Boolean).length} of ${CTG_ELEMENTS.length} |`,
  ),
  `| Policies covering it | ${CTG_ELEMENTS.map((_, e) => `${coverage.filter((c) => c.covered[e]).length} of ${coverage.length}`).join(' | ')} | |`,
  '',
  '## Pairwise verdicts',
  '',
  `How the second policy compares with the first, by outcome strictness, with shares under ${WEIGHTS}; every region is in differences.md.`,
  '',
  '| First | Second | Verdict | Stricter on | Looser on | Regions |',
  '| --- | --- | --- | --- | --- | --- |',
  ...pairs.map(
    ({ a, b, diff }) =>
      `| ${a.policy.id} | ${b.policy.id} | ${diff.verdict} | ${percent(diff.stricterShare)} | ${percent(
        diff.looserShare,
      )} | ${diff.differences.length} |`,
  ),
  '',
  '## Lint',
  '',
  'Findings of `analyzePolicy` per policy; the API gives each one with its message, region and a witness scenario.',
  '',
  '| Policy | Errors | Warnings | Info |',
  '| --- | --- | --- | --- |',
  ...lint,
  '',
  '## The default weights',
  '',
  'The base rates every share above is measured under: how often each value of each fact comes up in the everyday',
  'social-media life of staff at a small UK campaigning organisation, facts independent. docs/weights.md gives the',
  'source of each, or the reasoning when it is an assumption; `--weights` on the CLI measures under others.',
  '',
  '| Fact | Rates | Basis |',
  '| --- | --- | --- |',
  ...defaultWeightBasis.map(
    (f) =>
      `| ${f.fact} | ${Object.entries(f.rates)
        .map(([value, rate]) => `${value} ${percent(rate)}`)
        .join(', ')} | ${f.basis.kind} |`,
  ),
  '',
].join('\n');

// One difference per line keeps the file reviewable and its diffs small. Metrics are in comparison.json already,
// and each region's exact condition (\`when\`) is left out to halve the file: comparePolicies returns it.
const differencesJson = `[\n${pairs
  .map(({ a, b, diff }) => {
    const { differences, metrics: _metrics, ...summary } = diff;
    const head = JSON.stringify({ a: a.policy.id, b: b.policy.id, ...summary });
    const lines = differences.map(({ when: _when, ...d }) => `    ${JSON.stringify(d)}`).join(',\n');
    return `  ${head.slice(0, -1)},\n  "differences": [\n${lines}\n  ]}`;
  })
  .join(',\n')}\n]\n`;
const differencesMarkdown = [
  '# Differences between the example policies',
  '',
  'Every region of the scenario space where two example policies give different outcomes, exactly; shares under the default weights (docs/weights.md).',
  '',
  ...pairs.map(({ a, b, diff }) =>
    renderPolicyComparisonMarkdown(diff, {
      a: a.policy.id,
      b: b.policy.id,
      reasons: false,
      weights: WEIGHTS,
    }),
  ),
].join('\n');

mkdirSync(output, { recursive: true });
const written: [string, string][] = [
  ['comparison.json', `${JSON.stringify(table, null, 2)}\n`],
  ['comparison.csv', comparisonTableCsv(table)],
  ['comparison.md', markdown],
  ['differences.json', differencesJson],
  ['differences.md', differencesMarkdown],
  ['research.csv', researchExportCsv(research)],
];
for (const [name, text] of written) writeFileSync(join(output, name), text);

// The version pair in examples/versions: "what changes for staff" from the flagship to its second version.
const versions = fileURLToPath(new URL('../versions/', import.meta.url));
const flagship = '000_staff-union-alternative';
const versionOf = (file: string) => {
  const parsed = parsePolicySource(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) {
    for (const issue of parsed.issues)
      console.error(
        `${relative(process.cwd(), file)}:${issue.line ?? 1}:${issue.column ?? 1}: ${formatIssue(issue)}`,
      );
    process.exit(1);
  }
  return parsed.policy;
};
const v1 = versionOf(join(policies, `${flagship}.yaml`));
const v2 = versionOf(join(versions, `${flagship}.v2.yaml`));
const change = diffPolicies(v1, v2);
const sides = { a: `${v1.version} (${flagship}.yaml)`, b: `${v2.version} (${flagship}.v2.yaml)` };
writeFileSync(join(versions, `${flagship}.changes.md`), renderPolicyDiffMarkdown(change, sides));
writeFileSync(join(versions, `${flagship}.changes.html`), renderPolicyDiffHtml(change, sides));
console.log(
  `compared ${compiled.length} policies (${pairs.length} pairs) → ${written.map(([n]) => n).join(' ')} in ${relative(process.cwd(), output)}`,
);

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
