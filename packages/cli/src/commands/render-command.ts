import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderHtml, renderMarkdown, renderMermaid, renderText } from '@fairpost/render';
import { CliError, EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION, oneOf } from '../command.js';
import { paletteFor } from '../colour.js';
import { loadCompiledPolicy } from '../load-policy.js';
import { describeFsError } from '../read-input-file.js';

const FORMATS = ['markdown', 'html', 'text', 'mermaid'] as const;

/** `fairpost render <policy>`: the policy as a readable document or a flowchart. */
export const renderCommand: Command = {
  name: 'render',
  summary: 'Render a policy for people: Markdown, HTML, plain text, or a Mermaid flowchart of its decisions.',
  usage: 'fairpost render <policy> --format markdown|html|text|mermaid [-o file] [--json]',
  optionHelp: [
    '--format <format>     markdown (default), html, text or mermaid',
    '-o, --output <file>   write to a file instead of standard output',
    '--json                print { format, text } (or { format, file } with -o) as JSON',
    '`-` as the policy reads it from standard input.',
  ],
  examples: [
    'fairpost render policy.yaml --format html -o policy.html',
    'fairpost render policy.yaml --format mermaid',
  ],
  options: { ...JSON_OPTION, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 1 },
  inputs: { positionals: true, options: [] },
  choices: { format: FORMATS },
  async run({ positionals, values }, io) {
    const format = oneOf(values.format, FORMATS, '--format', 'markdown');
    const { policy } = loadCompiledPolicy(positionals[0]!, io, io.stderr, paletteFor(io.stderr, io.env));
    const text = {
      markdown: renderMarkdown,
      html: renderHtml,
      text: renderText,
      mermaid: renderMermaid,
    }[format](policy);
    const output = values.output;
    if (typeof output === 'string') {
      try {
        writeFileSync(resolve(io.cwd, output), text);
      } catch (error) {
        throw new CliError(`cannot write ${output}: ${describeFsError(error)}`);
      }
      io.stdout.write(
        values.json ? `${JSON.stringify({ format, file: output })}\n` : `Wrote ${output} (${format}).\n`,
      );
    } else {
      io.stdout.write(
        values.json ? `${JSON.stringify({ format, text })}\n` : text.endsWith('\n') ? text : `${text}\n`,
      );
    }
    return EXIT.ok;
  },
};
