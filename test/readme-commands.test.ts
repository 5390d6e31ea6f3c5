// Every `fairpost` command in a `sh` block of the READMEs runs as written, against the built CLI, and exits 0.
// The subset run: each line of a ```sh block that calls `fairpost` (directly, as `npx -y pnpm@10.34.9 fairpost`,
// or after a pipe). Other lines (install, test, dev servers) are not run here; the Quick start's two commands are
// what `.ci/run` runs. A line may declare another exit code with a trailing `# exit N` comment.
//
// Each block runs in a fresh temporary folder holding what its commands name: the repository's `examples/`
// policies, versions and JSON (so root-README paths work), `policies/` (the example policies), and sample files for the
// names the package READMEs use (`policy.yaml`, `other.json`, `weekend-post.yaml`, …). Nothing is written in the
// repository.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../packages/cli/test/fairpost-binary.js';

const root = resolve(import.meta.dirname, '..');
const examples = join(root, 'examples');
const starter = readFileSync(join(examples, 'policies', 'starter.yaml'), 'utf8');

const READMES = [
  'README.md',
  ...readdirSync(join(root, 'packages')).map((p) => join('packages', p, 'README.md')),
  'examples/README.md',
  'examples/intranet/README.md',
].filter((file) => {
  try {
    readFileSync(join(root, file));
    return true;
  } catch {
    return false;
  }
});

/** The sample files a block may name, by name: written only when a command of the block mentions them. */
const SAMPLES: Record<string, string> = {
  'policy.yaml': starter,
  'current.yaml': starter,
  'proposed.yaml': readFileSync(join(examples, 'policies', '000_staff-union-alternative.yaml'), 'utf8'),
  'other.json': readFileSync(join(examples, 'json', 'starter.json'), 'utf8'),
  'weekend-post.yaml': 'account.kind: personal\ncontext.time: own-time\n',
  'known.yaml': 'account.kind: personal\n',
  // Answers for a questionnaire: the first choice, every time, until the decision is settled.
  'more-answers.txt': '1\n'.repeat(40),
};

/** One README command: the line as written, where it is, and the exit code it should give. */
interface ReadmeCommand {
  readonly readme: string;
  readonly line: number;
  readonly text: string;
  readonly exitCode: number;
}

/** The `fairpost` commands of each `sh` block of a README, block by block. */
function commandBlocks(readme: string): ReadmeCommand[][] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const blocks: ReadmeCommand[][] = [];
  let block: ReadmeCommand[] | undefined;
  // A line ending in a backslash goes on on the next, as in a shell: the command is the joined lines, reported at
  // the line it starts on.
  let pending: { text: string; line: number } | undefined;
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (block === undefined) {
      if (trimmed === '```sh') block = [];
      return;
    }
    if (trimmed === '```') {
      if (block.length > 0) blocks.push(block);
      block = undefined;
      pending = undefined;
      return;
    }
    const start = pending ?? { text: '', line: index + 1 };
    if (trimmed.endsWith('\\')) {
      pending = { text: `${start.text}${trimmed.slice(0, -1)}`, line: start.line };
      return;
    }
    pending = undefined;
    const line = `${start.text}${trimmed}`;
    if (!/(^|[|(]\s*)(npx -y pnpm@10\.34\.9 )?fairpost\s/.test(line)) return;
    const exit = /#\s*exit (\d+)\b/.exec(line);
    block.push({ readme, line: start.line, text: line, exitCode: exit ? Number(exit[1]) : 0 });
  });
  return blocks;
}

/** A fresh folder with what the block's commands name. */
function folderFor(block: readonly ReadmeCommand[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'fairpost-readme-'));
  const words = block.map((c) => c.text.replace(/\s#.*$/, '')).join(' ');
  cpSync(join(examples, 'policies'), join(dir, 'examples', 'policies'), { recursive: true });
  cpSync(join(examples, 'json'), join(dir, 'examples', 'json'), { recursive: true });
  cpSync(join(examples, 'versions'), join(dir, 'examples', 'versions'), { recursive: true });
  cpSync(join(examples, 'policies'), join(dir, 'policies'), { recursive: true });
  for (const [name, text] of Object.entries(SAMPLES))
    if (new RegExp(`(^|[\\s/<])${name.replace('.', '\\.')}\\b`).test(words))
      writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs one README line in bash, with `fairpost` (and the repository's `pnpm fairpost`) as the built binary. */
function runLine(command: ReadmeCommand, cwd: string) {
  const script = [
    'set -o pipefail',
    `fairpost() { "${process.execPath}" "${BIN}" "$@"; }`,
    // `npx -y pnpm@10.34.9 fairpost …` runs the same binary; only the binary is under test here.
    'npx() { shift 2; "$@"; }',
    command.text,
  ].join('\n');
  return spawnSync('bash', ['-c', script], {
    cwd,
    input: SAMPLES['more-answers.txt'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', HOME: cwd },
    timeout: 60_000,
  });
}

beforeAll(ensureBuilt, 120_000);

const withCommands = READMES.filter((readme) => commandBlocks(readme).length > 0);

describe.each(withCommands)('the commands in %s', (readme) => {
  commandBlocks(readme).forEach((block) => {
    it(`run as written (lines ${block.map((c) => c.line).join(', ')})`, () => {
      const dir = folderFor(block);
      try {
        for (const command of block) {
          const run = runLine(command, dir);
          const where = `${readme}:${command.line}: ${command.text}`;
          expect({ where, exit: run.status }, `${run.stderr}\n${run.stdout.slice(0, 2000)}`).toEqual({
            where,
            exit: command.exitCode,
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});

describe('the README command list', () => {
  it('covers every command of the CLI in the root README or the CLI README', async () => {
    const { COMMANDS } = await import('../packages/cli/src/commands/index.js');
    const run = ['README.md', 'packages/cli/README.md'].flatMap((r) => commandBlocks(r).flat());
    const used = new Set(run.map((c) => /fairpost (\w+)/.exec(c.text)?.[1]));
    expect(COMMANDS.map((c) => c.name).filter((name) => !used.has(name))).toEqual([]);
  });
});
