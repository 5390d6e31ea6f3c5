// `pnpm fuzz`: the fuzz targets of packages/core/src/testing/support/fuzz-targets.ts at full size — 10^6 inputs
// shared by the parse targets, 10^5 by the evaluate targets — or any size:
//   pnpm fuzz --parse 100000 --evaluate 10000 --seed 42
// (or FAIRPOST_FUZZ_PARSE, FAIRPOST_FUZZ_EVALUATE, FAIRPOST_FUZZ_SEED). Prints runs, throws, calls over 1 s and
// disagreements per target; a failure is shrunk and kept in fuzz-regressions.json, which the test suite replays.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  FUZZ_TARGETS,
  type FuzzRegression,
  type FuzzReport,
  runFuzzTarget,
} from '../packages/core/src/testing/support/fuzz-targets.js';

const REGRESSIONS = join(
  import.meta.dirname,
  '..',
  'packages/core/src/testing/support/fuzz-regressions.json',
);

const { values } = parseArgs({
  options: { parse: { type: 'string' }, evaluate: { type: 'string' }, seed: { type: 'string' } },
});
const count = (flag: string | undefined, env: string | undefined, fallback: number) => {
  const n = Number(flag ?? env ?? fallback);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a positive whole number: ${flag ?? env}`);
  return n;
};
const budgets = {
  parse: count(values.parse, process.env.FAIRPOST_FUZZ_PARSE, 1_000_000),
  evaluate: count(values.evaluate, process.env.FAIRPOST_FUZZ_EVALUATE, 100_000),
};
const seed = count(values.seed, process.env.FAIRPOST_FUZZ_SEED, Date.now() % 2 ** 31);

console.log(`fuzz: seed ${seed}; ${budgets.parse} parse inputs, ${budgets.evaluate} evaluate inputs`);
const reports: FuzzReport[] = [];
for (const target of FUZZ_TARGETS) {
  const sharing = FUZZ_TARGETS.filter((t) => t.budget === target.budget).length;
  const report = runFuzzTarget(target, Math.ceil(budgets[target.budget] / sharing), seed);
  reports.push(report);
  console.log(
    `${report.target}\n  ${report.runs} runs in ${(report.ms / 1000).toFixed(1)} s (${Math.round((report.runs / report.ms) * 1000)}/s), slowest ${report.slowestMs.toFixed(1)} ms: ${report.throws} throws, ${report.slow} over 1 s, ${report.disagreements} disagreements`,
  );
  if (report.failure)
    console.log(`  first failure, shrunk: ${report.failure.problem}\n  ${report.failure.counterexample}`);
}
const failures = reports.flatMap((r) => (r.failure ? [r.failure] : []));
if (failures.length > 0) {
  const kept = JSON.parse(readFileSync(REGRESSIONS, 'utf8')) as FuzzRegression[];
  writeFileSync(REGRESSIONS, `${JSON.stringify([...kept, ...failures], null, 2)}\n`);
  console.log(`kept ${failures.length} failure(s) in ${REGRESSIONS}; the test suite replays them`);
}
const total = (key: 'runs' | 'throws' | 'slow' | 'disagreements') => reports.reduce((n, r) => n + r[key], 0);
console.log(
  `total: ${total('runs')} runs, ${total('throws')} throws, ${total('slow')} over 1 s, ${total('disagreements')} disagreements`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
