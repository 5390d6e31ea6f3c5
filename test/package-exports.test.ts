import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a consumer meets after `pnpm build`: every package's export map serves ESM and CommonJS, types first, from
// dist/ (the fairpost-source condition is for this workspace only). The root `pnpm test` builds before testing.
const packagesDir = resolve(import.meta.dirname, '..', 'packages');

interface ExportTarget {
  readonly types: string;
  readonly default: string;
}
interface ExportEntry {
  readonly import?: ExportTarget;
  readonly require?: ExportTarget;
}

const packages = readdirSync(packagesDir).map((name) => {
  const dir = join(packagesDir, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    sideEffects?: boolean;
    exports: Record<string, ExportEntry | string>;
  };
  return { dir, manifest };
});

/** The export names a plain Node process (no workspace conditions) sees through `import` and through `require`. */
function loadInPlainNode(esmFile: string, cjsFile: string): { esm: string[]; cjs: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    const esm = await import(${JSON.stringify(pathToFileURL(esmFile).href)});
    const cjs = createRequire(import.meta.url)(${JSON.stringify(cjsFile)});
    console.log(JSON.stringify({ esm: Object.keys(esm).sort(), cjs: Object.keys(cjs).sort() }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out) as { esm: string[]; cjs: string[] };
}

describe.each(packages)('$manifest.name', ({ dir, manifest }) => {
  it('declares itself free of side effects, so pages that import a part pay only for that part', () => {
    expect(manifest.sideEffects).toBe(false);
  });

  const entries = Object.entries(manifest.exports).filter(
    (entry): entry is [string, ExportEntry] => typeof entry[1] === 'object' && entry[0] !== './package.json',
  );
  it.each(entries)('serves %s as ESM and CommonJS with the same exports and their types', (_, entry) => {
    expect(Object.keys(entry)[1]).toBe('import');
    for (const target of [entry.import, entry.require]) {
      expect(target).toBeDefined();
      expect(Object.keys(target!)[0]).toBe('types');
      expect(existsSync(join(dir, target!.types))).toBe(true);
    }
    const { esm, cjs } = loadInPlainNode(join(dir, entry.import!.default), join(dir, entry.require!.default));
    expect(esm.length).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });
});
