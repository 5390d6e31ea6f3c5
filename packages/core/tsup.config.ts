import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/incident.ts', 'src/interview.ts', 'src/testing.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  treeshake: true,
  target: 'node20',
});
