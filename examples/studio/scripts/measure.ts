// Measures what the studio costs a visitor: the built files (raw and gzipped; what the first visit loads, and what
// loads only when asked for) and, in Chromium, first contentful paint and the time until the first draft is checked
// and its handbook shown. Run: node --conditions=fairpost-source --import tsx examples/studio/scripts/measure.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../test/support/chromium.js';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'fairpost-studio-measure-'));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

await build({ root: appDir, logLevel: 'error', build: { outDir, emptyOutDir: true } });
const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
let firstRaw = 0;
let firstGzip = 0;
let lazyRaw = 0;
let lazyGzip = 0;
for (const name of readdirSync(join(outDir, 'assets'))) {
  const bytes = readFileSync(join(outDir, 'assets', name));
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (initial.has(`assets/${name}`)) {
    firstRaw += bytes.length;
    firstGzip += gz;
    console.log(`first visit: ${name} ${kB(bytes.length)} (${kB(gz)} gzipped)`);
  } else {
    lazyRaw += bytes.length;
    lazyGzip += gz;
  }
}
console.log(`first visit total: ${kB(firstRaw)} (${kB(firstGzip)} gzipped)`);
console.log(`loaded on demand (Mermaid, the Word writer): ${kB(lazyRaw)} (${kB(lazyGzip)} gzipped)`);

const server = await preview({
  root: appDir,
  logLevel: 'error',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
});
const url = server.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
const runs: { fcp: number; ready: number }[] = [];
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.draft-status.ok');
  const ready = await page.evaluate(() => performance.now());
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  runs.push({ fcp, ready });
  await page.close();
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `first contentful paint: ${median(runs.map((r) => r.fcp)).toFixed(0)} ms; first draft checked and shown: ${median(
    runs.map((r) => r.ready),
  ).toFixed(0)} ms (median of ${runs.length} loads from 127.0.0.1, no throttling)`,
);
await browser.close();
server.httpServer.close();
rmSync(outDir, { recursive: true, force: true });
