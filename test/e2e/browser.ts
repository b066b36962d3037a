import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * The real Chromium the end-to-end tests drive: the system's (Debian's package), never a downloaded one.
 * Missing Chromium is a failure with instructions, not a skip: a suite that silently skips proves nothing.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export class ChromiumMissingError extends Error {
  constructor(path: string, fromEnv: boolean) {
    super(
      `Chromium not found at ${path}${fromEnv ? ' (from HDM_CHROMIUM)' : ''}. The end-to-end tests need a real Chromium: ` +
        'install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set HDM_CHROMIUM to the path of a Chromium or Chrome executable.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** HDM_CHROMIUM when set, else Debian's /usr/bin/chromium; throws ChromiumMissingError when the file is not there. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = Boolean(env.HDM_CHROMIUM);
  const path = env.HDM_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new ChromiumMissingError(path, fromEnv);
  return path;
}

export async function launchChromium(): Promise<Browser> {
  // Chromium refuses to start its sandbox as root (containers, CI); as any other user the sandbox stays on.
  const runsAsRoot = process.getuid?.() === 0;
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: runsAsRoot ? ['--no-sandbox'] : [] });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions the page produced, minus the ones a test declared expected. */
  problems: string[];
  /** Messages matching this are expected in the current test (say, the 403 of a wrong secret). */
  expect(pattern: RegExp): void;
}

/** A fresh context (no shared storage between tests) whose page reports console errors and page errors. */
export async function openWatchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  const record = (message: string) => {
    if (!expected.some((pattern) => pattern.test(message))) problems.push(message);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') record(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => record(`uncaught: ${error.name}: ${error.message}`));
  return { context, page, problems, expect: (pattern) => void expected.push(pattern) };
}
