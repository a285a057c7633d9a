import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The system Chromium: CHROME_PATH, else Debian's /usr/bin/chromium. Never downloads one. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). The browser tests drive the system Chromium: ` +
        'install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };
export const TABLET = { width: 820, height: 1180 };

export interface Session {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A fresh Chromium profile (its own user-data dir), as a new phone would be. */
export async function newSession(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'muster-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? PHONE,
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: true,
  });
  // A missing element fails within seconds, naming the locator, instead of at the test timeout.
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
