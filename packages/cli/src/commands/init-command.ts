import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { describeFsError } from '../read-input-file.js';
import { policyTemplate } from '../policy-template.js';

/** `fairpost init [name]`: writes a progressive policy to start from, never over an existing file. */
export const initCommand: Command = {
  name: 'init',
  summary: 'Write a progressive policy to start from (name.yaml, default policy.yaml); never overwrites.',
  usage: 'fairpost init [name] [--json]',
  optionHelp: ['--json                print { file, id } of the file written'],
  examples: ['fairpost init', 'fairpost init our-policy   # writes our-policy.yaml'],
  options: JSON_OPTION,
  positionals: { min: 0, max: 1 },
  async run({ positionals, values }, io) {
    const name = positionals[0] ?? 'policy';
    const file = /\.ya?ml$/i.test(name) ? name : `${name}.yaml`;
    const target = resolve(io.cwd, file);
    const text = policyTemplate(file, dirname(target));
    try {
      // 'wx' fails when the file exists, so two runs can never race into overwriting someone's work.
      writeFileSync(target, text, { flag: 'wx' });
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST')
        throw new CliError(`${file} already exists; choose another name or delete it first`);
      throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
    }
    const id = /^id: (.+)$/m.exec(text)?.[1] ?? '';
    if (values.json) io.stdout.write(`${JSON.stringify({ file, id })}\n`);
    else
      io.stdout.write(
        `Wrote ${file}. Next: edit it, then run fairpost validate ${file} and fairpost ask ${file}.\n`,
      );
    return EXIT.ok;
  },
};
