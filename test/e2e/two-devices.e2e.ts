import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/server/storage/sqlite';
import { TABLET, newSession, type Session } from './browser';
import { admin, DIST, startServer, type RunningServer } from './server-process';

// What sync promises, end to end: two devices record into one incident with no network, then
// the network returns and both show the same incident. Each device is its own Chromium
// profile, enrolled with a token issued by the admin CLI against this file's own server.

const ORG = 'riverside';
const COMMANDER = 'Commander Wang';
const SCRIBE = 'Scribe Li';
const COMMANDER_NOTE = 'Water 20 cm deep at the east door, sandbags going down';
const SCRIBE_NOTE = 'Ground floor cleared, 12 people out';
const HEAD_OFFICE_CALLED = 'Head office rang us first';
/** Sync runs over the real network stack of a slow CI machine: generous, but bounded. */
const SYNC_WAIT = { timeout: 45_000, interval: 250 };
/** A tap, written to IndexedDB and shown. */
const UI_WAIT = { timeout: 10_000 };

/** Runs `npm run admin -- …` against the server's data folder and returns what it printed. */
function issueEnrolmentLink(server: RunningServer, label: string): string {
  const printed = admin(server.dataDir, 'device', 'add', ORG, label, '--url', server.url, '--no-qr');
  const link = printed.split('\n').find((line) => line.includes('/enrol#code='));
  if (!link) throw new Error(`device add printed no enrolment link:\n${printed}`);
  return link.trim();
}

/** The device opens the link the administrator sent it, once, and joins the organisation. */
async function enrol(session: Session, link: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(link);
  await expect
    .poll(() => page.getByRole('region', { name: 'Join your organisation' }).getByRole('status').textContent(), SYNC_WAIT)
    .toContain('This device has joined Riverside Sub-branch');
  return page;
}

async function tab(page: Page, name: 'Steps' | 'Timeline'): Promise<void> {
  await page.getByRole('navigation', { name: 'Incident sections' }).getByRole('link', { name }).click();
}

async function markDone(page: Page, stepId: string): Promise<void> {
  await page.getByTestId(`step-${stepId}`).getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => page.getByTestId(`step-${stepId}`).getAttribute('data-status'), UI_WAIT).toBe('done');
}

async function addNote(page: Page, text: string): Promise<void> {
  await tab(page, 'Timeline');
  await page.getByTestId('note-text').fill(text);
  await page.getByTestId('add-note').click();
  await expect.poll(() => page.getByTestId('timeline').textContent(), UI_WAIT).toContain(text);
  await tab(page, 'Steps');
}

/** Every step row's status, in the order the checklist shows them. */
async function checklist(page: Page): Promise<[string, string][]> {
  await tab(page, 'Steps');
  await page.getByTestId('step-step.command.interim').waitFor();
  return page
    .locator('li[data-testid^="step-"]')
    .evaluateAll((rows) => rows.map((r): [string, string] => [r.getAttribute('data-testid') ?? '', r.getAttribute('data-status') ?? '']));
}

/** The text of every timeline entry as the user reads it: when, who, which device, what. */
async function timeline(page: Page): Promise<string[]> {
  await tab(page, 'Timeline');
  await page.getByTestId('timeline').waitFor();
  return page.getByTestId('timeline').locator(':scope > li').allTextContents();
}

/** What the device keeps in IndexedDB: the ids of the incident's events, and how many records wait to be sent. */
async function heldOnDevice(page: Page, streamId: string): Promise<{ ids: string[]; waiting: number }> {
  return page.evaluate(async (stream) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('muster');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error ?? new Error('could not open the device database'));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((ok, fail) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error ?? new Error(`could not read ${store}`));
      });
    // Rows, and the incident's synced events packed many to a row (src/storage/packs.ts).
    const [rows, outbox, packs] = await Promise.all([all('events'), all('outbox'), all('packs')]);
    db.close();
    const events = [...rows, ...(packs as { events: unknown[] }[]).flatMap((p) => p.events)];
    const ids = (events as { id: string; streamId: string }[]).filter((e) => e.streamId === stream).map((e) => e.id);
    return { ids: ids.sort(), waiting: outbox.length };
  }, streamId);
}

