import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validateEvent, type MusterEvent } from '../domain/event';
import { stampTime } from '../domain/hlc';
import { MAX_BODY_BYTES, MAX_CLOCK_AHEAD_MS, MAX_EVENT_BYTES, MAX_PUSH_EVENTS, type PushResult } from '../domain/sync-protocol';
import { formatIssues, isRecord } from '../domain/validation';
import { orgSigningKey } from './countersign-api';
import { headOfficeReadOnly } from './head-office-api';
import type { HintBus } from './hints';
import { createLogSummary, formatCount } from './log-summary';
import { readPushRelay, relayJudge, type RelayProof } from './push-relay';
import { quotaRefusal, storedEventBytes, type CostLimits } from './rate-limit';
import { isJsonContentType } from './request-body';
import { parseStrictJson, StrictJsonError } from './strict-json';
import type { EventStore } from './storage/types';
import type { DeviceEnv } from './sync-api';

/**
 * POST /api/v1/events, the push (PushResponse in sync-protocol.ts): mounted by sync-api.ts behind
 * its token check and rate limit. Each event is checked on its own and stored once by its id;
 * the organisation is the token's, and a token pushes only its own device's events, or another
 * device's with that device's proof (push-relay.ts).
 */
export function createPushApi({
  storage,
  limits,
  now,
  warn,
  hints,
}: {
  storage: EventStore;
  limits: CostLimits;
  now: () => number;
  /** Where refused conflicting pushes are reported. */
  warn: (message: string) => void;
  /** Told of each push that stores something new. */
  hints: HintBus;
}): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();
  const conflictLog = createLogSummary({ log: warn, now });

  api.post(
    '/',
    headOfficeReadOnly('push events'),
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is left unread, so this connection cannot carry another
        // request: say so, or the client's next request on it fails as if the server died.
        c.header('Connection', 'close');
        return c.json({ error: `The request body is over ${MAX_BODY_BYTES} bytes; push fewer events at once` }, 413);
      },
    }),
    async (c) => {
      if (!isJsonContentType(c.req.header('content-type'))) {
        return c.json({ error: 'Send the events as JSON (Content-Type: application/json)' }, 415);
      }
      const body = readPushBody(await c.req.text());
      if (!body.ok) return c.json({ error: body.error }, body.status);
      const { events: parsed, relay } = body;

      const device = c.get('device');
      const results: PushResult[] = new Array<PushResult>(parsed.length);
      const valid: { index: number; event: MusterEvent }[] = [];
      parsed.forEach((raw, index) => {
        const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
        if (bytes > MAX_EVENT_BYTES) {
          // One page must hold a few events: a bigger one would make every pull of it huge.
          results[index] = {
            id: idOf(raw),
            status: 'rejected',
            code: 'too-large',
            reason: `The event is ${bytes} bytes of JSON; at most ${MAX_EVENT_BYTES} are allowed`,
          };
          return;
        }
        const checked = validateEvent(raw);
        if (checked.ok) valid.push({ index, event: checked.value });
        else results[index] = { id: idOf(raw), status: 'rejected', code: 'invalid', reason: formatIssues(checked.issues) };
      });
      // The token's first push binds its device id; from then on only that device's events,
      // stamped no further ahead than MAX_CLOCK_AHEAD_MS, get in (pushRefusal). An event relayed
      // with its signature is another phone's, so it never binds the token that carries it.
      const binding = relay ? valid.find((v) => !relay.signatures.has(v.event.id)) : valid[0];
      const bound = binding ? await storage.bindTokenDevice(device.id, binding.event.deviceId) : undefined;
      const serverNow = now();
      // Another device's event gets in only with its proof (push-relay.ts); the organisation's
      // key is read only for a push that carries some and needs it.
      const orgKey =
        relay && valid.some((v) => v.event.deviceId !== bound) ? await orgSigningKey(storage, device.orgId, new Date(serverNow).toISOString()) : undefined;
      const judge = relay && orgKey ? relayJudge(relay, { orgId: device.orgId, publicKey: orgKey.publicKey }) : undefined;
      for (let i = valid.length - 1; i >= 0; i--) {
        const { index, event } = valid[i]!;
        const refusal = pushRefusal(event, bound, serverNow, judge);
        if (refusal === undefined) continue;
        results[index] = { id: event.id, status: 'rejected', ...refusal };
        valid.splice(i, 1);
      }
      // Checked before the write, so a refused push stores nothing (see quotaRefusal).
      const incoming = valid.reduce((sum, v) => sum + storedEventBytes(v.event), 0);
      // One quota for everything the organisation stores: its events and its photos (blobs-api.ts counts both too).
      const stored = (await storage.storedEventBytes(device.orgId)) + (await storage.storedBlobBytes(device.orgId));
      const overQuota = quotaRefusal(stored, incoming, limits.orgQuotaBytes);
      if (overQuota !== undefined) return c.json({ error: overQuota }, 507);
      const receivedAt = new Date(now()).toISOString();
      const outcomes = await storage.appendEvents(
        device.orgId,
        valid.map((v) => v.event),
        receivedAt,
        device.id,
      );
      valid.forEach(({ index, event }, i) => {
        const outcome = outcomes[i];
        if (outcome === undefined) throw new Error('the store answered fewer events than it was given');
        if (outcome.status === 'conflict') {
          // Someone sent different content under an id already stored: a bug or tampering,
          // never a retry. The stored event stays; the device hears why; the log keeps who,
          // once a minute per token with a count, so a flood of them cannot fill the disk.
          conflictLog.note(
            device.id,
            () =>
              `Muster: refused event ${event.id} from device token ${device.id} (org ${device.orgId}): that id is stored (seq ${outcome.seq}) with different content`,
            (more) => `Muster: … and ${formatCount(more)} more conflicting events from device token ${device.id} (org ${device.orgId}) in the last minute`,
          );
          results[index] = { id: event.id, status: 'rejected', code: 'conflict', reason: 'An event with this id is already stored with different content' };
        } else {
          results[index] = { id: event.id, status: outcome.status, seq: outcome.seq };
        }
      });
      // Tell the organisation's open streams; only a new event moves the seq.
      const newest = outcomes.reduce((max, o) => (o.status === 'accepted' ? Math.max(max, o.seq) : max), 0);
      if (newest > 0) hints.publish(device.orgId, newest);
      // The receipt a pull would carry for each accepted event: the device keeps it and never pulls its own events back.
      return c.json({ results, serverTime: receivedAt, receipt: { receivedAt, deliveredBy: device.label }, epoch: await storage.databaseEpoch() });
    },
  );
  return api;
}

