import { defineConfig } from 'vitest/config';

// Tests import packages from source through the `fairpost-source` export condition,
// so a test run never depends on a stale build (CLI tests build their own binary first).
export default defineConfig({
  resolve: { conditions: ['fairpost-source'] },
  ssr: { resolve: { conditions: ['fairpost-source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'test/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // FAIRPOST_PROPERTY_SCALE scales every fast-check property's runs (`pnpm test:long`).
    setupFiles: ['./test/support/vitest-setup.ts'],
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30000,
  },
});
