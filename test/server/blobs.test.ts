import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { blobPath } from '../../src/domain/blob-protocol';
import { createApp } from '../../src/server/app';
import { DEFAULT_COST_LIMITS } from '../../src/server/rate-limit';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Notes' photos over real HTTP with a real SQLite file: the Shenzhen branch's duty phone sends
// the photo of the flooded basement, another of its phones fetches it, and nobody else can.
// Limits are small here (4 KiB a photo, 10 KiB an incident) so the refusals are cheap to reach.

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
const LIMITS = { maxBytes: 4096, maxBytesPerIncident: 10_000 };
const INCIDENT = 'inc-flood-b1';

type Device = 'duty' | 'scribe' | 'headOffice' | 'stranger';
const ORG_OF: Record<Device, string> = { duty: 'br-sz', scribe: 'br-sz', headOffice: 'hq', stranger: 'other-bank' };

/** A JPEG as far as the server can tell (its first bytes), `size` bytes long, different each time. */
function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

function webp(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]);
  return bytes;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface Answer {
  status: number;
  headers: Headers;
  json: { code?: string; error?: string; status?: string } | null;
  bytes: Uint8Array;
}

interface Muster {
  store: SqliteEventStore;
  put(device: Device, bytes: Uint8Array, opts?: { hash?: string; type?: string; stream?: string }): Promise<Answer>;
  get(device: Device, hash: string, org?: string): Promise<Answer>;
  stop(): Promise<void>;
}

const running: Muster[] = [];
afterEach(async () => {
  for (const m of running.splice(0)) await m.stop();
  removeTempDirs();
});

