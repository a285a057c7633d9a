import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '../build/build-app';
import { newSession, type Session } from '../test/e2e/browser';
import { ROOT, startServer, type RunningServer } from '../test/e2e/server-process';
import { median, percentile } from './measure';

const SAMPLES = 15;
const ORG = 'bench-live';

/**
 * Two phones on one incident, both online, over loopback: the time from device A's tap
 * ("Add note") to device B showing the note, with no tap on B. Each device is its own Chromium
 * profile, enrolled with its own token, on the production build and the real server.
 */
export async function benchPropagation(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'muster-bench-build-'));
  buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  const sessions: Session[] = [];
  try {
    admin(server, 'org', 'create', 'Bench', '--id', ORG);
    const [a, b] = [await newSession({ locale: 'en-US' }), await newSession({ locale: 'en-US' })];
    sessions.push(a, b);
    const officer = await enrol(a, server, 'Officer');
    const leader = await enrol(b, server, 'Leader');

    await officer.goto(`${server.url}/incidents/new?playbook=flood-emergency&lang=en`);
    await officer.getByTestId('actor-name').fill('Officer');
    await officer.getByTestId('start-incident').click();
    await officer.waitForURL(/\/incidents\/inc-/);
    const incidentUrl = officer.url();
    await leader.goto(incidentUrl);
    await leader.getByTestId('commander').waitFor({ timeout: 60_000 });
    for (const page of [officer, leader]) await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name: 'Timeline' }).click();
    await leader.getByTestId('timeline').waitFor();

    const took: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const text = `Propagation sample ${i} ${Date.now()}`;
      // Armed before the tap: B resolves with its own clock's time when the note appears.
      const shown = leader.evaluate(
        (want) =>
          new Promise<number>((resolve) => {
            const check = (): boolean => {
              if (!(document.querySelector('[data-testid="timeline"]')?.textContent ?? '').includes(want)) return false;
              resolve(performance.timeOrigin + performance.now());
              return true;
            };
            if (check()) return;
            const observer = new MutationObserver(() => {
              if (check()) observer.disconnect();
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          }),
        text,
      );
      await officer.getByTestId('note-text').fill(text);
      const tappedAt = await officer.evaluate(() => {
        const at = performance.timeOrigin + performance.now();
        (document.querySelector('[data-testid="add-note"]') as HTMLButtonElement).click();
        return at;
      });
      took.push((await shown) - tappedAt);
    }
    return {
      propagationMedianMs: Math.round(median(took)),
      propagationP95Ms: Math.round(percentile(took, 95)),
      propagationSamples: took.length,
    };
  } finally {
    for (const s of sessions) await s.close();
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

function admin(server: RunningServer, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: server.dataDir },
    encoding: 'utf8',
  });
}

async function enrol(session: Session, server: RunningServer, label: string): Promise<Page> {
  const printed = admin(server, 'device', 'add', ORG, label, '--url', server.url, '--no-qr');
  const link = printed
    .split('\n')
    .find((line) => line.includes('/enrol#code='))
    ?.trim();
  if (!link) throw new Error(`device add printed no link:\n${printed}`);
  const page = await session.context.newPage();
  // tsx (esbuild, keepNames) wraps named functions in __name(); give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f;');
  await page.goto(link);
  await page.getByText('This device has joined').waitFor({ timeout: 60_000 });
  return page;
}
