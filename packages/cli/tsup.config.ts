import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const define = { __FAIRPOST_VERSION__: JSON.stringify(version) };

/**
 * The library entry: the commands and runCli, for embedding, with types, as ESM and CommonJS like every package
 * here. `shims` gives the CommonJS build the `import.meta.url` the template lookup reads.
 */
const library: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  shims: true,
  target: 'node20',
  define,
};

/**
 * The binary: one self-contained ES module. The workspace packages are bundled from source (the fairpost-source
 * condition) with their dependencies, so `fairpost` runs whether or not the other packages were built.
 */
const binary: Options = {
  entry: ['src/bin.ts'],
  format: ['esm'],
  dts: false,
  target: 'node20',
  platform: 'node',
  noExternal: [/.*/],
  define,
  esbuildOptions(options) {
    options.conditions = ['fairpost-source'];
  },
  // Bundled CommonJS dependencies may call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as __fairpostRequire } from 'node:module'; const require = __fairpostRequire(import.meta.url);",
  },
};

// No `clean`: the two builds run at once and one must not delete the other's output.
// FAIRPOST_CLI_BIN_ONLY=1 builds just the binary (seconds, not the half-minute of type declarations): the CLI tests
// use it to rebuild a stale binary before running it.
export default defineConfig(process.env.FAIRPOST_CLI_BIN_ONLY === '1' ? [binary] : [library, binary]);
