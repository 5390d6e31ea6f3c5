// `pnpm fairpost …` before `pnpm build`: one line saying to build first, not Node's stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../packages/cli/test/fairpost-binary.js';

const root = resolve(import.meta.dirname, '..');

beforeAll(ensureBuilt, 120_000);

describe('pnpm fairpost', () => {
  it('says to build first when the CLI is not built, exit 1', () => {
    // The script as it sits in a clone where packages/cli/dist does not exist yet.
    const clone = mkdtempSync(join(tmpdir(), 'fairpost-unbuilt-'));
    mkdirSync(join(clone, 'scripts'));
    copyFileSync(join(root, 'scripts', 'fairpost.mjs'), join(clone, 'scripts', 'fairpost.mjs'));
    const run = spawnSync(process.execPath, [join(clone, 'scripts', 'fairpost.mjs'), 'validate', 'x.yaml'], {
      encoding: 'utf8',
    });
    expect(run).toMatchObject({
      status: 1,
      stdout: '',
      stderr:
        'fairpost is not built yet: run `npx -y pnpm@10.34.9 build` first (`npx -y pnpm@10.34.9 test` builds it too).\n',
    });
  });

  it('runs the built CLI when it is built', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'fairpost.mjs'), '--version'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
