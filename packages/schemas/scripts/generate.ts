// Regenerates the published JSON Schemas and the TypeScript types from core's zod schemas:
//   node --conditions=fairpost-source --import tsx scripts/generate.ts          (writes the files)
//   node --conditions=fairpost-source --import tsx scripts/generate.ts --check  (fails if any file is stale)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildArtifacts } from './build-artifacts.js';

const PACKAGE_ROOT = join(import.meta.dirname, '..');

const readOrNothing = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

async function main(check: boolean): Promise<number> {
  const artifacts = await buildArtifacts();
  const stale: string[] = [];
  for (const { path, contents } of artifacts) {
    const file = join(PACKAGE_ROOT, path);
    if (readOrNothing(file) === contents) continue;
    stale.push(path);
    if (check) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  if (check && stale.length > 0) {
    console.error(`stale generated files (run pnpm generate): ${stale.join(', ')}`);
    return 1;
  }
  console.log(`${artifacts.length} files, ${stale.length} ${check ? 'stale' : 'written'}`);
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A schema that cannot be published is reported, not thrown as a stack trace.
    console.error(`schemas: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
