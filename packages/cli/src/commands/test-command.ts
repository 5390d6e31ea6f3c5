import { type CaseCoverage, caseCoverage, type EntryCoverage } from '@fairpost/core';
import { EXIT, usageError } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { runCaseTableFile, type TableProblem } from '../load-case-table-file.js';

/** One table's outcome, as `--json` prints it. */
interface TableReport {
  readonly file: string;
  readonly policy?: string;
  /** Problems that stopped the table from running: its fields, or its policy. */
  readonly errors: readonly TableProblem[];
  readonly cases: readonly {
    readonly name: string;
    readonly status: 'pass' | 'fail' | 'invalid';
    readonly line: number;
    readonly column: number;
    readonly problems: readonly {
      readonly line: number;
      readonly column: number;
      readonly message: string;
    }[];
  }[];
  readonly coverage?: CaseCoverage;
}

/** The entries a table's coverage counts, all kinds together. */
const entryKinds = ['rules', 'duties', 'commitments'] as const;
const singular = { rules: 'rule', duties: 'duty', commitments: 'commitment' } as const;

/** `fairpost test <cases…>`: runs case tables against their policies, like `opa test`. */
export const testCommand: Command = {
  name: 'test',
  summary:
    'Run case tables (*.cases.yaml) against their policies: pass or fail per case, and what each rule misses.',
  usage: 'fairpost test <cases…> [--coverage] [--coverage-min N] [--json]',
  optionHelp: [
    '--coverage            also report the rules, duties and commitments no case exercises',
    '--coverage-min <N>    fail when less than N% of them are exercised (implies --coverage)',
    '--json                print { ok, passed, failed, tables: [{ file, policy, errors, cases, coverage }] }',
  ],
  notes: [
    'Each table names its policy file, read from the table’s folder (from the working folder for `-`, which',
    'reads one table from standard input). Exits 1 when a case fails or coverage is below --coverage-min.',
  ],
  examples: [
    'fairpost test policies/*.cases.yaml',
    'fairpost test policies/000_union.cases.yaml --coverage --coverage-min 100',
  ],
  options: {
    ...JSON_OPTION,
    coverage: { type: 'boolean' },
    'coverage-min': { type: 'string' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: [] },
  async run({ positionals, values }, io) {
    const minimum = parseMinimum(values['coverage-min']);
    const withCoverage = values.coverage === true || minimum !== undefined;
    const palette = paletteFor(io.stdout, io.env);
    const reports: TableReport[] = [];
    const out: string[] = [];
    for (const file of positionals) {
      const run = runCaseTableFile(file, io, palette);
      if (!run.ok) {
        reports.push({ file: run.file, errors: run.problems, cases: [] });
        out.push(`${palette.bold(run.file)} ${palette.red('could not run')}\n${run.report}`);
        continue;
      }
      const coverage = withCoverage ? caseCoverage(run.table, run.policy, run.results) : undefined;
      reports.push({
        file: run.file,
        policy: run.policyFile,
        errors:
          coverage?.staleExcuses.map((message) => ({
            file: run.file,
            ...run.locate(['uncovered']),
            message,
          })) ?? [],
        cases: run.results.map((r) => ({
          name: r.name,
          status: r.status,
          line: r.at.line,
          column: r.at.column,
          problems: r.problems,
        })),
        ...(coverage ? { coverage } : {}),
      });
      out.push(`${palette.bold(run.file)} ${palette.dim(`(${run.policyFile})`)}\n`);
      for (const r of run.results) {
        const mark = r.status === 'pass' ? palette.green('PASS') : palette.red(r.status.toUpperCase());
        out.push(`  ${mark} ${r.name}\n`);
        for (const p of r.problems) out.push(`       ${run.file}:${p.line}:${p.column}: ${p.message}\n`);
      }
      if (coverage) out.push(describeCoverage(coverage, palette));
    }
    const cases = reports.flatMap((r) => r.cases);
    const passed = cases.filter((c) => c.status === 'pass').length;
    const failed = cases.length - passed;
    const errors = reports.reduce((n, r) => n + r.errors.length, 0);
    const overall = withCoverage ? overallCoverage(reports) : undefined;
    const belowMinimum = minimum !== undefined && overall !== undefined && overall < minimum;
    const ok = failed === 0 && errors === 0 && !belowMinimum;
    if (values.json) {
      io.stdout.write(
        `${JSON.stringify({ ok, passed, failed, ...(overall === undefined ? {} : { coverage: overall }), tables: reports }, null, 2)}\n`,
      );
    } else {
      const summary = [
        `${failed === 0 ? palette.green('PASS') : palette.red('FAIL')}: ${passed}/${cases.length} cases passed`,
        errors > 0 ? palette.red(`${errors} table error${errors === 1 ? '' : 's'}`) : '',
        overall === undefined ? '' : `coverage ${formatPercent(overall)}`,
        belowMinimum ? palette.red(`below --coverage-min ${minimum}%`) : '',
      ].filter(Boolean);
      io.stdout.write(`${out.join('')}\n${summary.join(', ')}\n`);
    }
    return ok ? EXIT.ok : EXIT.failure;
  },
};

/** `--coverage-min`: a percentage from 0 to 100, or a usage error saying what it got. */
function parseMinimum(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100)
    throw usageError(`--coverage-min must be a percentage from 0 to 100; found ${JSON.stringify(value)}`);
  return n;
}

const formatPercent = (n: number) => `${Math.floor(n * 10) / 10}%`;

/** The share of entries exercised across every table that ran (each table's own policy counted once per table). */
function overallCoverage(reports: readonly TableReport[]): number {
  let total = 0;
  let missed = 0;
  for (const r of reports) {
    if (!r.coverage) continue;
    for (const kind of entryKinds) {
      total += r.coverage[kind].total;
      missed += r.coverage[kind].missed.length;
    }
  }
  return total === 0 ? 100 : (100 * (total - missed)) / total;
}

function describeCoverage(coverage: CaseCoverage, palette: ReturnType<typeof paletteFor>): string {
  const count = (c: EntryCoverage, kind: (typeof entryKinds)[number]) =>
    `${kind} ${c.total - c.missed.length - c.excused.length}/${c.total}`;
  const lines = [
    `  coverage ${formatPercent(coverage.percent)}: ${entryKinds.map((k) => count(coverage[k], k)).join(', ')}\n`,
  ];
  for (const kind of entryKinds) {
    for (const id of coverage[kind].missed)
      lines.push(`    ${palette.yellow('not exercised')} ${singular[kind]} ${id}\n`);
    for (const { id, reason } of coverage[kind].excused)
      lines.push(`    ${palette.dim('excused')} ${singular[kind]} ${id}: ${reason}\n`);
  }
  for (const stale of coverage.staleExcuses) lines.push(`    ${palette.red('stale')} ${stale}\n`);
  return lines.join('');
}
