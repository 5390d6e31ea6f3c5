// `pnpm fairpost …`: runs the built CLI, or says in one line how to build it (instead of Node's stack trace for a
// missing module).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bin = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
if (!existsSync(bin)) {
  process.stderr.write(
    'fairpost is not built yet: run `npx -y pnpm@10.34.9 build` first (`npx -y pnpm@10.34.9 test` builds it too).\n',
  );
  process.exit(1);
}
await import(pathToFileURL(bin).href);
