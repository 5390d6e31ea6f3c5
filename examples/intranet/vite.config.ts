import { defaultClientConditions, defineConfig } from 'vite';

// The workspace packages resolve to their TypeScript source (the `fairpost-source` export condition), so the app
// runs and builds without building @fairpost/core or @fairpost/render first.
export default defineConfig({
  resolve: { conditions: ['fairpost-source', ...defaultClientConditions] },
  // Relative asset URLs let an intranet team host the built page under any path.
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1', fs: { allow: ['../..'] } },
});
