// Runs the built `fairpost` binary as a subprocess, building it first when it is missing or older than the sources
// it bundles. Test files run in parallel workers, so the build is guarded by a lock folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const packagesRoot = join(cliRoot, '..');
/** The built binary. */
export const BIN = join(cliRoot, 'dist', 'bin.js');
/** The repository's example policies. */
export const EXAMPLES = fileURLToPath(new URL('../../../examples/policies/', import.meta.url));
const LOCK = join(tmpdir(), `fairpost-cli-build-${Buffer.from(cliRoot).toString('hex').slice(-24)}.lock`);

function newestSource(dir: string, budget = { files: 5000 }): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (--budget.files < 0) break;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, budget));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BIN)) return true;
  const built = statSync(BIN).mtimeMs;
  return ['cli', 'core', 'render', 'schemas'].some((p) => newestSource(join(packagesRoot, p, 'src')) > built);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds the binary (only the binary, for speed) unless it is up to date; safe to call from every test file. */
export function ensureBuilt(): void {
  const deadline = Date.now() + 180_000;
  while (isStale()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the fairpost binary to build');
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock older than two minutes was left by a crash.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmSync(LOCK, { force: true, recursive: true });
      sleep(250);
      continue;
    }
    try {
      if (isStale())
        execFileSync('npx', ['tsup'], {
          cwd: cliRoot,
          env: { ...process.env, FAIRPOST_CLI_BIN_ONLY: '1' },
          stdio: 'pipe',
        });
    } finally {
      rmSync(LOCK, { force: true, recursive: true });
    }
  }
}

/** What a run of the binary did. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `fairpost <args>` with optional standard input, folder and environment. */
export function fairpost(
  args: readonly string[],
  options: { input?: string; cwd?: string; env?: Record<string, string> } = {},
): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? EXAMPLES,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
