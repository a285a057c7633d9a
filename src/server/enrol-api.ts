import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { EnrolRefusal, EnrolRefusalCode, EnrolResponse, RotateResponse } from '../domain/enrolment';
import { ID_PATTERN } from '../domain/event';
import { isRecord } from '../domain/validation';
import { closeIfBodyUnread, isJsonContentType } from './request-body';
import { parseStrictJson, StrictJsonError } from './strict-json';
import type { EventStore } from './storage/types';
import type { DeviceEnv } from './sync-api';
import { hashDeviceToken, hashEnrolmentCode, looksLikeEnrolmentCode, newDeviceToken } from './tokens';

interface EnrolApiOptions {
  storage: EventStore;
  /** Server wall clock (ms): when a code is used, and whether it has expired. */
  now?: () => number;
  /**
   * The limit for requests without a token (sync-api.ts passes its per-address one), asked
   * before the body is read; undefined admits.
   */
  admit?: (c: Context) => { retryAfter: number; message: string } | undefined;
}

/** An enrolment body is a code and a device id: a few hundred bytes at most. */
const MAX_ENROL_BODY_BYTES = 1024;

const NEW_LINK = 'Ask your administrator for a new enrolment link (npm run admin -- device add …).';

/**
 * `POST /api/v1/enrol`, mounted before the token check because the device has no token yet:
 * the one-time code from the link buys the device a token of its own, made now and shown only
 * in this answer. The code is the only secret it takes, and it works once.
 */
export function createEnrolApi({ storage, now = Date.now, admit = () => undefined }: EnrolApiOptions): Hono {
  const api = new Hono();
  api.post(
    '/enrol',
    async (c, next) => {
      const refused = admit(c);
      if (!refused) return next();
      closeIfBodyUnread(c);
      c.header('Retry-After', String(refused.retryAfter));
      return c.json({ error: refused.message }, 429);
    },
    bodyLimit({
      maxSize: MAX_ENROL_BODY_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        return c.json({ error: `An enrolment request is { "code": "mse_…" }, under ${MAX_ENROL_BODY_BYTES} bytes` }, 413);
      },
    }),
    async (c) => {
      if (!isJsonContentType(c.req.header('content-type'))) {
        closeIfBodyUnread(c);
        return c.json({ error: 'Send the code as JSON (Content-Type: application/json)' }, 415);
      }
      const body = readEnrolBody(await c.req.text());
      if (!body.ok) return c.json({ error: body.error }, 400);

      const token = newDeviceToken();
      const at = new Date(now()).toISOString();
      const outcome = await storage.redeemEnrolmentCode(hashEnrolmentCode(body.code), hashDeviceToken(token), body.deviceId, at);
      if (outcome.status === 'unknown') {
        return c.json(refusal('unknown', `This enrolment link is not one this server issued. ${NEW_LINK}`), 404);
      }
      if (outcome.status !== 'enrolled') {
        const { code } = outcome;
        const why =
          outcome.status === 'used'
            ? `This enrolment link was already used (at ${code.usedAt ?? 'an earlier time'}); a link enrols one device, once.`
            : outcome.status === 'expired'
              ? `This enrolment link expired at ${code.expiresAt}.`
              : `This enrolment link was withdrawn by the administrator at ${code.cancelledAt ?? 'an earlier time'}.`;
        return c.json(refusal(outcome.status, `${why} ${NEW_LINK}`), 410);
      }
      const { code } = outcome;
      const org = await storage.getOrg(code.orgId);
      const answer: EnrolResponse = {
        token,
        tokenId: code.tokenId,
        org: { id: code.orgId, name: org?.name ?? code.orgId },
        label: code.label,
        role: code.role,
      };
      return c.json(answer);
    },
  );
  return api;
}

/**
 * `POST /api/v1/token/rotate`, mounted behind the token check: a new token for the device that
 * asks, with the same id, organisation, label and role. The old one is not revoked here but
 * when the new one is first used (sync-api.ts `authenticate`): if this answer is lost on the
 * way, the device still holds a working token and simply asks again, which replaces the
 * unused new token. Once the device has used the new token, the old one never works again.
 */
export function createTokenApi({ storage }: Pick<EnrolApiOptions, 'storage'>): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();
  api.post('/rotate', async (c) => {
    const device = c.get('device');
    const token = newDeviceToken();
    if (!(await storage.setNextTokenHash(device.id, hashDeviceToken(token)))) {
      return c.json({ error: 'This device token was revoked while the request was under way. Enrol this device again.' }, 401);
    }
    const answer: RotateResponse = { token, tokenId: device.id };
    return c.json(answer);
  });
  return api;
}

function refusal(code: EnrolRefusalCode, error: string): EnrolRefusal {
  return { code, error };
}

type EnrolBody = { ok: true; code: string; deviceId: string | null } | { ok: false; error: string };

function readEnrolBody(text: string): EnrolBody {
  let body: unknown;
  try {
    body = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return { ok: false, error: `The body is refused: ${error.message}` };
    throw error;
  }
  if (!isRecord(body)) return { ok: false, error: 'The body must be a JSON object: { "code": "mse_…" }' };
  const extra = Object.keys(body).filter((k) => k !== 'code' && k !== 'deviceId');
  if (extra.length > 0) return { ok: false, error: `Unknown field ${JSON.stringify(extra[0])}; the body is { "code": "mse_…", "deviceId": "…" }` };
  if (typeof body.code !== 'string' || !looksLikeEnrolmentCode(body.code)) {
    return { ok: false, error: `code must be the enrolment code from the link (mse_ and 22 letters, digits, - or _). ${NEW_LINK}` };
  }
  if (body.deviceId !== undefined && (typeof body.deviceId !== 'string' || !ID_PATTERN.test(body.deviceId))) {
    return { ok: false, error: 'deviceId must be 1-64 letters, digits or -_.:~' };
  }
  return { ok: true, code: body.code, deviceId: typeof body.deviceId === 'string' ? body.deviceId : null };
}
