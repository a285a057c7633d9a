import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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

/**
 * A fresh Chromium profile (its own user-data dir), as a new phone would be. `serviceWorkers:
 * 'block'` keeps the app's worker out, so requests for the app's files reach `page.route`.
 */
export async function newSession(
  opts: {
    locale?: string;
    viewport?: { width: number; height: number };
    serviceWorkers?: 'allow' | 'block';
    /** More Chromium switches, such as --host-resolver-rules. */
    args?: readonly string[];
    /** Chromium's environment; HOME decides which NSS certificate store it trusts. */
    env?: Record<string, string>;
  } = {},
): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'muster-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? PHONE,
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: true,
    serviceWorkers: opts.serviceWorkers ?? 'allow',
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

/**
 * Waits until a service worker controls the page and has finished installing (its precache is
 * complete), so the page works with no network from then on.
 */
export async function waitForServiceWorkerControl(page: Page, timeoutMs = 30_000): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: timeoutMs, polling: 100 });
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
}

/**
 * Waits until the app has taken over the home screen from index.html's pre-rendered copy: the
 * copy is gone and the app's own lists are visible. Until then the app's elements exist but are
 * hidden, so their boxes are null.
 */
export async function waitForHomeTakeOver(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-snapshot-lang], .prerendered') == null &&
      Array.from(document.querySelectorAll('[data-testid="no-incidents"], [data-testid="incident-list"]')).some((e) => (e as HTMLElement).offsetParent != null),
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and best practices) and returns the
 * violations, each with the selectors of the elements at fault. `include` limits the scan.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not a <script> tag: the server's CSP forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async (scope) => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(scope ? { include: [scope] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, include ?? null);
}
