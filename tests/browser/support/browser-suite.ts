import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import type { Browser, BrowserContext, Page } from 'playwright';
import { build } from 'vite';
import type { HarnessBackendOptions } from '../../harness/harness-backend';
import { HarnessServer } from '../../harness/harness-server';
import { WinbooksSandbox } from '../../sandbox/winbooks-sandbox';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VITE_CONFIG = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

/** Generous: the machine is shared; these bound waits, they do not measure anything. */
export const WAIT_MS = 20_000;

export interface BrowserSuite {
  sandbox: WinbooksSandbox;
  harness: HarnessServer;
  browser: Browser;
  /** A fresh app (new storage and settings) behind the harness URL. */
  reset(options?: HarnessBackendOptions): Promise<void>;
  open(options?: { colorScheme?: 'light' | 'dark'; locale?: string; width?: number; height?: number }): Promise<AppPage>;
  close(): Promise<void>;
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (a CSP violation shows up here). */
  problems: string[];
}

/**
 * One per test file: builds the renderer into a temporary folder (so it never races the app's dist/),
 * starts the Winbooks sandbox, the harness and Chromium. close() stops all of them.
 */
export async function startBrowserSuite(): Promise<BrowserSuite> {
  const staticDir = await mkdtemp(join(tmpdir(), 'wtm-renderer-'));
  const contexts = new Set<BrowserContext>();
  let sandbox: WinbooksSandbox | null = null;
  let harness: HarnessServer | null = null;
  let browser: Browser | null = null;
  try {
    await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } });
    sandbox = await WinbooksSandbox.start();
    harness = await HarnessServer.start({ staticDir, backend: { storage: 'memory' } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  } catch (error) {
    await browser?.close();
    await harness?.close();
    await sandbox?.stop();
    await rm(staticDir, { recursive: true, force: true });
    throw error;
  }
  const started = { sandbox, harness, browser };

  return {
    ...started,
    async reset(options = { storage: 'memory' }) {
      for (const context of contexts) await context.close();
      contexts.clear();
      await started.harness.reset(options);
    },
    async open(options = {}) {
      const context = await started.browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
        colorScheme: options.colorScheme ?? 'light',
        locale: options.locale ?? 'en-GB',
        reducedMotion: 'reduce',
      });
      contexts.add(context);
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(started.harness.url);
      return { context, page, problems };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await started.browser.close();
      await started.harness.close();
      await started.sandbox.stop();
      await rm(staticDir, { recursive: true, force: true });
    },
  };
}

/** Unique e-mail per test, so grants never collide in the shared sandbox. */
let sequence = 0;
export function uniqueEmail(name: string): string {
  sequence += 1;
  return `${name}.${process.pid}.${sequence}@example.be`;
}