type PushBody = { ok: true; events: unknown[]; relay: RelayProof | undefined } | { ok: false; status: 400 | 413; error: string };

/** The events of a push body and the proof of those it relays, or why the body is refused. */
function readPushBody(text: string): PushBody {
  const refuse = (error: string, status: 400 | 413 = 400): PushBody => ({ ok: false, status, error });
  let body: unknown;
  try {
    body = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return refuse(`The body is refused: ${error.message}`);
    throw error;
  }
  if (!isRecord(body)) return refuse('The body must be a JSON object: { "events": [ … ] }');
  const extra = Object.keys(body).filter((k) => k !== 'events' && k !== 'relayed');
  if (extra.length > 0)
    return refuse(`Unknown field ${JSON.stringify(extra[0])}; the body is { "events": [ … ] }, with "relayed": { … } when it carries other devices' events`);
  if (!Array.isArray(body.events)) return refuse('events must be a list of events');
  // 413, not 400: the batch is fine in itself, the device should send it in smaller pieces.
  if (body.events.length > MAX_PUSH_EVENTS) return refuse(`At most ${MAX_PUSH_EVENTS} events in one push; got ${body.events.length}`, 413);
  if (body.relayed === undefined) return { ok: true, events: body.events as unknown[], relay: undefined };
  const relayed = readPushRelay(body.relayed);
  if (!relayed.ok) return refuse(relayed.error);
  return { ok: true, events: body.events as unknown[], relay: relayed.relay };
}

/**
 * Why a well-formed event from this token is refused, if it is: it names another device than
 * the one the token is bound to and is not proven relayed (`foreign-device`; `judge`, present
 * when the push carries proof, says why not), or its stamp is more than
 * MAX_CLOCK_AHEAD_MS ahead of the server's clock (`clock-ahead`; the device is told to fix its
 * clock, since an event from the future would win every last-writer-wins conflict).
 */
function pushRefusal(
  event: MusterEvent,
  boundDevice: string | undefined,
  serverNow: number,
  judge: ((event: MusterEvent) => string | undefined) | undefined,
): { code: 'foreign-device' | 'clock-ahead'; reason: string } | undefined {
  if (event.deviceId !== boundDevice) {
    const unproven = judge
      ? judge(event)
      : boundDevice === undefined
        ? `Device ${event.deviceId} belongs to another device token: a device pushes only its own events, with its own token. Enrol this device with its own token.`
        : `This device token belongs to device ${boundDevice}, not ${event.deviceId}: a device pushes only its own events. Enrol this device with its own token.`;
    if (unproven !== undefined) return { code: 'foreign-device', reason: unproven };
  }
  const ahead = stampTime(event.hlc) - serverNow;
  if (ahead > MAX_CLOCK_AHEAD_MS) {
    return {
      code: 'clock-ahead',
      reason:
        `The event is stamped ${new Date(stampTime(event.hlc)).toISOString()}, ${Math.round(ahead / 60_000)} min ahead of the server's clock ` +
        `(${new Date(serverNow).toISOString()}; at most ${MAX_CLOCK_AHEAD_MS / 60_000} min allowed). This device's clock is wrong: set its date and time to automatic.`,
    };
  }
  return undefined;
}

function idOf(raw: unknown): string | null {
  return isRecord(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 64) : null;
}
