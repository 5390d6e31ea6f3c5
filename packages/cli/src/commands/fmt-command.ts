import { EXIT } from '../cli-error.js';
import type { Command } from '../command.js';
import { paletteFor } from '../colour.js';
import { formatDocument } from '@fairpost/core';
import { displayName, readInputFile, STDIN } from '../read-input-file.js';
import { writeFileAtomically } from '../write-file-atomically.js';

/** `fairpost fmt <files…>`: policies and case tables in one canonical layout, comments kept. */
export const fmtCommand: Command = {
  name: 'fmt',
  summary:
    'Format policies and case tables: keys in the format’s order, block style, comments kept; --check for CI.',
  usage: 'fairpost fmt <files…> [--check]',
  optionHelp: [
    '--check               change nothing; list the files that would change and exit 1 if any would',
  ],
  notes: [
    'Each file is rewritten in place, atomically (a temporary file in the same folder, then a rename), and',
    'only when it changes. `-` reads one file from standard input and prints it formatted. JSON stays JSON.',
  ],
  examples: [
    'fairpost fmt policy.yaml',
    'fairpost fmt --check policies/*.yaml',
    'fairpost fmt - < policy.yaml',
  ],
  options: { check: { type: 'boolean' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  inputs: { positionals: true, options: [] },
  async run({ positionals, values }, io) {
    const check = values.check === true;
    const palette = paletteFor(io.stderr, io.env);
    const wouldChange: string[] = [];
    let failed = false;
    for (const file of positionals) {
      let text: string;
      try {
        text = readInputFile(file, io);
      } catch (error) {
        // One unreadable file should not stop the others being formatted.
        io.stderr.write(
          `${palette.red('fairpost fmt:')} ${error instanceof Error ? error.message : error}\n`,
        );
        failed = true;
        continue;
      }
      const formatted = formatDocument(text, file);
      if (!formatted.ok) {
        io.stderr.write(
          `${palette.bold(`${displayName(file)}:${formatted.line}:${formatted.column}:`)} ${palette.red(formatted.message)}; not formatted\n`,
        );
        failed = true;
        continue;
      }
      if (file === STDIN) {
        if (check) {
          if (formatted.text !== text) wouldChange.push(displayName(file));
        } else io.stdout.write(formatted.text);
        continue;
      }
      if (formatted.text === text) continue;
      if (check) {
        wouldChange.push(file);
        continue;
      }
      // Replaced only if nobody changed it since it was read; never through a symbolic link; permissions kept.
      writeFileAtomically(file, formatted.text, {
        cwd: io.cwd,
        overwrite: { kind: 'unchanged-since', text },
      });
      io.stdout.write(`formatted ${file}\n`);
    }
    if (check && wouldChange.length > 0) {
      io.stdout.write(wouldChange.map((f) => `would reformat ${f}\n`).join(''));
      return EXIT.failure;
    }
    return failed ? EXIT.failure : EXIT.ok;
  },
};
