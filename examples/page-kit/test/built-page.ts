// What the browser tests of the example pages (examples/intranet, examples/studio) share: build the page with Vite,
// serve it on a free local port, drive it in Debian's Chromium, and watch for what must never happen in it.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { expect } from 'vitest';
import { CHROMIUM_LAUNCH_OPTIONS } from '../../../test/support/chromium.js';

/**
 * How long one browser test, or building the page before them, may take. Each drives a real Chromium on a machine
 * shared with other work, where a step that takes a second when quiet can take twenty: generous, so a slow box does
 * not fail a correct page.
 */
export const BROWSER_TEST_TIMEOUT = 120_000;

/** What went wrong in a page that should never go wrong: console errors, uncaught errors, dialogs, foreign requests. */
export interface PageWatch {
  readonly errors: string[];
  readonly dialogs: string[];
  readonly foreignRequests: string[];
}

/** A page built into a temporary folder, served on 127.0.0.1, with a browser to open it in. */
export interface BuiltPage {
  /** The page's origin, e.g. `http://127.0.0.1:41234`; requests anywhere else are foreign. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** Opens the page in a fresh browser context, watched from the first request, and waits for `readySelector`. */
  open(
    options: BrowserContextOptions,
    readySelector: string,
    path?: string,
  ): Promise<{ page: Page; watch: PageWatch }>;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Builds the Vite app in `appDir`, serves the build and launches Chromium. Call `close()` in `afterAll`. */
export async function buildAndServe(appDir: string): Promise<BuiltPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'fairpost-page-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let port = 0;
  const close = async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.httpServer.close(() => resolve()) : resolve()));
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    await build({ root: appDir, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    port = await freePort();
    server = await preview({
      root: appDir,
      logLevel: 'error',
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    });
    browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  } catch (error) {
    await close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const launched = browser;
  return {
    baseUrl,
    browser: launched,
    close,
    async open(options, readySelector, path = '/') {
      const context = await launched.newContext(options);
      const page = await context.newPage();
      const watch: PageWatch = { errors: [], dialogs: [], foreignRequests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') watch.errors.push(message.text());
      });
      page.on('pageerror', (error) => watch.errors.push(String(error)));
      page.on('dialog', (dialog) => {
        watch.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
          watch.foreignRequests.push(url);
      });
      await page.goto(`${baseUrl}${path}`);
      await page.waitForSelector(readySelector);
      return { page, watch };
    },
  };
}

/** Asserts the page logged no error, raised no dialog and requested nothing from another origin. */
export function expectClean(watch: PageWatch): void {
  expect(watch.errors).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}
