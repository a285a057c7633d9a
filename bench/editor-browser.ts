import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../build/build-app';
import { newSession } from '../test/e2e/browser';
import { startServer } from '../test/e2e/server-process';
import { median, percentile } from './measure';

/**
 * The playbook editor on a cheap phone (CPU slowed 4×), editing a copy of the largest shipped
 * playbook (the fire plan, every field of it validated on each change):
 * - editorOpenMs: from navigation to the first field on screen, the draft already on the device;
 * - editorKeystroke*: each keystroke's Event Timing duration (input delay, handlers, the draft
 *   saved, the validator run and the next paint: what a person feels while typing), over 40
 *   keystrokes into the title;
 * - editorChunkGzipBytes: the editor's own code, loaded only when the editor opens.
 */
export async function benchEditor(): Promise<Record<string, number>> {
  const outDir = mkdtempSync(join(tmpdir(), 'muster-bench-editor-'));
  buildApp({ outDir, logLevel: 'error' });
  const server = await startServer({ staticDir: outDir });
  const opens: number[] = [];
  const keys: number[] = [];
  try {
    const session = await newSession({ locale: 'en-GB' });
    try {
      const page = await session.context.newPage();
      await page.goto(`${server.url}/playbooks/new`);
      await page.locator('.ed-copies button', { hasText: 'Firefighting' }).click();
      await page.waitForURL(/edit/);
      const editUrl = page.url();
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      for (let run = 0; run < 5; run++) {
        await page.goto(editUrl, { waitUntil: 'commit' });
        const handle = await page.waitForFunction(() => (document.getElementById('field:title') ? performance.now() : 0), undefined, {
          polling: 'raf',
          timeout: 60_000,
        });
        opens.push(Math.round((await handle.jsonValue()) * 10) / 10);
      }
      await page.evaluate(() => {
        const w = window as unknown as { __keys: number[] };
        w.__keys = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'keydown' || e.name === 'keypress' || e.name === 'input') w.__keys.push(e.duration);
        }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
      });
      const title = page.locator('[id="field:title"]');
      await title.click();
      await title.press('End');
      for (let i = 0; i < 40; i++) {
        await title.press('x');
        await page.waitForFunction((n) => (document.getElementById('field:title') as HTMLInputElement).value.endsWith('x'.repeat(n)), i + 1, {
          polling: 'raf',
        });
      }
      // Entries below the 16 ms threshold are not reported: count them as 16.
      const measured = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
      keys.push(...measured, ...Array.from({ length: Math.max(0, 40 - measured.length) }, () => 16));
    } finally {
      await session.close();
    }
    const assets = join(outDir, 'assets');
    const chunk = readdirSync(assets).find((f) => /^Editor-.*\.js$/.test(f));
    const chunkGzip = chunk ? gzipSync(readFileSync(join(assets, chunk)), { level: 9 }).length : 0;
    return { editorOpenMs: median(opens), editorKeystrokeMedianMs: median(keys), editorKeystrokeP90Ms: percentile(keys, 90), editorChunkGzipBytes: chunkGzip };
  } finally {
    await server.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}
