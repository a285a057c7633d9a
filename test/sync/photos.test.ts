import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { photosAlongside, readPhotos, wantedPhotos, type TakenPhoto } from '../../src/storage/photos';
import { recordEvent } from '../../src/storage/events';
import { syncOnce } from '../../src/sync/engine';
import { wantedRetryDelay } from '../../src/sync/photos';
import { SyncError, type SyncTransport } from '../../src/sync/transport';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';

// A photo taken with a note travels beside it: the duty phone sends the event, then the image;
// the scribe's phone pulls the note, then fetches the image and keeps it only if its bytes hash
// to the name the note gives it. The engine against the real server in this process.

const ORG = 'riverside';
const INCIDENT = 'inc-flood-b1';

let server: TestServer | undefined;
const devices: TestDevice[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.dispose();
  server?.close();
  server = undefined;
  removeTempDirs();
});

function photo(size = 50_000): TakenPhoto {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { blob: new Blob([bytes], { type: 'image/jpeg' }), ref: { hash, type: 'image/jpeg', bytes: size, width: 1600, height: 1200 } };
}

async function setUp() {
  const clock = { now: T0 };
  server = new TestServer(tempDir('photos-sync'), () => clock.now);
  await server.addOrg(ORG);
  const duty = new TestDevice('duty', () => clock.now, 0, 11);
  const scribe = new TestDevice('scribe', () => clock.now, 0, 22);
  devices.push(duty, scribe);
  const s = server;
  const transports = { duty: duty.transport(s, await s.issueToken(ORG, 'duty phone')), scribe: scribe.transport(s, await s.issueToken(ORG, 'scribe phone')) };
  const round = (device: TestDevice, transport: SyncTransport) => syncOnce({ db: device.db, transport, ...device.env });
  const noteWith = (device: TestDevice, photos: TakenPhoto[]) =>
    recordEvent(
      device.db,
      { streamId: INCIDENT, actor: '王值班', type: 'note.added', payload: { text: 'Water at the vault door', photos: photos.map((p) => p.ref) } },
      device.env,
      photosAlongside(device.db, photos, device.env.now),
    );
  return { clock, duty, scribe, transports, round, noteWith };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('photos travel beside the events', () => {
  it('the duty phone’s photo reaches the scribe’s phone, byte for byte, each sent and fetched once', async () => {
    const { duty, scribe, transports, round, noteWith } = await setUp();
    const taken = photo();
    await noteWith(duty, [taken]);

    const sent = await round(duty, transports.duty);
    expect(sent.pushed).toBe(1);
    expect(sent.photos).toMatchObject({ sent: 1, refused: 0 });
    expect((await readPhotos(duty.db, [taken.ref.hash])).get(taken.ref.hash)?.unsent).toBe(0);
    // Nothing left to send: the next round sends nothing again.
    expect((await round(duty, transports.duty)).photos.sent).toBe(0);

    const got = await round(scribe, transports.scribe);
    expect(got.pulled).toBe(1);
    expect(got.photos).toMatchObject({ received: 1, mismatched: 0, waiting: 0, nextWantedAt: null });
    const row = (await readPhotos(scribe.db, [taken.ref.hash])).get(taken.ref.hash);
    expect(row).toMatchObject({ streamId: INCIDENT, type: 'image/jpeg', unsent: 0, width: 1600, height: 1200 });
    expect(await bytesOf(row!.blob)).toEqual(await bytesOf(taken.blob));
    // The scribe's phone never sends back what it received.
    expect((await round(scribe, transports.scribe)).photos).toMatchObject({ sent: 0, received: 0 });
  });

  it('a photo whose device is still offline is asked for again, soon, and arrives once sent', async () => {
    const { clock, duty, scribe, transports, round, noteWith } = await setUp();
    const taken = photo();
    await noteWith(duty, [taken]);
    // The event goes out, then the signal drops before the image does.
    const dropping: SyncTransport = {
      ...transports.duty,
      putBlob: () => Promise.reject(new SyncError('offline', 'No answer from the server: network down')),
    };
    await expect(round(duty, dropping)).rejects.toMatchObject({ kind: 'offline' });
    expect(server!.eventIds(ORG)).toHaveLength(1);

    const early = await round(scribe, transports.scribe);
    expect(early.photos).toMatchObject({ received: 0, waiting: 1, nextWantedAt: T0 + wantedRetryDelay(0) });
    expect(await wantedPhotos(scribe.db)).toMatchObject([{ hash: taken.ref.hash, tries: 1 }]);
    // Not due yet: not asked again.
    expect((await round(scribe, transports.scribe)).photos.waiting).toBe(1);

    expect((await round(duty, transports.duty)).photos.sent).toBe(1);
    clock.now += wantedRetryDelay(0);
    expect((await round(scribe, transports.scribe)).photos).toMatchObject({ received: 1, waiting: 0 });
    expect((await readPhotos(scribe.db, [taken.ref.hash])).has(taken.ref.hash)).toBe(true);
  });

  it('refuses bytes that do not match the photo’s hash, stores nothing, and says so', async () => {
    const { duty, scribe, transports, round, noteWith } = await setUp();
    const taken = photo();
    await noteWith(duty, [taken]);
    await round(duty, transports.duty);
    // Something on the way (a proxy, a broken cache) hands over other bytes.
    const tampering: SyncTransport = {
      ...transports.scribe,
      getBlob: async (hash) => {
        const real = await transports.scribe.getBlob!(hash);
        return real && { ...real, bytes: real.bytes.map((b, i) => (i === 100 ? b ^ 0xff : b)) };
      },
    };
    const report = await round(scribe, tampering);
    expect(report.photos).toMatchObject({ received: 0, mismatched: 1, waiting: 1 });
    expect((await readPhotos(scribe.db, [taken.ref.hash])).size).toBe(0);
    expect(await wantedPhotos(scribe.db)).toMatchObject([{ hash: taken.ref.hash, problem: 'mismatch' }]);
  });

  it('keeps a photo the server refuses for good on the phone, with the reason, and sends the others', async () => {
    const { duty, transports, round, noteWith } = await setUp();
    const [refusedOne, fine] = [photo(), photo()];
    await noteWith(duty, [refusedOne, fine]);
    const full: SyncTransport = {
      ...transports.duty,
      putBlob: (hash, ...rest) =>
        hash === refusedOne.ref.hash
          ? Promise.reject(new SyncError('refused', 'HTTP 413: full', 413, undefined, { code: 'incident-full', error: 'full' }))
          : transports.duty.putBlob!(hash, ...rest),
    };
    const report = await round(duty, full);
    expect(report.photos).toMatchObject({ sent: 1, refused: 1 });
    const rows = await readPhotos(duty.db, [refusedOne.ref.hash, fine.ref.hash]);
    expect(rows.get(refusedOne.ref.hash)).toMatchObject({ unsent: 0, refusal: 'incident-full' });
    expect(rows.get(fine.ref.hash)).toMatchObject({ unsent: 0 });
    expect((await round(duty, full)).photos).toMatchObject({ sent: 0, refused: 0 });
  });

  it('head office fetches the photo a branch’s note names from that branch', async () => {
    const { duty, transports, round, noteWith } = await setUp();
    const taken = photo();
    await noteWith(duty, [taken]);
    await round(duty, transports.duty);
    // Head office above the branch, with a head-office token of its own.
    const at = new Date(T0).toISOString();
    await server!.store.createOrg({ id: 'hq', name: 'Head office' }, at);
    await server!.store.setOrgParent(ORG, 'hq');
    const token = newDeviceToken();
    await server!.store.addDeviceToken({ id: 'dt-hq', orgId: 'hq', label: 'head office', tokenHash: hashDeviceToken(token), role: 'head-office' }, at);
    const hq = new TestDevice('hq', () => T0, 0, 33);
    devices.push(hq);
    const transport = hq.transport(server!, token);
    await syncOnce({ db: hq.db, transport, ...hq.env });
    const { syncBranches } = await import('../../src/sync/head-office');
    expect((await syncBranches({ db: hq.db, transport, now: hq.env.now })).added).toBe(1);
    expect(await wantedPhotos(hq.db)).toMatchObject([{ hash: taken.ref.hash, orgId: ORG }]);
    const { syncPhotos } = await import('../../src/sync/photos');
    expect(await syncPhotos({ db: hq.db, transport, now: hq.env.now, sends: false })).toMatchObject({ received: 1, waiting: 0 });
    expect(await bytesOf((await readPhotos(hq.db, [taken.ref.hash])).get(taken.ref.hash)!.blob)).toEqual(await bytesOf(taken.blob));
  });

  it('head office sends no photo, even one waiting on it', async () => {
    const { duty, transports, noteWith } = await setUp();
    await noteWith(duty, [photo()]);
    const { syncPhotos } = await import('../../src/sync/photos');
    let asked = 0;
    const counting: SyncTransport = {
      ...transports.duty,
      putBlob: () => {
        asked += 1;
        return Promise.resolve();
      },
    };
    const report = await syncPhotos({ db: duty.db, transport: counting, now: duty.env.now, sends: false });
    expect(asked).toBe(0);
    expect(report.sent).toBe(0);
  });
});