async function startMuster(orgQuotaBytes = DEFAULT_COST_LIMITS.orgQuotaBytes): Promise<Muster> {
  const work = makeTempDir('blobs');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  const store = openSqliteStore(join(work, 'data'));
  const at = new Date(T0).toISOString();
  await store.createOrg({ id: 'hq', name: 'Head office' }, at);
  await store.createOrg({ id: 'br-sz', name: 'Shenzhen', parentId: 'hq' }, at);
  await store.createOrg({ id: 'other-bank', name: 'Another bank' }, at);
  const tokens = {} as Record<Device, string>;
  for (const device of Object.keys(ORG_OF) as Device[]) {
    tokens[device] = newDeviceToken();
    await store.addDeviceToken(
      {
        id: `dt-${device}`,
        orgId: ORG_OF[device],
        label: `${device} phone`,
        tokenHash: hashDeviceToken(tokens[device]),
        role: device === 'headOffice' ? 'head-office' : 'member',
      },
      at,
    );
  }
  const app = createApp({
    storage: store,
    version: 'test',
    staticDir: join(work, 'dist'),
    now: () => T0,
    rateLimit: { burst: 1e9, perSecond: 1e9 },
    limits: { ...DEFAULT_COST_LIMITS, orgQuotaBytes },
    photoLimits: LIMITS,
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const answer = async (res: Response): Promise<Answer> => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    const json = (res.headers.get('content-type') ?? '').startsWith('application/json')
      ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as Answer['json'])
      : null;
    return { status: res.status, headers: res.headers, json, bytes };
  };
  const muster: Muster = {
    store,
    async put(device, bytes, opts = {}) {
      const path = `${blobPath(opts.hash ?? sha256(bytes))}${opts.stream === '' ? '' : `?stream=${opts.stream ?? INCIDENT}`}`;
      const res = await fetch(`${base}${path}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${tokens[device]}`, 'Content-Type': opts.type ?? 'image/jpeg' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      return answer(res);
    },
    async get(device, hash, org) {
      return answer(await fetch(`${base}${blobPath(hash, org ? { org } : {})}`, { headers: { Authorization: `Bearer ${tokens[device]}` } }));
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((closed) => server.close(closed));
      store.close();
    },
  };
  running.push(muster);
  return muster;
}

describe('photos sent beside the events', () => {
  it('stores the duty phone’s photo once, hands the same bytes to another phone of the branch, cached for good', async () => {
    const muster = await startMuster();
    const photo = jpeg(3000);
    const hash = sha256(photo);

    const first = await muster.put('duty', photo);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'stored' });
    // Sent again (the answer was lost on the way): harmless, nothing stored twice.
    const again = await muster.put('duty', photo);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: 'duplicate' });
    expect(await muster.store.blobBytesForStream('br-sz', INCIDENT)).toBe(3000);

    const got = await muster.get('scribe', hash);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(got.headers.get('content-length')).toBe('3000');
    expect(sha256(got.bytes)).toBe(hash);

    // A WebP is a photo too, by its own bytes.
    const small = webp(500);
    expect((await muster.put('scribe', small, { type: 'image/webp' })).status).toBe(201);
    expect((await muster.get('duty', sha256(small))).headers.get('content-type')).toBe('image/webp');
    // The API's other answers still must not be cached.
    const missing = await muster.get('duty', sha256(jpeg(10)));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a body whose SHA-256 is not its address, a malformed address, and a missing incident', async () => {
    const muster = await startMuster();
    const photo = jpeg(1000);
    const other = sha256(jpeg(1000));
    const mismatch = await muster.put('duty', photo, { hash: other });
    expect(mismatch.status).toBe(400);
    expect(mismatch.json).toMatchObject({ code: 'hash-mismatch' });
    expect(mismatch.json?.error).toContain(sha256(photo));
    expect((await muster.put('duty', photo, { hash: 'ABC' })).json).toMatchObject({ code: 'bad-hash' });
    expect((await muster.put('duty', photo, { stream: '' })).json).toMatchObject({ code: 'bad-stream' });
    expect((await muster.get('duty', 'not-a-hash')).status).toBe(400);
    // Nothing of it was stored, under either hash.
    expect((await muster.get('duty', other)).status).toBe(404);
    expect((await muster.get('duty', sha256(photo))).status).toBe(404);
  });

  it('refuses what is not a JPEG or WebP, whatever the header says', async () => {
    const muster = await startMuster();
    const page = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    const asJpeg = await muster.put('duty', page, { type: 'image/jpeg' });
    expect(asJpeg.status).toBe(415);
    expect(asJpeg.json).toMatchObject({ code: 'not-a-photo' });
    expect((await muster.put('duty', page, { type: 'text/html' })).status).toBe(415);
    // A JPEG sent as WebP: the bytes and the header disagree.
    expect((await muster.put('duty', jpeg(100), { type: 'image/webp' })).status).toBe(415);
    expect(await muster.store.storedBlobBytes('br-sz')).toBe(0);
  });

  it('refuses a photo over the size limit, and an incident over its total, saying why', async () => {
    const muster = await startMuster();
    const big = await muster.put('duty', jpeg(LIMITS.maxBytes + 1));
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ code: 'photo-too-large' });
    expect(big.json?.error).toContain('4 KiB');

    // 4000 + 4000 fit in 10,000 bytes; a third does not, while another incident still takes it.
    expect((await muster.put('duty', jpeg(4000))).status).toBe(201);
    expect((await muster.put('duty', jpeg(4000))).status).toBe(201);
    const third = jpeg(4000);
    const full = await muster.put('duty', third);
    expect(full.status).toBe(413);
    expect(full.json).toMatchObject({ code: 'incident-full' });
    expect(full.json?.error).toContain(INCIDENT);
    expect((await muster.put('duty', third, { stream: 'inc-fire-2f' })).status).toBe(201);
    expect(await muster.store.blobBytesForStream('br-sz', INCIDENT)).toBe(8000);
    expect(await muster.store.blobBytesForStream('br-sz', 'inc-fire-2f')).toBe(4000);
  });

  it('counts photos against the organisation’s storage quota', async () => {
    const muster = await startMuster(5000);
    expect((await muster.put('duty', jpeg(3000))).status).toBe(201);
    const over = jpeg(3000);
    const refused = await muster.put('duty', over, { stream: 'inc-fire-2f' });
    expect(refused.status).toBe(507);
    expect(refused.json).toMatchObject({ code: 'org-quota' });
    expect(refused.json?.error).toMatch(/quota/);
    expect(await muster.store.storedBlobBytes('br-sz')).toBe(3000);
  });

  it('keeps each organisation’s photos its own: another bank gets “not here”, even knowing the hash', async () => {
    const muster = await startMuster();
    const photo = jpeg(2000);
    expect((await muster.put('duty', photo)).status).toBe(201);
    const stranger = await muster.get('stranger', sha256(photo));
    expect(stranger.status).toBe(404);
    expect(stranger.bytes.length).toBeLessThan(200);
    // Naming the branch does not help a member of another organisation.
    expect((await muster.get('stranger', sha256(photo), 'br-sz')).status).toBe(403);
    // The same image sent by the other bank is its own copy, counted to it.
    expect((await muster.put('stranger', photo)).status).toBe(201);
    expect(await muster.store.storedBlobBytes('other-bank')).toBe(2000);
  });

  it('lets head office read its branch’s photos and send none', async () => {
    const muster = await startMuster();
    const photo = jpeg(2000);
    expect((await muster.put('duty', photo)).status).toBe(201);
    const refused = await muster.put('headOffice', jpeg(2000));
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: 'read-only' });
    expect(await muster.store.storedBlobBytes('hq')).toBe(0);

    const read = await muster.get('headOffice', sha256(photo), 'br-sz');
    expect(read.status).toBe(200);
    expect(sha256(read.bytes)).toBe(sha256(photo));
    // Its own organisation has no such photo, and an organisation not below it answers as if it had none.
    expect((await muster.get('headOffice', sha256(photo))).status).toBe(404);
    expect((await muster.get('headOffice', sha256(photo), 'other-bank')).status).toBe(404);
  });

  it('asks for a token, as every sync request does', async () => {
    const muster = await startMuster();
    const photo = jpeg(100);
    // A revoked token: 401, nothing stored, nothing read.
    expect((await muster.put('scribe', photo)).status).toBe(201);
    await muster.store.revokeDeviceToken('dt-duty', new Date(T0).toISOString());
    expect((await muster.put('duty', jpeg(100))).status).toBe(401);
    expect((await muster.get('duty', sha256(photo))).status).toBe(401);
    expect(await muster.store.storedBlobBytes('br-sz')).toBe(100);
  });
});