interface StoredRow {
  id: string;
  type: string;
  actor: string;
  device_id: string;
}

describe('the commander’s tablet and the scribe’s phone record the same flood with no network', () => {
  let server: RunningServer;
  let stored: Database.Database | undefined;
  let tablet: Session | undefined;
  let phone: Session | undefined;

  /** The incident's events as the server holds them, in the order it stored them. */
  const onServer = (streamId: string): StoredRow[] => {
    stored ??= new Database(join(server.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    return stored.prepare('SELECT id, type, actor, device_id FROM events WHERE org_id = ? AND stream_id = ? ORDER BY seq').all(ORG, streamId) as StoredRow[];
  };

  beforeAll(async () => {
    server = await startServer({ staticDir: DIST });
    admin(server.dataDir, 'org', 'create', 'Riverside', 'Sub-branch', '--id', ORG);
  });
  afterAll(async () => {
    stored?.close();
    await tablet?.close();
    await phone?.close();
    await server?.stop();
  });

  it('both record offline, the network returns, and both show the same checklist and timeline, each record stored once', async () => {
    // The administrator issues one token per device; each opens its link once.
    tablet = await newSession({ locale: 'en-US', viewport: TABLET });
    phone = await newSession({ locale: 'en-US' });
    const commander = await enrol(tablet, issueEnrolmentLink(server, 'Commander’s tablet'));
    const scribe = await enrol(phone, issueEnrolmentLink(server, 'Scribe’s phone'));

    // The commander starts the flood incident while the network still works.
    // The kind of emergency first; the flood playbook in the phone's language is then chosen.
    await commander.goto(`${server.url}/incidents/new`);
    await commander.getByTestId('start-kind-flood').click();
    await commander.getByLabel('Title').fill('Basement flooding');
    await commander.getByLabel('Place').fill('B1');
    await commander.getByTestId('actor-name').fill(COMMANDER);
    await commander.getByTestId('start-incident').click();
    await commander.waitForURL(/\/incidents\/inc-/);
    const incidentUrl = commander.url();
    const incidentId = decodeURIComponent(new URL(incidentUrl).pathname.split('/').pop() ?? '');
    await expect.poll(() => onServer(incidentId).map((e) => e.type), SYNC_WAIT).toEqual(['incident.declared']);

    // The scribe opens the incident by its address; the phone's sync brings it in.
    await scribe.goto(incidentUrl);
    await expect.poll(() => scribe.getByTestId('commander').textContent(), SYNC_WAIT).toContain(COMMANDER);
    await scribe.getByTestId('change-name').click();
    await scribe.getByLabel('Your name').fill(SCRIBE);
    await scribe.getByLabel('Your name').press('Enter');
    await expect.poll(() => scribe.getByText(`You are ${SCRIBE}`).count(), UI_WAIT).toBe(1);

    // In the basement: no network on either device.
    await Promise.all([tablet.context.setOffline(true), phone.context.setOffline(true)]);

    // The commander ticks off the command steps, including the report to head office, and writes a note.
    await tab(commander, 'Steps');
    await markDone(commander, 'step.command.interim');
    await markDone(commander, 'step.command.call-members');
    await markDone(commander, 'step.command.report-head-office');
    await addNote(commander, COMMANDER_NOTE);

    // Later, the scribe ticks off the response steps, and skips the report to head office
    // without knowing the commander marked it done: the later stamp wins on every device.
    await tab(scribe, 'Steps');
    await markDone(scribe, 'step.respond.take-posts');
    await markDone(scribe, 'step.respond.evacuate');
    await scribe.getByTestId('step-step.command.report-head-office').getByRole('button', { name: 'Skip' }).click();
    await scribe.getByLabel('Why is it skipped?').fill(HEAD_OFFICE_CALLED);
    await scribe.getByRole('button', { name: 'Skip step' }).click();
    // A critical step: skipped only after a second, explicit confirmation naming it.
    await scribe.getByTestId('skip-confirm').getByRole('button', { name: 'Yes, skip it' }).click();
    await expect.poll(() => scribe.getByTestId('step-step.command.report-head-office').getAttribute('data-status'), UI_WAIT).toBe('skipped');
    await addNote(scribe, SCRIBE_NOTE);

    // Nothing recorded offline has reached the server.
    expect(onServer(incidentId).map((e) => e.type)).toEqual(['incident.declared']);
    expect((await heldOnDevice(commander, incidentId)).waiting).toBe(4);
    expect((await heldOnDevice(scribe, incidentId)).waiting).toBe(4);
    // Each device says so in its top bar.
    await expect.poll(() => commander.getByTestId('sync-badge').textContent(), UI_WAIT).toContain('4 waiting');

    // The scribe's phone finds a signal first and sends its four records.
    await phone.context.setOffline(false);
    await expect.poll(() => onServer(incidentId).filter((e) => e.actor === SCRIBE).length, SYNC_WAIT).toBe(4);

    // Then the commander's tablet: it sends its records and brings in the scribe's, and the
    // open incident page shows them without a reload.
    await tablet.context.setOffline(false);
    await expect.poll(() => onServer(incidentId).length, SYNC_WAIT).toBe(9);
    await tab(commander, 'Timeline');
    await expect.poll(() => commander.getByTestId('timeline').textContent(), SYNC_WAIT).toContain(SCRIBE_NOTE);

    await expect.poll(() => commander.getByTestId('sync-badge').textContent(), SYNC_WAIT).toContain('Live');

    // The phone synced before the tablet's records were there; the server's hint brings them
    // in as soon as the tablet sends them: no tap, no reload.
    await tab(scribe, 'Timeline');
    await expect.poll(() => scribe.getByTestId('timeline').textContent(), SYNC_WAIT).toContain(COMMANDER_NOTE);

    // Both show the same checklist: each device's steps, and the contested step skipped by the scribe.
    const tabletSteps = await checklist(commander);
    expect(await checklist(scribe)).toEqual(tabletSteps);
    const status = Object.fromEntries(tabletSteps.map(([testId, s]) => [testId.replace(/^step-/, ''), s]));
    expect(status).toMatchObject({
      'step.command.interim': 'done',
      'step.command.call-members': 'done',
      'step.command.report-head-office': 'skipped',
      'step.respond.take-posts': 'done',
      'step.respond.evacuate': 'done',
      'step.command.ready-rescuers': 'open',
      'step.respond.monitor': 'open',
    });
    for (const page of [commander, scribe]) {
      expect(await page.getByTestId('step-step.command.report-head-office').textContent()).toContain(SCRIBE);
      expect(await page.getByTestId('step-step.command.report-head-office').textContent()).toContain(HEAD_OFFICE_CALLED);
    }

    // Both show the same timeline, entry for entry: the declaration, four records from each device.
    const tabletTimeline = await timeline(commander);
    expect(await timeline(scribe)).toEqual(tabletTimeline);
    expect(tabletTimeline).toHaveLength(9);
    expect(tabletTimeline.filter((entry) => entry.includes(COMMANDER_NOTE))).toHaveLength(1);
    expect(tabletTimeline.filter((entry) => entry.includes(SCRIBE_NOTE))).toHaveLength(1);
    expect(tabletTimeline.filter((entry) => entry.includes(`Skipped: `) && entry.includes(HEAD_OFFICE_CALLED))).toHaveLength(1);

    // The server holds every record once, from two devices; each device holds exactly those and has nothing left to send.
    const rows = onServer(incidentId);
    expect(new Set(rows.map((e) => e.id)).size).toBe(9);
    expect(new Set(rows.map((e) => e.device_id)).size).toBe(2);
    expect(
      rows
        .filter((e) => e.actor === COMMANDER)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['incident.declared', 'note.added', 'step.done', 'step.done', 'step.done']);
    expect(
      rows
        .filter((e) => e.actor === SCRIBE)
        .map((e) => e.type)
        .sort(),
    ).toEqual(['note.added', 'step.done', 'step.done', 'step.skipped']);
    const serverIds = rows.map((e) => e.id).sort();
    expect(await heldOnDevice(commander, incidentId)).toEqual({ ids: serverIds, waiting: 0 });
    expect(await heldOnDevice(scribe, incidentId)).toEqual({ ids: serverIds, waiting: 0 });
  }, 180_000);
});
