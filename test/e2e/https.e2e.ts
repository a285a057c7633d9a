import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSession, waitForServiceWorkerControl, type Session } from './browser';
import { ROOT, startServer, type RunningServer } from './server-process';

const HOST = 'muster.branch.test';

/**
 * A branch as the README sets it up: `tls init` on the server PC, `npm start` on HTTPS, and a
 * phone that installed the branch's authority and reaches the server by its name. The browser
 * trusts only that authority (imported into its own NSS store, the one Chromium on Linux reads
 * from $HOME/.pki/nssdb); nothing tells it to ignore certificate errors.
 */
function certutil(args: string[]): void {
  const result = spawnSync('certutil', args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error('certutil is missing: the HTTPS browser test imports the branch authority with it. Install it: apt-get install libnss3-tools');
  }
  if (result.status !== 0) throw new Error(`certutil ${args.join(' ')} failed: ${result.stderr}`);
}

describe('a phone that installed the branch certificate, on the HTTPS server', () => {
  let server: RunningServer;
  let session: Session;
  let page: Page;
  let home: string;
  let dataDir: string;
  let origin: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'muster-https-data-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'tls', 'init', '--name', HOST, '--ip', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'pipe',
    });
    server = await startServer({ dataDir });
    origin = `https://${HOST}:${new URL(server.url).port}`;

    home = mkdtempSync(join(tmpdir(), 'muster-https-home-'));
    const nss = join(home, '.pki', 'nssdb');
    mkdirSync(nss, { recursive: true });
    certutil(['-N', '-d', `sql:${nss}`, '--empty-password']);
    certutil(['-A', '-d', `sql:${nss}`, '-n', 'Muster branch authority', '-t', 'C,,', '-i', join(dataDir, 'tls', 'ca.crt')]);

    session = await newSession({ locale: 'en-GB', args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`], env: { HOME: home } });
    page = await session.context.newPage();
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the app over HTTPS by the server’s name, in a secure context, with no warning banner', async () => {
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['strict-transport-security']).toBe('max-age=31536000');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    await page.getByTestId('routes-entry').waitFor();
    expect(await page.getByTestId('insecure-banner').count()).toBe(0);
    const health = await page.evaluate(async () => (await fetch('/api/health')).json() as Promise<Record<string, unknown>>);
    expect(health).toMatchObject({ https: true, publicUrl: origin });
    expect(typeof health.certificateExpires).toBe('string');
  });

  it('the service worker takes control, and leaves the server’s certificate page to the server', async () => {
    await waitForServiceWorkerControl(page);
    await page.goto(`${origin}/ca`);
    await page.getByRole('heading', { level: 1, name: 'Install the branch certificate on this phone' }).waitFor();
    const download = await page.getByRole('link', { name: /download/i }).evaluate((a: HTMLAnchorElement) => a.href);
    expect(download).toBe(`${origin}/ca.crt`);
    await page.goto(`${origin}/`);
    await page.getByTestId('routes-entry').waitFor();
  });

  it('with no network, a reload shows the app and a floor’s route', async () => {
    await session.context.setOffline(true);
    await page.reload();
    await page.getByTestId('routes-entry').waitFor();
    await expect.poll(() => page.getByTestId('offline-indicator').isVisible()).toBe(true);

    await page.goto(`${origin}/routes/fire-evacuation/west-main/floor-7`);
    const route = page.getByTestId('floor-route');
    await route.waitFor();
    expect(await route.textContent()).toMatch(/central staircase/i);
    expect(await page.getByTestId('offline-indicator').isVisible()).toBe(true);
  });
});

describe('the same browser without the branch certificate', () => {
  it('refuses the server: no certificate errors are ignored anywhere', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'muster-https-untrusted-'));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'tls', 'init', '--name', HOST], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'pipe',
    });
    const server = await startServer({ dataDir });
    const home = mkdtempSync(join(tmpdir(), 'muster-https-home-'));
    const session = await newSession({ args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`], env: { HOME: home } });
    try {
      const page = await session.context.newPage();
      await expect(page.goto(`https://${HOST}:${new URL(server.url).port}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await session.close();
      await server.stop();
      rmSync(home, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
