import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { openBundle, writeBundle, type BundleBody } from '../domain/handover/bundle';
import { deviceKeyFrom, issueDeviceCertificate, type DeviceKey } from '../domain/handover/keys';
import { formatStamp } from '../domain/hlc';
import { dutyStreamId } from '../domain/duty-log';
import type { PushRelay, PushResponse } from '../domain/sync-protocol';
import { openDb, type MusterDb } from '../storage/db';
import { appendEvent, deviceId, readStream, type WriteEnv } from '../storage/events';
import { originsOf, receivedBundleIds, storeOwnCertificate } from '../storage/handover';
import { collectBundle, deviceKey } from '../storage/handover-bundle';
import { photosAlongside } from '../storage/photos';
import { recordEvent } from '../storage/events';
import { applyPulledPage } from './apply';
import { emptySyncReport, pushOutbox } from './engine';
import { takeInBundle } from './handover';
import type { SyncTransport } from './transport';

// Two phones with no network (issue 21): what one hands over, the other holds exactly as the
// first does, each event once, queued for the server with the proof it needs; and back again.

const ORG = 'branch-riverside';
const T0 = Date.UTC(2026, 6, 14, 2, 0);
const orgKey = deviceKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) & 0xff));
const dbs: MusterDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

interface Phone {
  readonly db: MusterDb;
  readonly id: string;
  readonly key: DeviceKey;
  readonly env: WriteEnv & { clock: number };
}

async function phone(name: string, seed: number): Promise<Phone> {
  const db = openDb(`handover-${name}-${Math.random()}`);
  dbs.push(db);
  let n = seed * 1000;
  const env = {
    clock: T0,
    now: () => env.clock,
    random: (b: Uint8Array) => b.map(() => (n = (n * 1103515245 + 12345) & 0x7fffffff) & 0xff),
  };
  const id = await deviceId(db, env);
  const key = await deviceKey(db, env.random);
  const certificate = issueDeviceCertificate({ orgId: ORG, deviceId: id, publicKey: key.publicKey }, orgKey, new Date(T0).toISOString());
  await storeOwnCertificate(db, { certificate, orgPublicKey: orgKey.publicKey });
  return { db, id, key, env };
}

const note = (text: string) => ({ streamId: 'inc-flood', actor: '王值班', type: 'note.added' as const, payload: { text } });

async function handOver(from: Phone, to: Phone, bundleId: string, withPhotos = false): Promise<{ text: string; body: BundleBody }> {
  const { body } = await collectBundle(
    from.db,
    { bundleId, incidentId: 'inc-flood', dutySince: T0 - 3_600_000, withPhotos, label: `phone ${from.id}`, now: from.env.clock },
    { deviceId: from.id, key: from.key },
  );
  const text = writeBundle(body, from.key.secretKey);
  const received = await receivedBundleIds(to.db);
  const opened = openBundle(text, { org: { orgId: ORG, publicKey: orgKey.publicKey }, received: (id) => received.has(id) });
  if (!opened.ok) throw new Error(`refused: ${JSON.stringify(opened)}`);
  return { text, body: opened.body };
}

