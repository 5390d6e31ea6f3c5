import { renderHtml, renderMarkdown, renderMermaid, renderText } from '@fairpost/render';
import { EXIT, usageError } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { writeFileAtomically } from '../write-file-atomically.js';

const FORMATS = ['markdown', 'html', 'text', 'mermaid'] as const;

/** `fairpost render <policy>`: the policy as a readable document or a flowchart. */
export const renderCommand: Command = {
  name: 'render',
  summary: 'Render a policy for people: Markdown, HTML, plain text, or a Mermaid flowchart of its decisions.',
  usage: 'fairpost render <policy> --format markdown|html|text|mermaid [-o file [--force]] [--json]',
  optionHelp: [
    '--format <format>     markdown (default), html, text or mermaid',
    '-o, --output <file>   write to a file instead of standard output (a new file; never the policy itself)',
    '--force               with -o, replace the file if it exists',
    '--json                print { format, text } (or { format, file } with -o) as JSON',
  ],
  notes: ['`-` for the policy reads it from standard input.'],
  examples: [
    'fairpost render policy.yaml --format html -o policy.html',
    'fairpost render policy.yaml --format mermaid',
  ],
  options: {
    ...JSON_OPTION,
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  inputs: { positionals: true, options: [] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = oneOf(values.format, FORMATS, '--format', 'markdown');
    if (values.force === true && typeof values.output !== 'string') {
      throw usageError('--force only makes sense with -o <file>');
    }
    const { policy } = loadCompiledPolicy(positionals[0]!, io, io.stderr, paletteFor(io.stderr, io.env));
    const text = {
      markdown: renderMarkdown,
      html: renderHtml,
      text: renderText,
      mermaid: renderMermaid,
    }[format](policy);
    const output = values.output;
    if (typeof output === 'string') {
      const outcome = writeFileAtomically(output, text, {
        cwd: io.cwd,
        overwrite: { kind: values.force === true ? 'force' : 'never' },
        inputs: [positionals[0]!],
      });
      const bytes = Buffer.byteLength(text);
      io.stdout.write(
        values.json
          ? `${JSON.stringify({ format, file: output, bytes, replaced: outcome === 'replaced' })}\n`
          : `${outcome === 'replaced' ? 'Replaced' : 'Wrote'} ${output} (${format}, ${bytes} bytes).\n`,
      );
    } else {
      io.stdout.write(
        values.json ? `${JSON.stringify({ format, text })}\n` : text.endsWith('\n') ? text : `${text}\n`,
      );
    }
    return EXIT.ok;
  },
};
