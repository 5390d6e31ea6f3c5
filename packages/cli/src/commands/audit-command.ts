import {
  type AuditReport,
  type AuditSeverity,
  auditPolicy,
  CALENDAR_DATE_PATTERN,
  type CriteriaSet,
  fairPolicyCriteria,
  formatIssue,
  JURISDICTIONS,
  type Jurisdiction,
  parseCriteria,
} from '@fairpost/core';
import { renderAudit } from '@fairpost/render';
import { LineCounter, parseDocument } from 'yaml';
import { CliError, EXIT, usageError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { compiledOrExit, loadPolicy } from '../load-policy.js';
import { loadWeights, WEIGHTS_HELP, WEIGHTS_OPTION } from '../load-weights.js';
import { displayName, readInputFile } from '../read-input-file.js';

const FAIL_ON = ['error', 'warning'] as const;
const FORMATS = ['text', 'markdown', 'html'] as const;
const FAILING: Record<(typeof FAIL_ON)[number], readonly AuditSeverity[]> = {
  error: ['error'],
  warning: ['error', 'warning'],
};

/** A criteria file (`fair-policy/1`), read and validated; a problem is a one-line error naming the file and path. */
function loadCriteria(file: string, io: CliIo): CriteriaSet {
  const text = readInputFile(file, io);
  const name = displayName(file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const { line, col } = lines.linePos(error.pos[0]);
    throw new CliError(`${name}:${line}:${col}: not valid YAML or JSON: ${error.message.split('\n')[0]}`);
  }
  const parsed = parseCriteria(document.toJS({ maxAliasCount: 100 }));
  if (parsed.ok) return parsed.criteria;
  const shown = parsed.issues.slice(0, 5).map((issue) => `  ${formatIssue(issue)}`);
  const more = parsed.issues.length > 5 ? [`  … and ${parsed.issues.length - 5} more`] : [];
  throw new CliError(
    `${name} is not a valid criteria file (fair-policy/1; see docs/audit-criteria.md):\n${[...shown, ...more].join('\n')}`,
  );
}

/**
 * Today's date in UTC (YYYY-MM-DD), the default reference date; `SOURCE_DATE_EPOCH` (seconds), when set, fixes it so
 * that a build or a test gets the same audit every day.
 */
function today(env: Readonly<Record<string, string | undefined>>): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const now =
    env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return now.toISOString().slice(0, 10);
}

/** The jurisdictions given with `--jurisdiction` (repeated, or comma-separated), or undefined. */
function jurisdictionsOf(value: unknown): Jurisdiction[] | undefined {
  if (value === undefined) return undefined;
  const given = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  for (const j of given)
    if (!(JURISDICTIONS as readonly string[]).includes(j.trim()))
      throw usageError(
        `--jurisdiction must be one of ${JURISDICTIONS.join(', ')}; found ${JSON.stringify(j)}`,
      );
  return [...new Set(given.map((j) => j.trim() as Jurisdiction))];
}

/** `fairpost audit <policy…>`: the policy judged against published criteria of a fair policy. */
export const auditCommand: Command = {
  name: 'audit',
  summary:
    'Audit a policy against published criteria of a fair policy (private life, monitoring, US labour law, support for targeted staff).',
  usage:
    'fairpost audit <policy…> [--jurisdiction uk|us|eu|other] [--criteria file] [--fail-on error|warning] [--weights default|uniform|file] [--as-of YYYY-MM-DD] [--format text|markdown|html] [--json]',
  optionHelp: [
    '--jurisdiction <j>    apply the criteria of these jurisdictions instead of those the policy declares;',
    '                      repeat it or separate with commas (uk,us)',
    '--criteria <file>     audit against your own criteria file (fair-policy/1, YAML or JSON; docs/audit-criteria.md)',
    '--skip-group <id>     switch a group of criteria off (private-life, monitoring, overbroad, support, consent,',
    '                      process); repeatable',
    '--fail-on <level>     exit 1 when a finding at this level (error, or warning and above) exists; 0 otherwise',
    ...WEIGHTS_HELP,
    '--as-of <date>        the date to audit on (YYYY-MM-DD), for a review date that has passed; today by default',
    '--format <format>     text (default), markdown or html: the findings grouped by theme, with sources',
    '--json                print the audit report as JSON (an array for several policies)',
  ],
  notes: ['`-` reads a policy from standard input. Exits 2 on a usage error.'],
  examples: [
    'fairpost audit examples/policies/management-draft.yaml',
    'fairpost audit policy.yaml --jurisdiction us --fail-on error',
    'fairpost audit policy.yaml --format markdown > audit.md',
  ],
  options: {
    ...JSON_OPTION,
    ...WEIGHTS_OPTION,
    jurisdiction: { type: 'string', multiple: true },
    criteria: { type: 'string' },
    'skip-group': { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: ['criteria', 'weights'] },
  choices: { 'fail-on': FAIL_ON, format: FORMATS, jurisdiction: JURISDICTIONS },
  async run({ positionals, values }, io) {
    const failOn =
      values['fail-on'] === undefined ? undefined : oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'error');
    const format = oneOf(values.format, FORMATS, '--format', 'text');
    if (values.json && values.format !== undefined) throw usageError('give --json or --format, not both');
    const jurisdictions = jurisdictionsOf(values.jurisdiction);
    const criteria = typeof values.criteria === 'string' ? loadCriteria(values.criteria, io) : undefined;
    const skipGroups = (values['skip-group'] as string[] | undefined) ?? [];
    if (criteria || skipGroups.length > 0) {
      const known = (criteria ?? fairPolicyCriteria).groups.map((g) => g.id);
      for (const g of skipGroups)
        if (!known.includes(g))
          throw usageError(`--skip-group must be one of ${known.join(', ')}; found ${JSON.stringify(g)}`);
    }
    const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : today(io.env);
    if (!CALENDAR_DATE_PATTERN.test(asOf))
      throw usageError(`--as-of must be a date that exists, YYYY-MM-DD; found ${JSON.stringify(asOf)}`);
    const weights = loadWeights(values.weights, io, io.stderr);
    const stderrPalette = paletteFor(io.stderr, io.env);
    const reports: AuditReport[] = positionals.map((file) => {
      const loaded = loadPolicy(file, io);
      if (!loaded.ok && /^\s*format:\s*["']?fair-policy\//m.test(loaded.text))
        throw new CliError(
          `${loaded.file} is a criteria file, not a policy: give it with --criteria ${file}`,
        );
      const { compiled } = compiledOrExit(loaded, file, io.stderr, stderrPalette);
      return auditPolicy(compiled, {
        ...(jurisdictions ? { jurisdictions } : {}),
        ...(criteria ? { criteria } : {}),
        ...(skipGroups.length > 0 ? { skipGroups } : {}),
        weights: weights.distribution ?? 'uniform',
        asOf,
      });
    });
    if (values.json)
      io.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    else
      io.stdout.write(
        reports
          .map((r) => renderAudit(r, { format, weightsName: weights.name }))
          .join(format === 'text' ? '\n' : '\n\n'),
      );
    const failing = failOn ? FAILING[failOn] : [];
    return reports.some((r) => r.findings.some((f) => failing.includes(f.severity))) ? EXIT.failure : EXIT.ok;
  },
};