describe('handing an incident from phone to phone', () => {
  it('the receiving phone ends with the same incident, each event once, and queues for the server only what it lacks', async () => {
    const a = await phone('a', 1);
    const b = await phone('b', 2);
    // The day's duty-log entry goes with the incident; one from yesterday does not.
    a.env.clock = T0 - 86_400_000;
    await appendEvent(a.db, { streamId: dutyStreamId('支行'), actor: '王值班', type: 'duty.entry', payload: { text: '昨日交班' } }, a.env);
    a.env.clock = T0;
    for (let i = 0; i < 5; i++) {
      a.env.clock += 1000;
      await appendEvent(a.db, note(`B1 water ${i * 10} cm`), a.env);
    }
    // An event of a third phone, which phone A pulled from the server: no signature, a receipt.
    await applyPulledPage(
      a.db,
      {
        events: [
          {
            id: '0190a1b2-c3d4-7e5f-8a9b-000000000001',
            streamId: 'inc-flood',
            deviceId: 'd-third',
            actor: '张保安',
            hlc: formatStamp({ wall: T0 + 500, counter: 0, deviceId: 'd-third' }),
            type: 'note.added',
            payload: { text: '大门已关闭' },
            v: 1,
            seq: 7,
            receivedAt: new Date(T0 + 600).toISOString(),
            deliveredBy: 'gate phone',
          },
        ],
        next: 7,
        more: false,
        serverTime: new Date(T0).toISOString(),
      },
      a.id,
      a.env.clock,
    );
    a.env.clock = T0 + 10_000;
    await appendEvent(a.db, { streamId: dutyStreamId('支行'), actor: '王值班', type: 'duty.entry', payload: { text: '地下室进水，已上报' } }, a.env);

    const { body } = await handOver(a, b, 'hb-1');
    expect(body.dutyLogs).toEqual([dutyStreamId('支行')]);
    b.env.clock = T0 + 20_000;
    const taken = await takeInBundle(b.db, body, 'scan', b.id, b.env.clock);
    expect(taken).toEqual({ added: 7, held: 0, queued: 6, photos: 0, repeat: false });

    expect(await readStream(b.db, 'inc-flood')).toEqual(await readStream(a.db, 'inc-flood'));
    expect((await readStream(b.db, dutyStreamId('支行'))).map((e) => e.payload)).toEqual([{ text: '地下室进水，已上报' }]);
    // Queued for the server: phone A's events, each with A's signature and certificate; never the pulled one.
    const outbox = await b.db.outbox.toArray();
    expect(outbox.map((o) => o.event?.deviceId)).toEqual(Array(6).fill(a.id));
    expect(outbox.every((o) => o.relay?.certificate.deviceId === a.id && /^[0-9a-f]{128}$/.test(o.relay.signature))).toBe(true);
    // Where each event came from.
    const origins = await originsOf(b.db, 'inc-flood');
    expect([...origins.keys()].sort()).toEqual(
      (await readStream(b.db, 'inc-flood'))
        .map((e) => e.id)
        .concat((await readStream(b.db, dutyStreamId('支行'))).map((e) => e.id))
        .sort(),
    );
    expect([...origins.values()][0]).toMatchObject({ bundleId: 'hb-1', via: 'scan', sender: { deviceId: a.id }, receivedAt: T0 + 20_000, added: 7 });

    // The same showing scanned twice: refused before reading, and taking it in again changes nothing.
    const again = await takeInBundle(b.db, body, 'scan', b.id, b.env.clock);
    expect(again.repeat).toBe(true);
    expect(await b.db.outbox.count()).toBe(6);
    const received = await receivedBundleIds(b.db);
    expect(
      openBundle(writeBundle(body, a.key.secretKey), { org: { orgId: ORG, publicKey: orgKey.publicKey }, received: (id) => received.has(id) }),
    ).toMatchObject({
      ok: false,
      problem: 'already-received',
    });

    // The push carries the proofs the server needs to take A's events from B.
    const pushes: { ids: string[]; relayed: PushRelay | undefined }[] = [];
    const transport: SyncTransport = {
      push: (events, _encoded, relayed) => {
        pushes.push({ ids: events.map((e) => e.id), relayed });
        const response: PushResponse = {
          results: events.map((e, i) => ({ id: e.id, status: 'accepted', seq: 100 + i })),
          serverTime: new Date(T0).toISOString(),
        };
        return Promise.resolve(response);
      },
      pull: () => Promise.reject(new Error('not in this test')),
      whoami: () => Promise.reject(new Error('not in this test')),
    };
    await pushOutbox({ db: b.db, transport, ...b.env }, emptySyncReport());
    expect(pushes).toHaveLength(1);
    const [push] = pushes;
    expect(Object.keys(push?.relayed?.signatures ?? {}).sort()).toEqual([...(push?.ids ?? [])].sort());
    expect(push?.relayed?.certificates.map((c) => c.deviceId)).toEqual([a.id]);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('both directions: phone B hands back what it added, with phone A’s own events signed by A', async () => {
    const a = await phone('a2', 3);
    const b = await phone('b2', 4);
    a.env.clock += 1000;
    await appendEvent(a.db, note('一楼已疏散'), a.env);
    await takeInBundle(b.db, (await handOver(a, b, 'hb-a')).body, 'file', b.id, T0 + 2000);
    b.env.clock = T0 + 3000;
    await appendEvent(b.db, { ...note('行长到场接管指挥'), actor: '李行长' }, b.env);

    const back = await handOver(b, a, 'hb-b');
    // A's event travels on with A's signature (kept by B), and A's certificate with it.
    expect(back.body.certificates.map((c) => c.deviceId).sort()).toEqual([a.id, b.id].sort());
    const taken = await takeInBundle(a.db, back.body, 'file', a.id, T0 + 4000);
    expect(taken).toMatchObject({ added: 1, held: 1, queued: 1 });
    expect(await readStream(a.db, 'inc-flood')).toEqual(await readStream(b.db, 'inc-flood'));
  });

  it('the file carries the photos its notes name; the receiving phone keeps them and sends them on', async () => {
    const a = await phone('a3', 5);
    const b = await phone('b3', 6);
    const image = Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) & 0xff);
    const hash = bytesToHex(sha256(image));
    const ref = { hash, type: 'image/jpeg' as const, bytes: image.length, width: 64, height: 48 };
    await recordEvent(
      a.db,
      { ...note('配电房进水'), payload: { text: '配电房进水', photos: [ref] } },
      a.env,
      photosAlongside(a.db, [{ blob: new Blob([image], { type: 'image/jpeg' }), ref }], a.env.now),
    );
    const scan = await handOver(a, b, 'hb-scan');
    expect(scan.body.photos).toEqual([]);
    const file = await handOver(a, b, 'hb-file', true);
    expect(file.body.photos.map((p) => p.hash)).toEqual([hash]);
    expect(await takeInBundle(b.db, file.body, 'file', b.id, T0)).toMatchObject({ added: 1, photos: 1 });
    const row = await b.db.photos.get(hash);
    expect(row).toMatchObject({ hash, streamId: 'inc-flood', unsent: 1, bytes: image.length });
    expect(bytesToHex(sha256(new Uint8Array(await (row?.blob ?? new Blob()).arrayBuffer())))).toBe(hash);
  });
});
