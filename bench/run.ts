// `pnpm bench`: checks that Fairpost and its peers agree on every scenario, then times them, prints the figures
// and writes BENCHMARKS.md. Exits 1 if any engine disagrees (nothing is timed then).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeDisagreement } from './agreement.js';
import { collectFigures } from './figures.js';
import { describeMachine } from './machine.js';
import { moduleFigures } from './module-figures.js';
import { checkTargets, formatFigures, formatMachine } from './report.js';

const COMMAND = 'pnpm bench';
const OUTPUT = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));

const log = (line: string) => console.error(line);
const result = await collectFigures({ log });
if (Array.isArray(result)) {
  console.error(`\n${result.length} disagreement(s); no timing is reported:`);
  for (const d of result.slice(0, 20)) console.error(`  ${describeDisagreement(d)}`);
  process.exit(1);
}
log('Figures from the analysis and planner modules…');
const others = [
  await moduleFigures('analysis-figures.ts', 'Analysis'),
  await moduleFigures('planner-figures.ts', 'Question planner'),
];
const machine = describeMachine();
const targets = checkTargets(result);
const body = formatFigures(result, targets);
const modules = others.flatMap((m) => [`## ${m.title} (\`bench/${m.file}\`)`, '', m.markdown, '']).join('\n');
console.log(`${formatMachine(machine, COMMAND)}\n${body}\n${modules}`);
writeFileSync(
  OUTPUT,
  [
    '# Benchmarks',
    '',
    'Written by `pnpm bench` (bench/run.ts); do not edit by hand. The same policy is decided over the same seeded',
    'scenarios by Fairpost and by its peers; all must agree on every scenario (outcome, deciding rule, and duties',
    'where the floor decides them) before anything is timed. The machine is shared with other busy processes: engines',
    'are timed in interleaved rounds on CPU time, and every ratio is taken within a round, so read the ratios and their',
    'ranges rather than the absolute times. The discussion of each target is in the section after the tables.',
    '',
    formatMachine(machine, COMMAND),
    body,
    modules,
  ].join('\n'),
);
log(`Wrote ${OUTPUT}`);
