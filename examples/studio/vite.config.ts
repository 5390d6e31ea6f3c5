import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const plainMarkdown = fileURLToPath(new URL('./src/schema-markdown.ts', import.meta.url));

/**
 * codemirror-json-schema renders schema descriptions with markdown-it and starts a Shiki highlighter (WebAssembly,
 * several hundred kB) when its markdown module is imported. The schema's descriptions are plain sentences, so the
 * studio swaps that module for one that escapes text: a smaller bundle, and no WebAssembly under the strict CSP.
 */
function plainSchemaDescriptions(): Plugin {
  return {
    name: 'studio-plain-schema-descriptions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('codemirror-json-schema') && /utils\/markdown(\.js)?$/.test(source))
        return plainMarkdown;
      return undefined;
    },
  };
}

// The workspace packages resolve to their TypeScript source (the `fairpost-source` export condition), so the app
// runs and builds without building @fairpost/core or @fairpost/render first.
export default defineConfig({
  plugins: [plainSchemaDescriptions()],
  resolve: { conditions: ['fairpost-source', ...defaultClientConditions] },
  // Relative asset URLs let the built studio be hosted under any path, or opened from a folder.
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1', fs: { allow: ['../..'] } },
});
