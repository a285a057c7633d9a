import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ID_PATTERN } from '../domain/event';
import { issueDeviceCertificate } from '../domain/handover/keys';
import { HEX_SHA256 } from '../domain/report/seal';
import type { CertificateResponse } from '../domain/sync-protocol';
import { isRecord } from '../domain/validation';
import { orgSigningKey } from './countersign-api';
import { readStrictBody } from './request-body';
import type { EventStore } from './storage/types';
import type { DeviceEnv } from './sync-api';

/** A request is a device id and a key: anything longer is not one. */
const MAX_CERTIFICATE_REQUEST_BYTES = 1024;

const REQUEST_SHAPE = '{"deviceId": "<this device\'s id>", "publicKey": "<its Ed25519 public key: 64 lower-case hex digits>"}';

/**
 * POST /api/v1/device/certificate {deviceId, publicKey} (DEVICE_CERTIFICATE_PATH): the
 * organisation's key (the one that countersigns reports) certifies the device's own Ed25519
 * key, so other phones of the organisation, and this server, believe events it signs when they
 * reach them by hand (src/domain/handover/README.md). Only for the device id the token is
 * bound to: a token not bound yet is bound to it here, as by a first push. Mounted behind the
 * sync API's token check, rate limit and head-office refusal (sync-api.ts).
 */
export function createCertificateApi({ storage, now = Date.now }: { storage: EventStore; now?: () => number }): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();
  api.post(
    '/',
    bodyLimit({
      maxSize: MAX_CERTIFICATE_REQUEST_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: `The request body is over ${MAX_CERTIFICATE_REQUEST_BYTES} bytes; send only ${REQUEST_SHAPE}` }, 413);
      },
    }),
    async (c) => {
      const read = await readStrictBody(c, 'the device id and key');
      if (!read.ok) return read.refusal;
      const body = read.body;
      const problem = requestProblem(body);
      if (problem !== undefined) return c.json({ error: `${problem}. Send ${REQUEST_SHAPE} and nothing else` }, 400);
      const { deviceId, publicKey } = body as { deviceId: string; publicKey: string };

      const device = c.get('device');
      // The same rule as a push: one device id per token, and no other active token of the organisation holding it.
      const bound = await storage.bindTokenDevice(device.id, deviceId);
      if (bound !== deviceId) {
        const error =
          bound === undefined
            ? `Device ${deviceId} belongs to another device token of this organisation: a device gets a certificate only for its own device id, with its own token. Enrol this device with its own token.`
            : `This device token belongs to device ${bound}, not ${deviceId}: a device gets a certificate only for its own device id. Enrol device ${deviceId} with its own token.`;
        return c.json({ error }, 409);
      }
      const at = new Date(now()).toISOString();
      const key = await orgSigningKey(storage, device.orgId, at);
      const certificate = issueDeviceCertificate({ orgId: device.orgId, deviceId, publicKey }, key, at);
      return c.json({ certificate, orgPublicKey: key.publicKey } satisfies CertificateResponse);
    },
  );
  return api;
}

/** What is wrong with a certificate request, naming the field; undefined when it is one. */
function requestProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'The body must be a JSON object';
  const extra = Object.keys(body).find((k) => k !== 'deviceId' && k !== 'publicKey');
  if (extra !== undefined) return `Unknown field ${JSON.stringify(extra)}`;
  // The rule of an event's deviceId (validateEvent), so the certificate names a device id its events can carry.
  if (typeof body.deviceId !== 'string' || !ID_PATTERN.test(body.deviceId)) return 'deviceId must be the device id: 1-64 letters, digits or -_.:~';
  if (typeof body.publicKey !== 'string' || !HEX_SHA256.test(body.publicKey)) return 'publicKey must be an Ed25519 public key: 64 lower-case hex digits';
  return undefined;
}
