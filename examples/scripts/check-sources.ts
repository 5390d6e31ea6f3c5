// `pnpm check:sources`: every quote in the example policies and their case tables appears word for word
// (whitespace aside) in the seed text it cites. The seed texts are not part of the repository: they live in
// `../shared/seeds/` beside it (or in the folder FAIRPOST_SEEDS names), so this is a step of its own rather than a
// test, and it says plainly when it has nothing to check against.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatCaseTableIssue,
  formatIssue,
  loadCaseTable,
  type Policy,
  parsePolicySource,
} from '@fairpost/core';
import { containsQuote } from '../cases/contains-quote.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const policiesDir = path.join(repoRoot, 'examples', 'policies');
// Source files are named `seeds/<file>`, relative to the folder that holds the seeds.
const seedsDir = path.resolve(process.env.FAIRPOST_SEEDS ?? path.join(repoRoot, '..', 'shared', 'seeds'));
const relative = (file: string) => path.relative(repoRoot, file);

if (!existsSync(seedsDir)) {
  console.log(`check:sources skipped: no seed texts at ${seedsDir} (they are not part of the repository).`);
  process.exit(0);
}

const problems: string[] = [];
let checked = 0;

/** Checks one quote against the seed file its source names, recording a problem when it is not found. */
function checkQuote(where: string, policy: Policy, documentId: string | undefined, quote: string): void {
  const source = policy.sources?.find((s) => s.id === (documentId ?? policy.sources?.[0]?.id));
  if (!source?.file) {
    problems.push(`${where}: source "${documentId}" has no file to check the quote in`);
    return;
  }
  const seed = path.join(seedsDir, path.basename(source.file));
  if (!existsSync(seed)) {
    problems.push(`${where}: ${source.file} is not in ${seedsDir}`);
    return;
  }
  checked++;
  if (!containsQuote(readFileSync(seed, 'utf8'), quote))
    problems.push(`${where}: not found word for word in ${source.file}: "${quote}"`);
}

const policies = new Map<string, Policy>();
for (const file of readdirSync(policiesDir)
  .filter((f) => /^0\d\d_[a-z0-9-]+\.yaml$/.test(f))
  .sort()) {
  const full = path.join(policiesDir, file);
  const parsed = parsePolicySource(readFileSync(full, 'utf8'), { filename: full });
  if (!parsed.ok) {
    for (const i of parsed.issues)
      problems.push(`${relative(full)}:${i.line}:${i.column}: ${formatIssue(i)}`);
    continue;
  }
  const policy = parsed.policy;
  policies.set(file, policy);
  const entries = [
    ...(policy.principles ?? []).map((p, i) => [`principles[${i}]`, p.source] as const),
    ...(policy.definitions ?? []).map((d, i) => [`definitions[${i}]`, d.source] as const),
    ['default', policy.default.source] as const,
    ...policy.rules.map((r) => [`rules.${r.id}`, r.source] as const),
    ...(policy.duties ?? []).map((d) => [`duties.${d.id}`, d.source] as const),
    ...(policy.commitments ?? []).map((c) => [`commitments.${c.id}`, c.source] as const),
  ];
  for (const [where, source] of entries)
    if (source?.quote) checkQuote(`${relative(full)} ${where}`, policy, source.document, source.quote);
}

for (const file of readdirSync(policiesDir)
  .filter((f) => f.endsWith('.cases.yaml'))
  .sort()) {
  const full = path.join(policiesDir, file);
  const loaded = loadCaseTable(readFileSync(full, 'utf8'));
  if (!loaded.ok) {
    for (const i of loaded.issues)
      problems.push(`${relative(full)}:${i.line}:${i.column}: ${formatCaseTableIssue(i)}`);
    continue;
  }
  const policy = policies.get(loaded.table.policy);
  if (!policy) continue; // Its policy's problems are already reported.
  loaded.table.cases.forEach((testCase, index) => {
    const { line, column } = loaded.locate(['cases', index, 'quote']);
    checkQuote(`${relative(full)}:${line}:${column}`, policy, testCase.source?.document, testCase.quote);
  });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check:sources: ${problems.length} of ${checked} quotes not found in ${seedsDir}`);
  process.exit(1);
}
console.log(`check:sources: all ${checked} quotes found word for word in ${seedsDir}`);
