// Measures what a page pays to evaluate a policy and ask questions: bundles a few entry points of @fairpost/core
// with Vite (rolldown) into minified ESM, and reports raw and gzipped size and which modules dominate.
// Run: node --conditions=fairpost-source --import tsx examples/intranet/scripts/measure-size.ts
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions, type Rolldown } from 'vite';

/** One thing a page might import, and what it asks of core. */
interface Entry {
  readonly name: string;
  readonly what: string;
  readonly code: string;
  /** Build it with the standard vocabulary's words left out (its facts and catalogues empty), to weigh the code alone. */
  readonly withoutWords?: boolean;
}

const ENTRIES: readonly Entry[] = [
  {
    name: 'ask',
    what: 'validate a policy object, compile it, evaluate and ask questions (parsePolicy, compilePolicy, evaluate, nextQuestion)',
    code: "export { compilePolicy, evaluate, nextQuestion, parsePolicy } from '@fairpost/core';",
  },
  {
    name: 'ask-from-yaml',
    what: 'the same, reading YAML or JSON text with line:column issues (parsePolicySource)',
    code: "export { compilePolicy, evaluate, nextQuestion, parsePolicySource } from '@fairpost/core';",
  },
  {
    name: 'evaluate-compiled',
    what: 'a pre-validated policy only: compilePolicy, evaluate, nextQuestion',
    code: "export { compilePolicy, evaluate, nextQuestion } from '@fairpost/core';",
  },
  {
    name: 'evaluate-compiled-code',
    what: 'the same code without the standard vocabulary’s words (a stub with no facts or entries): the code alone',
    code: "export { compilePolicy, evaluate, nextQuestion } from '@fairpost/core';",
    withoutWords: true,
  },
  {
    name: 'vocabulary-words',
    what: 'the standard vocabulary alone (its words: labels, phrases, questions, descriptions)',
    code: "export { socialMediaVocabulary } from '@fairpost/core';",
  },
  {
    name: 'incident',
    what: 'the incident views add (loaded only when opened): openIncident, applyEvent, incidentStatus, deadlineDue',
    code: "export { applyEvent, deadlineDue, incidentStatus, openIncident } from '@fairpost/core/incident';",
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
  /** Every core module that ends up in the bundle. */
  readonly coreModules: readonly string[];
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
  const coreModules: string[] = [];
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (info.renderedLength === 0) continue;
      const pkg = packageOf(id);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.renderedLength);
      if (pkg === '@fairpost/core') coreModules.push(coreName(id));
    }
  }
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    coreModules: coreModules.sort(),
    // Only those whose code survived tree-shaking count.
    zodImporters: [...zodImporters]
      .map(coreName)
      .filter((m) => coreModules.includes(m))
      .sort(),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

for (const entry of ENTRIES) {
  const m = await measure(entry);
  console.log(`${entry.name}: ${kB(m.raw)} minified, ${kB(m.gzip)} gzipped`);
  console.log(`  ${entry.what}`);
  console.log(`  by package (before minifying): ${m.byPackage.map(([p, n]) => `${p} ${kB(n)}`).join(', ')}`);
  console.log(`  core modules: ${m.coreModules.join(', ')}`);
  const zod = m.byPackage.find(([p]) => p === 'zod');
  console.log(
    zod ? `  zod (${kB(zod[1])}) is pulled in by: ${m.zodImporters.join(', ')}` : '  zod: not in the bundle',
  );
}
