import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, newSession, type Session } from './browser';

const baseUrl = inject('baseUrl');
const EARLIER = 12_000;
const WAIT = { timeout: 60_000 };

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Writes `count` notes into the incident straight into IndexedDB, as a long night of sync would leave them, and bumps the stream's revision. */
async function fillIncident(page: Page, streamId: string, count: number): Promise<void> {
  await page.evaluate(
    async ({ streamId, count }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('muster');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error ?? new Error('indexedDB.open failed'));
      });
      const tx = db.transaction(['events', 'streams'], 'readwrite');
      const events = tx.objectStore('events');
      const declared = await new Promise<{ hlc: string }>((ok) => {
        const r = events.index('type').get('incident.declared');
        r.onsuccess = () => ok(r.result as { hlc: string });
      });
      // Earlier than the declaration's stamp by a millisecond or more, but after it in the list: one ms per 60,000 events.
      const wall = Number(declared.hlc.slice(0, 15));
      for (let i = 0; i < count; i++) {
        const stamp = `${String(wall + 1 + Math.floor(i / 60_000)).padStart(15, '0')}-${(i % 60_000).toString(16).padStart(4, '0')}-bulk`;
        const text = i === 0 ? 'The very first bulk note' : i === count - 1 ? 'The very last bulk note' : `Water level check ${i}`;
        events.put({
          id: `bulk-${String(i).padStart(6, '0')}`,
          streamId,
          deviceId: 'bulk',
          actor: 'Scribe',
          hlc: stamp,
          type: 'note.added',
          payload: { text, tags: [] },
          v: 1,
        });
      }
      const streams = tx.objectStore('streams');
      const row = await new Promise<{ rev: number } | undefined>((ok) => {
        const r = streams.get(streamId);
        r.onsuccess = () => ok(r.result as { rev: number } | undefined);
      });
      streams.put({ streamId, rev: (row?.rev ?? 0) + 1 });
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { streamId, count },
  );
}

describe('an incident of many thousand events', () => {
  it('opens, scrolls its windowed timeline to the very first and the very last entry, and takes a tap', async () => {
    session = await newSession({ locale: 'en' });
    const page = await session.context.newPage();
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${baseUrl}/incidents/new?playbook=flood-emergency&lang=en`);
    await page.getByTestId('actor-name').fill('Wang on duty');
    await page.getByTestId('start-incident').click();
    await page.waitForURL(/\/incidents\/inc-/);
    const url = page.url().split('?')[0]!;
    const streamId = decodeURIComponent(url.split('/incidents/')[1] ?? '');
    await page.getByTestId('now-step-step.command.interim').waitFor();
    await fillIncident(page, streamId, EARLIER);

    // The timeline holds every entry, but only a screenful is in the document.
    await page.goto(`${url}?tab=timeline`);
    await expect.poll(() => page.getByTestId('timeline-count').textContent(), WAIT).toBe(`Entries: ${EARLIER + 1}`);
    const timeline = page.getByTestId('timeline');
    expect(await timeline.getAttribute('data-windowed')).toBe('true');
    expect(await timeline.locator(':scope > li').count()).toBeLessThan(200);

    // The very first entry (the declaration), by the button and by scrolling to the top of the list.
    await page.getByTestId('timeline-first').click();
    const first = timeline.locator(':scope > li[aria-posinset="1"]');
    await first.waitFor(WAIT);
    expect(await first.getAttribute('data-type')).toBe('incident.declared');
    expect(await first.getAttribute('aria-setsize')).toBe(String(EARLIER + 1));
    expect(await timeline.locator(':scope > li[aria-posinset="2"]').textContent()).toContain('The very first bulk note');

    // The very last entry, by scrolling down the page (not a jump): the list is as tall as all its entries.
    // The page grows or shrinks a little as entries are measured, so the bottom is sought again until the last entry is there.
    const last = timeline.locator(`:scope > li[aria-posinset="${EARLIER + 1}"]`);
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return last.count();
      }, WAIT)
      .toBe(1);
    expect(await last.textContent()).toContain('The very last bulk note');
    await page.getByTestId('timeline-latest').click();
    await last.waitFor(WAIT);

    // Find-in-page cannot see what is scrolled out: the search box finds it.
    await page.getByTestId('timeline-search').fill('check 11111');
    await expect.poll(() => page.getByTestId('timeline-count').textContent(), WAIT).toBe('Entries: 1');
    expect(await timeline.textContent()).toContain('Water level check 11111');
    expect(await axeViolations(page)).toEqual([]);

    // A tap on the checklist is stored and shown: the row's status, and the stored event after a reload.
    await page.goto(`${url}?tab=steps`);
    const row = page.getByTestId('step-step.respond.move-property');
    await row.getByRole('button', { name: 'Done', exact: true }).click(WAIT);
    await expect.poll(() => row.getAttribute('data-status'), WAIT).toBe('done');
    await page.reload();
    await expect.poll(() => page.getByTestId('step-step.respond.move-property').getAttribute('data-status'), WAIT).toBe('done');
    await page.goto(`${url}?tab=timeline`);
    await expect.poll(() => page.getByTestId('timeline-count').textContent(), WAIT).toBe(`Entries: ${EARLIER + 2}`);
  }, 300_000);
});
