// Measures what a page pays to evaluate a policy and ask questions: bundles a few entry points of @fairpost/core
// with Vite (rolldown) into minified ESM, and reports raw and gzipped size and which modules dominate.
// Run: node --conditions=fairpost-source --import tsx examples/intranet/scripts/measure-size.ts
// With --write (the package's `generate` script) it also writes the figures into this app's README and the
// repository's README, between `<!-- measure-size:… -->` markers, so the sizes the docs state are the measured
// ones: `scripts/check-generated.sh` fails when they are stale.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions, type Rolldown } from 'vite';

/** One thing a page might import, and what it asks of core. */
interface Entry {
  readonly name: string;
  readonly what: string;
  readonly code: string;
  /** Build it with the standard vocabulary's words left out (its facts and catalogues empty), to weigh the code alone. */
  readonly withoutWords?: boolean;
  /** The row of the README's table, or none when the entry is measured for the console only. */
  readonly row?: string;
}

const ENTRIES: readonly Entry[] = [
  {
    name: 'evaluate-compiled',
    what: 'a pre-validated policy only: compilePolicy, evaluate, nextQuestion',
    code: "export { compilePolicy, evaluate, nextQuestion } from '@fairpost/core';",
    row: '`compilePolicy`, `evaluate`, `nextQuestion` (a policy validated at build time)',
  },
  {
    name: 'evaluate-compiled-code',
    what: 'the same code without the standard vocabulary’s words (a stub with no facts or entries): the code alone',
    code: "export { compilePolicy, evaluate, nextQuestion } from '@fairpost/core';",
    withoutWords: true,
    row: "of which the code alone (the vocabulary's words left out)",
  },
  {
    name: 'vocabulary-words',
    what: 'the standard vocabulary alone (its words: labels, phrases, questions, descriptions)',
    code: "export { socialMediaVocabulary } from '@fairpost/core';",
    row: "of which the standard vocabulary's words (labels, phrases, questions) alone",
  },
  {
    name: 'ask',
    what: 'validate a policy object, compile it, evaluate and ask questions (parsePolicy, compilePolicy, evaluate, nextQuestion)',
    code: "export { compilePolicy, evaluate, nextQuestion, parsePolicy } from '@fairpost/core';",
    row: 'the same plus `parsePolicy` (validate in the browser)',
  },
  {
    name: 'ask-from-yaml',
    what: 'the same, reading YAML or JSON text with line:column issues (parsePolicySource)',
    code: "export { compilePolicy, evaluate, nextQuestion, parsePolicySource } from '@fairpost/core';",
    row: 'the same plus `parsePolicySource` (YAML/JSON text with line:column)',
  },
  {
    name: 'incident',
    what: 'the incident views add (loaded only when opened): openIncident, applyEvent, incidentStatus, deadlineDue',
    code: "export { applyEvent, deadlineDue, incidentStatus, openIncident } from '@fairpost/core/incident';",
    row: '`@fairpost/core/incident` alone (with zod and temporal-polyfill)',
  },
];

const appDir = fileURLToPath(new URL('..', import.meta.url));
// A module that exists only in this build, placed in the app's folder so that its imports resolve from there.
const VIRTUAL = `${appDir}measure-entry.js`;

/** What a bundle of one entry weighs, and what weighs most in it. */
interface Measurement {
  readonly raw: number;
  readonly gzip: number;
  /** Rendered bytes by package (`zod`, `yaml`, `ts-pattern`, `@fairpost/core`), largest first. */
  readonly byPackage: readonly [string, number][];
  /** Every core module that ends up in the bundle, with its rendered bytes before minifying, largest first. */
  readonly coreModules: readonly [string, number][];
  /** The core modules in the bundle that import zod themselves: what pulls zod in. */
  readonly zodImporters: readonly string[];
}

/** The standard vocabulary's module with every word gone: the same export, no facts and no catalogue entries. */
const WORDLESS_VOCABULARY =
  "export const socialMediaVocabulary = Object.freeze({ id: 'social-media/1', title: '', facts: [], conditions: [], roles: [], dutyActions: [], commitments: [], consequences: [] });";

const coreName = (id: string) => id.slice(id.indexOf('/src/') + 5);

function packageOf(id: string): string {
  const inNodeModules = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (inNodeModules) return inNodeModules[1]!;
  const core = /packages\/([^/]+)\/src\//.exec(id);
  return core ? `@fairpost/${core[1]}` : id;
}

