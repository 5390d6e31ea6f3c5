// Checks every published package as npm would ship it: packs it with pnpm (which turns `workspace:*` into real
// versions), then runs publint and Are the Types Wrong on the tarball, offline. Run after `pnpm build`:
//   node --import tsx scripts/check-packages.ts
// Fails on any publint message (error, warning or suggestion) and on any attw problem in any resolution mode
// (node10, node16 CJS and ESM, bundler), and when a tarball lacks its LICENSE, README or built files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const ROOT = join(import.meta.dirname, '..');
const PNPM = ['-y', 'pnpm@10.34.9'];

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  files?: string[];
  repository?: { directory?: string };
  bugs?: unknown;
  homepage?: string;
  dependencies?: Record<string, string>;
}

/** The workspace packages that are published: every `packages/*` not marked private. */
function publishedPackages(): { dir: string; manifest: PackageJson }[] {
  return readdirSync(join(ROOT, 'packages'))
    .map((name) => join(ROOT, 'packages', name))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson,
    }))
    .filter(({ manifest }) => !manifest.private);
}

/** The metadata every published package carries, as problems in words (none when all is there). */
function metadataProblems(dir: string, manifest: PackageJson): string[] {
  const problems: string[] = [];
  const directory = dir.slice(ROOT.length + 1);
  if (manifest.license !== 'MIT') problems.push('license is not MIT');
  if (manifest.repository?.directory !== directory)
    problems.push(`repository.directory is not "${directory}"`);
  if (!manifest.bugs) problems.push('no bugs field');
  if (!manifest.homepage) problems.push('no homepage field');
  if (!manifest.files?.includes('LICENSE')) problems.push('LICENSE is not in files');
  return problems;
}

/** The paths inside a tarball (without npm's leading `package/`). */
function tarballEntries(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
}

async function main(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'fairpost-packages-'));
  let failures = 0;
  const fail = (name: string, problem: string) => {
    failures++;
    console.error(`${name}: ${problem}`);
  };
  try {
    for (const { dir, manifest } of publishedPackages()) {
      const { name } = manifest;
      for (const problem of metadataProblems(dir, manifest)) fail(name, problem);

      const packed = execFileSync('npx', [...PNPM, 'pack', '--pack-destination', out], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const tarball = packed.trim().split('\n').pop()!.trim();
      const entries = tarballEntries(tarball);
      for (const required of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']) {
        if (!entries.includes(required)) fail(name, `the tarball has no ${required} (run pnpm build first?)`);
      }
      const packedManifest = JSON.parse(
        execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
      ) as PackageJson;
      for (const [dependency, range] of Object.entries(packedManifest.dependencies ?? {})) {
        if (range.startsWith('workspace:')) fail(name, `the tarball depends on ${dependency}@${range}`);
      }

      const buffer = readFileSync(tarball);
      const tarballData = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
      const { messages, pkg } = await publint({
        pack: { tarball: tarballData },
        level: 'suggestion',
        strict: true,
      });
      for (const message of messages) fail(name, `publint ${message.type}: ${formatMessage(message, pkg)}`);

      // attw reads only the tarball; --no-definitely-typed keeps it from asking the registry for @types packages.
      const attw = spawnSync(
        'npx',
        [
          'attw',
          tarball,
          '--no-definitely-typed',
          '--profile',
          'strict',
          '--format',
          'ascii',
          '--no-emoji',
          '--no-color',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      );
      if (attw.status !== 0) fail(name, `attw found problems:\n${attw.stdout}${attw.stderr}`);
      else console.log(`${name}@${manifest.version}: ${entries.length} files; publint and attw clean`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`check-packages: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
