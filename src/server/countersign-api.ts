import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { countersign, HEX_SHA256, keyIdOf, publicKeyOf, type CountersignResponse } from '../domain/report/seal';
import { isRecord } from '../domain/validation';
import { readStrictBody } from './request-body';
import type { EventStore, OrgSigningKey } from './storage/types';
import type { DeviceEnv } from './sync-api';

/** A request is one hash: anything longer is not one. */
const MAX_COUNTERSIGN_BYTES = 1024;

/**
 * The organisation's countersigning key, made on first need: 32 bytes from the OS's CSPRNG
 * (node:crypto) as the Ed25519 seed. Used by the route and by `npm run admin -- org key`.
 */
export function orgSigningKey(storage: EventStore, orgId: string, at: string): Promise<OrgSigningKey> {
  const secretKey = randomBytes(32).toString('hex');
  const publicKey = publicKeyOf(secretKey);
  return storage.orgSigningKey(orgId, { keyId: keyIdOf(publicKey), publicKey, secretKey }, at);
}

/**
 * POST /api/v1/countersign {headerHash}: the server signs a report's hash with the
 * organisation's own Ed25519 key, so a report exported online can later be shown to match what
 * an enrolled device of the organisation presented at that time. Mounted behind the sync API's
 * token check and rate limit (sync-api.ts); the organisation is the token's. The server sees
 * only the hash, never the report.
 */
export function createCountersignApi({ storage, now = Date.now }: { storage: EventStore; now?: () => number }): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();
  api.post(
    '/',
    bodyLimit({
      maxSize: MAX_COUNTERSIGN_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: `The request body is over ${MAX_COUNTERSIGN_BYTES} bytes; send only {"headerHash": "<64 hex digits>"}` }, 413);
      },
    }),
    async (c) => {
      const read = await readStrictBody(c, 'the report hash');
      if (!read.ok) return read.refusal;
      const body = read.body;
      const hash = isRecord(body) ? body.headerHash : undefined;
      if (typeof hash !== 'string' || !HEX_SHA256.test(hash) || Object.keys(body as object).length !== 1)
        return c.json({ error: 'Send {"headerHash": "<the report hash: 64 lower-case hex digits>"} and nothing else' }, 400);
      const at = new Date(now()).toISOString();
      const key = await orgSigningKey(storage, c.get('device').orgId, at);
      const { signature, publicKey, keyId, signedAt } = countersign(hash, key, at);
      return c.json({ signature, publicKey, keyId, signedAt } satisfies CountersignResponse);
    },
  );
  return api;
}