async function measure(entry: Entry): Promise<Measurement> {
  const zodImporters = new Set<string>();
  const output = (await build({
    configFile: false,
    root: appDir,
    logLevel: 'silent',
    resolve: { conditions: ['fairpost-source', ...defaultClientConditions] },
    plugins: [
      {
        name: 'measure-entry',
        resolveId: (id) => (id === VIRTUAL ? VIRTUAL : undefined),
        load: (id) =>
          id === VIRTUAL
            ? entry.code
            : entry.withoutWords && id.endsWith('/vocabulary/social-media-vocabulary.ts')
              ? WORDLESS_VOCABULARY
              : undefined,
        generateBundle() {
          for (const id of this.getModuleIds()) {
            const info = this.getModuleInfo(id);
            if (packageOf(id) === '@fairpost/core' && info?.importedIds.some((i) => packageOf(i) === 'zod'))
              zodImporters.add(id);
          }
        },
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: {
        input: VIRTUAL,
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: `${entry.name}.js` },
      },
    },
  })) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  const byPackage = new Map<string, number>();
  const coreModules: [string, number][] = [];
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (info.renderedLength === 0) continue;
      const pkg = packageOf(id);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.renderedLength);
      if (pkg === '@fairpost/core') coreModules.push([coreName(id), info.renderedLength]);
    }
  }
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    coreModules: coreModules.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    // Only those whose code survived tree-shaking count.
    zodImporters: [...zodImporters]
      .map(coreName)
      .filter((m) => coreModules.some(([name]) => name === m))
      .sort(),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const measured: [Entry, Measurement][] = [];
for (const entry of ENTRIES) {
  const m = await measure(entry);
  measured.push([entry, m]);
  console.log(`${entry.name}: ${kB(m.raw)} minified, ${kB(m.gzip)} gzipped`);
  console.log(`  ${entry.what}`);
  console.log(`  by package (before minifying): ${m.byPackage.map(([p, n]) => `${p} ${kB(n)}`).join(', ')}`);
  console.log(
    `  core modules (before minifying): ${m.coreModules.map(([name, n]) => `${name} ${kB(n)}`).join(', ')}`,
  );
  const zod = m.byPackage.find(([p]) => p === 'zod');
  console.log(
    zod ? `  zod (${kB(zod[1])}) is pulled in by: ${m.zodImporters.join(', ')}` : '  zod: not in the bundle',
  );
}

if (values.write) {
  const named = (name: string) => measured.find(([e]) => e.name === name)![1];
  const rows = measured.flatMap(([entry, m]) =>
    entry.row === undefined
      ? []
      : [[entry.row, kB(m.raw), entry.name === 'evaluate-compiled' ? `**${kB(m.gzip)}**` : kB(m.gzip)]],
  );
  const table = markdownTable(['what the page imports', 'minified', 'gzipped'], rows);
  const page = `${kB(named('evaluate-compiled').gzip)} gzipped (${kB(named('evaluate-compiled-code').gzip)} of code; the rest is the vocabulary's words)`;
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  writeBetweenMarkers(`${appDir}README.md`, 'table', `\n\n${table}\n\n`);
  writeBetweenMarkers(`${root}README.md`, 'page', page);
  const incident = await builtAppChunk('incident-views');
  writeBetweenMarkers(
    `${appDir}README.md`,
    'incident-chunk',
    `${kB(Buffer.byteLength(incident))} (${kB(gzipSync(incident, { level: 9 }).length)} gzipped)`,
  );
}

/** The code of one lazily loaded chunk of the app as `vite build` makes it (its own config), not written. */
async function builtAppChunk(name: string): Promise<string> {
  const output = (await build({
    configFile: `${appDir}vite.config.ts`,
    root: appDir,
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  const chunk = output.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.name === name);
  if (!chunk) throw new Error(`the built app has no chunk named ${name}`);
  return chunk.code;
}

/** A Markdown table with its columns padded to one width, as the formatter leaves it. */
function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * Replaces what stands between `<!-- measure-size:NAME -->` and `<!-- /measure-size:NAME -->` in a file, written to
 * a temporary file beside it and renamed over it, so a failed run never leaves a README half-written.
 */
function writeBetweenMarkers(file: string, name: string, content: string): void {
  const text = readFileSync(file, 'utf8');
  const open = `<!-- measure-size:${name} -->`;
  const close = `<!-- /measure-size:${name} -->`;
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`${file}: no ${open} … ${close} markers to write between`);
  const updated = text.slice(0, from + open.length) + content + text.slice(to);
  if (updated === text) return;
  const temporary = `${file}.measure-size-${process.pid}`;
  writeFileSync(temporary, updated);
  renameSync(temporary, file);
  console.log(`wrote the sizes into ${file}`);
}
