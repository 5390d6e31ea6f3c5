// `pnpm test:long [scale]`: the whole test suite with every fast-check property run `scale` times its count in the
// suite (20 by default; test/support/property-runs.ts), for a long search before a release or after an engine change.
// `pnpm fuzz` is the other long run: the fuzz targets at full size.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [scaleArgument, ...rest] = process.argv.slice(2);
const scale = scaleArgument ?? '20';
if (!(Number(scale) > 0)) {
  console.error(`pnpm test:long: the scale is a positive number, such as 20; found ${JSON.stringify(scale)}`);
  process.exit(2);
}
console.log(`every property runs ${scale} times its count in the suite`);
const run = spawnSync('npx', ['vitest', 'run', ...rest], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: { ...process.env, FAIRPOST_PROPERTY_SCALE: scale },
});
process.exit(run.status ?? 1);
