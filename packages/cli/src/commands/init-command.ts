import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { EXIT, usageError } from '../cli-error.js';
import { type Command, JSON_OPTION } from '../command.js';
import { policyTemplate } from '../policy-template.js';
import { writeFileAtomically } from '../write-file-atomically.js';

/**
 * `fairpost init [name]`: writes a progressive policy to start from, never over an existing file (unless `--force`)
 * and, for a relative name, never outside the working folder.
 */
export const initCommand: Command = {
  name: 'init',
  summary: 'Write a progressive policy to start from (name.yaml, default policy.yaml); never overwrites.',
  usage: 'fairpost init [name] [--force] [--json]',
  optionHelp: [
    '--force               replace the file if it exists',
    '--json                print { file, id } of the file written',
  ],
  examples: ['fairpost init', 'fairpost init our-policy   # writes our-policy.yaml'],
  options: { ...JSON_OPTION, force: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run({ positionals, values }, io) {
    const name = positionals[0] ?? 'policy';
    const file = /\.ya?ml$/i.test(name) ? name : `${name}.yaml`;
    const target = resolve(io.cwd, file);
    const inside = relative(io.cwd, target);
    if (
      !isAbsolute(file) &&
      (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    ) {
      throw usageError(
        `${file} is outside the working folder; init writes inside it unless given an absolute path`,
      );
    }
    const text = policyTemplate(file, dirname(target));
    const outcome = writeFileAtomically(file, text, {
      cwd: io.cwd,
      overwrite: { kind: values.force === true ? 'force' : 'never' },
    });
    const id = /^id: (.+)$/m.exec(text)?.[1] ?? '';
    if (values.json) io.stdout.write(`${JSON.stringify({ file, id })}\n`);
    else
      io.stdout.write(
        `${outcome === 'replaced' ? 'Replaced' : 'Wrote'} ${file}. Next: edit it, then run fairpost validate ${file} and fairpost ask ${file}.\n`,
      );
    return EXIT.ok;
  },
};
