import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { build } from 'vite';
import { onTestFinished } from 'vitest';
import { tempDir } from './temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Debian's Chromium; tools that download their own browser cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the real client into a temporary folder, for a server's CLIENT_DIR. */
export async function buildClient(outDir: string): Promise<void> {
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error('the client build produced no index.html');
}

/**
 * Headless Chromium with the flags this closed network needs (no background
 * connections to outside hosts). Closed when the current test ends.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  onTestFinished(() => browser.close());
  return browser;
}

/** A separate browser profile: its own storage and IndexedDB, like another person's device. */
export async function newPerson(browser: Browser, options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 800 } });
  onTestFinished(() => context.close());
  return context;
}

export { tempDir };

/** Logs a browser profile in as `cookie` (`ensemble_session=…`), as if it had signed in on `baseUrl`. */
export async function logInContext(context: BrowserContext, baseUrl: string, cookie: string): Promise<void> {
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}
