import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isPhotoHash, isPhotoType, sniffPhotoType, type BlobRefusalCode } from '../domain/blob-protocol';
import { ID_PATTERN } from '../domain/event';
import { PHOTO_LIMITS } from '../domain/events/photo';
import { headOfficeReadOnly } from './head-office-api';
import { formatBytes, quotaRefusal, type CostLimits } from './rate-limit';
import { closeIfBodyUnread } from './request-body';
import type { EventStore } from './storage/types';
import type { DeviceEnv } from './sync-api';

interface BlobsApiOptions {
  storage: EventStore;
  /** Server wall clock (ms): when a photo was stored. */
  now: () => number;
  /** The organisation's storage quota, which photos share with events. */
  limits: CostLimits;
  /** The size limits; tests pass smaller ones. */
  photoLimits?: { readonly maxBytes: number; readonly maxBytesPerIncident: number };
}

/** A photo's address never changes what it holds (it is its hash), so a device may keep it for good. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

/**
 * Notes' photos (src/domain/blob-protocol.ts), mounted at /api/v1/blobs behind the sync API's
 * token check and rate limit. The organisation is the token's, never the request's: a photo is
 * stored under it and read from it only, so one organisation cannot read another's photos even
 * by knowing a hash. Head office reads a branch's (`?org=`) and sends none.
 */
export function createBlobsApi({ storage, now, limits, photoLimits = PHOTO_LIMITS }: BlobsApiOptions): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();

  api.put(
    '/:hash',
    headOfficeReadOnly('send photos'),
    async (c, next) => {
      // Everything that can be refused without the body is refused before it is read.
      const hash = c.req.param('hash');
      const stream = c.req.query('stream');
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      const early = !isPhotoHash(hash)
        ? refusal(400, 'bad-hash', 'The address must end in the photo’s SHA-256 as 64 lower-case hexadecimal digits')
        : stream === undefined || !ID_PATTERN.test(stream)
          ? refusal(400, 'bad-stream', 'Name the incident whose note carries the photo: ?stream=<incident id> (1-64 letters, digits or -_.:~)')
          : !isPhotoType(type)
            ? refusal(415, 'not-a-photo', `Send a photo as image/jpeg or image/webp; got ${type || 'no Content-Type'}`)
            : undefined;
      if (early) {
        closeIfBodyUnread(c);
        return c.json(early.body, early.status);
      }
      return next();
    },
    bodyLimit({
      maxSize: photoLimits.maxBytes,
      onError: (c) => {
        // The rest of the body stays unread, so this connection cannot carry another request.
        c.header('Connection', 'close');
        const answer = refusal(413, 'photo-too-large', `A photo may be at most ${formatBytes(photoLimits.maxBytes)}; resize it on the device`);
        return c.json(answer.body, answer.status);
      },
    }),
    async (c) => {
      const device = c.get('device');
      const hash = c.req.param('hash');
      const streamId = c.req.query('stream') ?? '';
      const declared = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
      const data = new Uint8Array(await c.req.arrayBuffer());
      const sniffed = sniffPhotoType(data);
      const answer = (r: Refusal) => c.json(r.body, r.status);
      if (data.length === 0 || sniffed === undefined || sniffed !== declared) {
        return answer(refusal(415, 'not-a-photo', `The body is not a ${declared === 'image/webp' ? 'WebP' : 'JPEG'} image (its first bytes say otherwise)`));
      }
      const actual = createHash('sha256').update(data).digest('hex');
      if (actual !== hash) {
        return answer(refusal(400, 'hash-mismatch', `The body’s SHA-256 is ${actual}, not ${hash}: it was damaged on the way, or is another image`));
      }
      // The organisation's quota counts photos with events (as a push checks it, before the write).
      const stored = (await storage.storedEventBytes(device.orgId)) + (await storage.storedBlobBytes(device.orgId));
      const overQuota = quotaRefusal(stored, data.length, limits.orgQuotaBytes);
      if (overQuota !== undefined && (await storage.getBlob(device.orgId, hash)) === undefined) {
        return answer(refusal(507, 'org-quota', overQuota));
      }
      const outcome = await storage.putBlob(
        device.orgId,
        { hash, streamId, type: sniffed, data, tokenId: device.id },
        photoLimits.maxBytesPerIncident,
        new Date(now()).toISOString(),
      );
      switch (outcome.status) {
        case 'duplicate':
          return c.json({ hash, status: 'duplicate' }, 200);
        case 'stored':
          return c.json({ hash, status: 'stored', bytes: data.length }, 201);
        case 'incidentFull':
          return answer(
            refusal(
              413,
              'incident-full',
              `Incident ${streamId} already has ${formatBytes(outcome.streamBytes)} of photos; this one (${formatBytes(data.length)}) would pass the limit of ${formatBytes(photoLimits.maxBytesPerIncident)} per incident`,
            ),
          );
      }
    },
  );

  api.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!isPhotoHash(hash))
      return c.json(refusal(400, 'bad-hash', 'The address must end in the photo’s SHA-256 as 64 lower-case hexadecimal digits').body, 400);
    const orgId = await readableOrg(c, storage);
    if (orgId instanceof Response) return orgId;
    const blob = orgId === undefined ? undefined : await storage.getBlob(orgId, hash);
    // The same answer for a photo of an organisation this token cannot read, so hashes cannot be probed.
    if (!blob) return c.json({ error: `No photo ${hash} here yet: the device that took it may not have sent it` }, 404);
    return c.body(blob.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': blob.type,
      'Content-Length': String(blob.data.length),
      'Cache-Control': IMMUTABLE,
    });
  });

  return api;
}

interface Refusal {
  readonly status: 400 | 413 | 415 | 507;
  readonly body: { readonly code: BlobRefusalCode; readonly error: string };
}

function refusal(status: Refusal['status'], code: BlobRefusalCode, error: string): Refusal {
  return { status, body: { code, error } };
}

/**
 * Whose photos the request may read: the token's organisation, or with `?org=` a branch below a
 * head-office token's (undefined for any other: answered as "not here"). A token that is not
 * head office's naming another organisation is told it may not.
 */
async function readableOrg(c: Context<DeviceEnv>, storage: EventStore): Promise<string | undefined | Response> {
  const device = c.get('device');
  const asked = c.req.query('org');
  if (asked === undefined || asked === device.orgId) return device.orgId;
  if (device.role !== 'head-office') {
    return c.json({ code: 'not-head-office', error: 'Only a head-office device reads photos of other organisations (its branches).' }, 403);
  }
  return (await storage.descendantOrgs(device.orgId)).some((o) => o.id === asked) ? asked : undefined;
}
