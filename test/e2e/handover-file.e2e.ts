import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/storage/sqlite';
import { cameraJpeg } from '../fixtures/photo-camera';
import { axeViolations, newSession, PHONE, type Session } from './browser';
import { admin, DIST, startServer, type RunningServer } from './server-process';
import { enrolCertified, heldIncident as held } from './handover-phones';

// Issue 21, the file path: the duty officer's phone runs the first hour of a flood with no
// network, then hands the incident (with its photo) to the branch leader's phone as one file.
// A file with one byte changed, one cut short, one from another branch and one imported twice
// are each refused with their reason and change nothing; once both phones find a network, the
// server holds every event exactly once.

const ORG = 'riverside';
const OTHER_ORG = 'hillside';
const SYNC_WAIT = { timeout: 45_000, interval: 250 };
const UI_WAIT = { timeout: 15_000 };
const NOTE = 'Water at the B1 switch room door, 20 cm';

async function startIncident(page: Page, base: string, title: string, actor: string): Promise<string> {
  await page.goto(`${base}/incidents/new`);
  await page.getByTestId('start-kind-flood').click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Place').fill('B1');
  await page.getByTestId('actor-name').fill(actor);
  await page.getByTestId('start-incident').click();
  await page.waitForURL(/\/incidents\/inc-/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

/** The file "Export a file for another phone" saves (the headless browser has no share sheet). */
async function exportFile(page: Page, base: string, incidentId: string): Promise<{ name: string; text: string }> {
  await page.goto(`${base}/incidents/${encodeURIComponent(incidentId)}/handover`);
  await page.getByTestId('handover-qr').waitFor(UI_WAIT);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('handover-export').click()]);
  const path = await download.path();
  await expect.poll(() => page.getByTestId('handover-exported').count(), UI_WAIT).toBe(1);
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Imports a file on "Receive a handover"; returns what the screen says. */
async function importFile(page: Page, base: string, name: string, text: string | Buffer): Promise<{ ok: boolean; says: string }> {
  await page.goto(`${base}/handover`);
  await page
    .getByTestId('handover-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });
  const result = page.getByTestId('handover-result').or(page.getByTestId('handover-problem'));
  await result.first().waitFor(UI_WAIT);
  const ok = (await page.getByTestId('handover-result').count()) === 1;
  return { ok, says: (await result.first().textContent()) ?? '' };
}

describe('handing an incident to another phone as a file, with no network', () => {
  let server: RunningServer;
  let stored: Database.Database | undefined;
  const sessions: Session[] = [];

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
    admin(server.dataDir, 'org', 'create', 'Hillside', 'Sub-branch', '--id', OTHER_ORG);
  });
  afterAll(async () => {
    stored?.close();
    for (const s of sessions) await s.close();
    await server?.stop();
  });

  it('the leader’s phone ends with the officer’s incident and photo; damaged, foreign and repeated files change nothing; the server holds each event once', async () => {
    const open = async () => {
      const s = await newSession({ locale: 'en-US', viewport: PHONE });
      sessions.push(s);
      return s;
    };
    const [dutySession, leaderSession, otherSession] = [await open(), await open(), await open()];
    const duty = await enrolCertified(dutySession, server, ORG, 'Duty phone');
    const leader = await enrolCertified(leaderSession, server, ORG, 'Leader phone');
    const stranger = await enrolCertified(otherSession, server, OTHER_ORG, 'Hillside phone');
    const photo = await cameraJpeg(duty, { width: 1200, height: 900 });

    // The power and the mobile network go: nothing below reaches the server.
    await Promise.all([dutySession.context.setOffline(true), leaderSession.context.setOffline(true), otherSession.context.setOffline(true)]);
    const incidentId = await startIncident(duty, server.url, 'Basement flooding', 'Officer Wang');
    await duty.goto(`${server.url}/incidents/${encodeURIComponent(incidentId)}?tab=steps`);
    await duty.getByTestId('step-step.command.interim').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => duty.getByTestId('step-step.command.interim').getAttribute('data-status'), UI_WAIT).toBe('done');
    await duty.goto(`${server.url}/incidents/${encodeURIComponent(incidentId)}?tab=timeline`);
    await duty.getByTestId('note-text').fill(NOTE);
    await duty.getByTestId('note-photo-input').setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => duty.getByTestId('note-photos').locator('img').count(), UI_WAIT).toBe(1);
    await duty.getByTestId('add-note').click();
    await expect.poll(() => duty.getByTestId('timeline').textContent(), UI_WAIT).toContain(NOTE);
    const sent = await held(duty, incidentId);
    expect(Object.keys(sent.events).length).toBeGreaterThanOrEqual(3);
    expect(sent.photos).toHaveLength(1);

    const file = await exportFile(duty, server.url, incidentId);
    expect(await axeViolations(duty)).toEqual([]);
    expect(file.name).toMatch(/^muster-handover-\d{8}-\d{4}\.muster$/);
    expect(file.text.split('\n')[0]).toMatch(/^MUSTER-BUNDLE\/1 \d+ [0-9a-f]{64} [0-9a-f]{128}$/);

    const nothing = { events: {}, waiting: 0, rejected: 0, receivedByHand: [], bundles: 0, photos: [] };
    // One byte changed in the middle of the file.
    const at = Math.floor(file.text.length / 2);
    const changed = file.text.slice(0, at) + (file.text[at] === '1' ? '2' : '1') + file.text.slice(at + 1);
    const damaged = await importFile(leader, server.url, file.name, changed);
    expect(damaged).toEqual({ ok: false, says: expect.stringContaining(`“${file.name}” is damaged or was changed`) as unknown });
    expect(await held(leader, incidentId)).toEqual(nothing);
    // Cut short, as a transfer that stopped half-way.
    const bytes = Buffer.from(file.text, 'utf8');
    const truncated = await importFile(leader, server.url, file.name, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(truncated.ok).toBe(false);
    expect(truncated.says).toMatch(new RegExp(`“${file.name.replace(/\./g, '\\.')}” is incomplete: it should hold \\d+ bytes and holds \\d+`));
    expect(await held(leader, incidentId)).toEqual(nothing);
    // A real, intact file from a phone of another branch.
    const theirs = await startIncident(stranger, server.url, 'Hillside leak', 'Officer Zhao');
    const foreign = await exportFile(stranger, server.url, theirs);
    const refused = await importFile(leader, server.url, foreign.name, foreign.text);
    expect(refused).toEqual({ ok: false, says: expect.stringContaining('comes from another organisation (hillside)') as unknown });
    expect(await held(leader, theirs)).toEqual(nothing);

    // The real file: every event and the photo, checked and merged.
    const received = await importFile(leader, server.url, file.name, file.text);
    expect(received.ok).toBe(true);
    expect(received.says).toContain('from “Duty phone” (by file');
    expect(await axeViolations(leader)).toEqual([]);
    const got = await held(leader, incidentId);
    expect(got.events).toEqual(sent.events);
    expect(got.photos).toEqual(sent.photos);
    // Queued for the server from the leader's phone too (the server keeps one of each).
    expect(got.waiting).toBe(Object.keys(sent.events).length);
    // Which events came by hand, from whom and how, on the timeline.
    await leader.getByTestId('handover-open').click();
    await leader.goto(`${server.url}/incidents/${encodeURIComponent(incidentId)}?tab=timeline`);
    await expect.poll(() => leader.getByTestId('timeline').textContent(), UI_WAIT).toContain(NOTE);
    await expect.poll(() => leader.getByTestId('tl-origin').count(), UI_WAIT).toBe(Object.keys(sent.events).length);
    expect(await leader.getByTestId('tl-origin').first().textContent()).toMatch(/^received from “Duty phone” at .+ by file$/);
    // The photo is shown from the leader's own copy, not named as missing.
    await expect.poll(() => leader.getByTestId('timeline-photos').locator('img').count(), UI_WAIT).toBe(1);
    expect(await leader.getByTestId('photo-missing').count()).toBe(0);

    // The same file again: refused as a replay, nothing changes.
    const again = await importFile(leader, server.url, file.name, file.text);
    expect(again).toEqual({ ok: false, says: expect.stringContaining(`“${file.name}” was imported before`) as unknown });
    expect(await held(leader, incidentId)).toEqual(got);

    // The network returns, the leader's phone first: the server takes the officer's events from
    // it on their signatures, then the officer's own push finds them held. Each is stored once.
    const onServer = () => {
      stored ??= new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
      return stored.prepare('SELECT id FROM events WHERE org_id = ? AND stream_id = ? ORDER BY seq').all(ORG, incidentId) as { id: string }[];
    };
    await leaderSession.context.setOffline(false);
    await leader.goto(`${server.url}/`);
    await expect.poll(() => onServer().length, SYNC_WAIT).toBe(Object.keys(sent.events).length);
    await dutySession.context.setOffline(false);
    await duty.goto(`${server.url}/`);
    await expect.poll(async () => (await held(duty, incidentId)).waiting, SYNC_WAIT).toBe(0);
    await expect.poll(async () => (await held(leader, incidentId)).waiting, SYNC_WAIT).toBe(0);
    const ids = onServer().map((r) => r.id);
    expect(ids.sort()).toEqual(Object.keys(sent.events).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
});
