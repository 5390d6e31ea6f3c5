import { analyzePolicy, type Finding, type FindingSeverity } from '@fairpost/core';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';
import { displayName } from '../read-input-file.js';

/** The levels `--severity` takes, as the CLI names them: a finding of severity `info` is a note. */
const LEVELS = ['error', 'warning', 'note'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_OF: Record<FindingSeverity, Level> = { error: 'error', warning: 'warning', info: 'note' };
const RANK: Record<Level, number> = { error: 0, warning: 1, note: 2 };

/** How many findings there are of each level, and of each code: all a summary prints. */
interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly note: number;
  readonly byCode: Readonly<Record<string, number>>;
}

/** `fairpost lint <policy>`: what the exact analysis finds (shadowed rules, gaps, conflicts…). */
export const lintCommand: Command = {
  name: 'lint',
  summary:
    'Analyse a policy exactly: shadowed or redundant rules, gaps, conflicting overlaps, unused entries.',
  usage:
    'fairpost lint <policy> [--severity error|warning|note] [--summary] [--weights default|uniform|file] [--json]',
  optionHelp: [
    '--severity <level>    show only findings at this level or above: error, warning or note (default)',
    '--summary             print only the number of findings of each level and code (for large policies)',
    '--json                print the findings as JSON (code, severity, rules, region, witness scenario);',
    '                      with --summary, { error, warning, note, byCode }',
    ...WEIGHTS_HELP,
  ],
  notes: ['`-` reads the policy from standard input. Exits 1 when a finding is an error, whatever is shown.'],
  examples: [
    'fairpost lint policy.yaml',
    'fairpost lint policy.yaml --severity warning',
    'fairpost lint big-policy.yaml --summary',
    'fairpost lint policy.yaml --weights uniform',
  ],
  options: { ...JSON_OPTION, ...WEIGHTS_OPTION, severity: { type: 'string' }, summary: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  inputs: { positionals: true, options: ['weights'] },
  choices: { severity: LEVELS },
  async run({ positionals, values }, io) {
    const file = positionals[0]!;
    const least = oneOf(values.severity, LEVELS, '--severity', 'note');
    const { compiled } = loadCompiledPolicy(file, io, io.stderr, paletteFor(io.stderr, io.env));
    const weights = loadWeights(values.weights, io, io.stderr);
    const findings = analyzePolicy(compiled, { distribution: weights.distribution });
    const shown = findings.filter((f) => RANK[LEVEL_OF[f.severity]] <= RANK[least]);
    const name = displayName(file);
    if (values.summary) {
      const counts = countFindings(shown);
      io.stdout.write(
        values.json
          ? `${JSON.stringify(counts, null, 2)}\n`
          : describeCounts(name, counts, paletteFor(io.stdout, io.env)),
      );
    } else if (values.json) io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    else io.stdout.write(describeFindings(name, shown, paletteFor(io.stdout, io.env), weights.name));
    return findings.some((f) => f.severity === 'error') ? EXIT.failure : EXIT.ok;
  },
};

function countFindings(findings: readonly Finding[]): FindingCounts {
  const byCode: Record<string, number> = {};
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) {
    counts[LEVEL_OF[f.severity]]++;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  }
  return { ...counts, byCode };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function totals(file: string, counts: FindingCounts): string {
  return `${file}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}\n`;
}

function describeCounts(file: string, counts: FindingCounts, palette: ReturnType<typeof paletteFor>): string {
  const codes = Object.entries(counts.byCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `  ${palette.dim(`[${code}]`)} ${n}\n`)
    .join('');
  return `${codes}${totals(file, counts)}`;
}

function describeFindings(
  file: string,
  findings: readonly Finding[],
  palette: ReturnType<typeof paletteFor>,
  weights: string,
): string {
  if (findings.length === 0) return `${file}: no findings\n`;
  const colour = { error: palette.red, warning: palette.yellow, note: palette.cyan };
  const lines = findings.map((f) => {
    const level = LEVEL_OF[f.severity];
    const subject = [...f.ruleIds, ...f.dutyIds].join(', ');
    const share =
      f.share === undefined ? '' : ` (${Math.round(f.share * 1000) / 10}% of situations under ${weights})`;
    return `${colour[level](level)} ${palette.dim(`[${f.code}]`)}${subject ? ` ${palette.bold(subject)}:` : ''} ${f.message}${share}`;
  });
  return `${lines.join('\n')}\n\n${totals(file, countFindings(findings))}`;
}
