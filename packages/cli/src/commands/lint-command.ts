import { analyzePolicy, type Finding } from '@fairpost/core';
import { EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';

/** `fairpost lint <policy>`: what the exact analysis finds (shadowed rules, gaps, conflicts…). */
export const lintCommand: Command = {
  name: 'lint',
  summary:
    'Analyse a policy exactly: shadowed or redundant rules, gaps, conflicting overlaps, unused entries.',
  usage: 'fairpost lint <policy> [--json]',
  optionHelp: [
    '--json                print the findings as JSON (code, severity, rules, region, witness scenario)',
    'Exits 1 when a finding is an error; warnings and notes alone exit 0.',
  ],
  examples: ['fairpost lint policy.yaml', 'fairpost lint policy.yaml --json'],
  options: JSON_OPTION,
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const file = positionals[0]!;
    const { compiled } = loadCompiledPolicy(file, io.cwd, io.stderr, paletteFor(io.stderr, io.env));
    const findings = analyzePolicy(compiled);
    if (values.json) io.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    else io.stdout.write(describeFindings(file, findings, paletteFor(io.stdout, io.env)));
    return findings.some((f) => f.severity === 'error') ? EXIT.failure : EXIT.ok;
  },
};

function describeFindings(
  file: string,
  findings: readonly Finding[],
  palette: ReturnType<typeof paletteFor>,
): string {
  if (findings.length === 0) return `${file}: no findings\n`;
  const colour = { error: palette.red, warning: palette.yellow, info: palette.cyan };
  const lines = findings.map((f) => {
    const subject = [...f.ruleIds, ...f.dutyIds].join(', ');
    const share = f.share === undefined ? '' : ` (${Math.round(f.share * 1000) / 10}% of situations)`;
    return `${colour[f.severity](f.severity)} ${palette.dim(`[${f.code}]`)}${subject ? ` ${palette.bold(subject)}:` : ''} ${f.message}${share}`;
  });
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${lines.join('\n')}\n\n${file}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`;
}
