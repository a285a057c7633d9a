import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { formatIssues, isRecord } from '../domain/validation';
import { ID_PATTERN, validateEvent, type MusterEvent } from '../domain/event';
import { stampTime } from '../domain/hlc';
import { BRANCH_HINT_EVENT } from '../domain/head-office-protocol';
import {
  COUNT_PARAM,
  DEFAULT_PULL_LIMIT,
  FOLLOWING_PARAM,
  HELD_PARAM,
  MAX_HELD_RANGES,
  MAX_PULL_BYTES,
  parseHeldRanges,
  type SeqRange,
  HEARTBEAT_MS,
  MAX_BODY_BYTES,
  MAX_CLOCK_AHEAD_MS,
  MAX_FOLLOWING,
  MAX_EVENT_BYTES,
  MAX_PULL_LIMIT,
  MAX_PUSH_EVENTS,
  type Follower,
  type FollowersResponse,
  type PushResult,
} from '../domain/sync-protocol';
import { createContactLog, type ContactLog } from './contacts';
import { createHintBus, type HintBus } from './hints';
import { createHeadOfficeApi, headOfficeReadOnly, watchBranches } from './head-office-api';
import { createEnrolApi, createTokenApi } from './enrol-api';
import { createPlaybooksApi } from './playbooks-api';
import { createCertificateApi } from './certificate-api';
import { createCountersignApi, orgSigningKey } from './countersign-api';
import { createLogSummary, formatCount } from './log-summary';
import {
  chargedBodyBytes,
  createRequestLimits,
  DEFAULT_COST_LIMITS,
  DEFAULT_RATE_LIMIT,
  quotaRefusal,
  storedEventBytes,
  type CostLimits,
  type RateLimitOptions,
} from './rate-limit';
import { closeIfBodyUnread, isJsonContentType } from './request-body';
import { clientAddress, type Site } from './site';
import { readPushRelay, relayJudge, type RelayProof } from './push-relay';
import { parseStrictJson, StrictJsonError } from './strict-json';
import type { DeviceTokenRecord, EventStore, StoredEvent } from './storage/types';
import { hashDeviceToken, looksLikeDeviceToken } from './tokens';

interface SyncApiOptions {
  storage: EventStore;
  rateLimit?: RateLimitOptions;
  /** Bytes per token, the organisation's quota, requests per address without a token (rate-limit.ts). */
  limits?: CostLimits;
  /** How the server is reached: with TRUST_PROXY, the client's address comes from the proxy. */
  site?: Site;
  /** Server wall clock; tests pass their own. */
  now?: () => number;
  /** Where refused conflicting pushes are reported (the server log by default). */
  warn?: (message: string) => void;
  /** The hints streams hear; the server shares one with its shutdown. */
  hints?: HintBus;
  /** How often an open stream gets a heartbeat and its token is checked again. */
  heartbeatMs?: number;
  /** Where devices' contacts wait to be written; the server shares one with its shutdown. */
  contacts?: ContactLog;
}

/** What every /api/v1 route finds once the token is checked: the device it belongs to. */
export type DeviceEnv = { Variables: { device: DeviceTokenRecord } };

/**
 * The sync API, mounted at /api/v1: push, pull, whoami, and the published playbooks (playbooks-api.ts). Every route needs a device token; the
 * organisation is the token's, never anything in the request, so one organisation cannot name
 * another's events, let alone read or write them. The one exception is head office's
 * (head-office-api.ts): a head-office token reads, never writes, the organisations below its own.
 */
export function createSyncApi({
  storage,
  rateLimit = DEFAULT_RATE_LIMIT,
  limits = DEFAULT_COST_LIMITS,
  site = { publicUrl: () => undefined, httpPort: () => undefined, trustProxy: false },
  now = Date.now,
  warn = console.warn,
  hints = createHintBus(),
  heartbeatMs = HEARTBEAT_MS,
  contacts = createContactLog(storage),
}: SyncApiOptions): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();
  // Several processes on one database share each device's budget there (rate-limit.ts).
  const limiter = createRequestLimits(rateLimit, limits, now, storage.chargeBucket?.bind(storage));
  const conflictLog = createLogSummary({ log: warn, now });

  // Enrolment (enrol-api.ts) comes before the token check: the device has no token yet, only the
  // one-time code from its link. It is limited per address, as any request without a token.
  api.route('/', createEnrolApi({ storage, now, admit: (c) => limiter.admitUnauthenticated(clientAddress(c, site)) }));

  api.use('*', async (c, next) => {
    // A refused request's body is never read, so its connection is closed after the answer.
    const device = await authenticate(storage, c.req.header('authorization'));
    // A device pays in requests and body bytes; a request without a valid token, its address.
    const refused = device
      ? await limiter.admitDevice(device.id, chargedBodyBytes(c.req.header('content-length'), c.req.header('transfer-encoding')))
      : limiter.admitUnauthenticated(clientAddress(c, site));
    if (refused) {
      closeIfBodyUnread(c);
      c.header('Retry-After', String(refused.retryAfter));
      return c.json({ error: refused.message }, 429);
    }
    if (!device) {
      closeIfBodyUnread(c);
      c.header('WWW-Authenticate', 'Bearer realm="muster"');
      return c.json({ error: 'A valid device token is required (Authorization: Bearer …). Enrol this device again if it was revoked.' }, 401);
    }
    c.set('device', device);
    return next();
  });

  api.get('/whoami', async (c) => {
    const device = c.get('device');
    const org = await storage.getOrg(device.orgId);
    return c.json({
      org: { id: device.orgId, name: org?.name ?? device.orgId },
      device: { tokenId: device.id, label: device.label, role: device.role },
    });
  });

  // Head office's view of its branches, read only: one branch's pull is the device pull's own page,
  // and it notes nothing on the branch (the head-office device is not one of its devices).
  const branchPull = async (c: Context, orgId: string): Promise<Response> => {
    const asked = pullWindow(c);
    if ('error' in asked) return c.json({ error: asked.error }, 400);
    return jsonText(c, (await pullPage(storage, orgId, asked, now)).json);
  };
  api.route('/branches', createHeadOfficeApi({ storage, now, contacts, answerPull: branchPull }));

  // Publishing playbooks: behind the same token check and rate limit as everything above.
  api.route('/playbooks', createPlaybooksApi({ storage, now }));
  // A countersignature says a device of the organisation presented the report: head office
  // holds only its branches' events, and writes nothing, not even the organisation's key.
  api.use('/countersign/*', headOfficeReadOnly('countersign reports'));
  api.route('/countersign', createCountersignApi({ storage, now }));
  // The organisation's key certifies a device's own key (certificate-api.ts), as it countersigns: not for head office.
  api.use('/device/certificate', headOfficeReadOnly('get a device certificate'));
  api.route('/device/certificate', createCertificateApi({ storage, now }));
  // POST /token/rotate: a new token for this device (enrol-api.ts).
  api.route('/token', createTokenApi({ storage }));

  api.post(
    '/events',
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

  api.get('/stream', (c) => {
    const device = c.get('device');
    const tokenHash = hashDeviceToken(bearerToken(c.req.header('authorization')) ?? '');
    // A proxy such as nginx would otherwise hold the hints back to fill its buffer.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let finish: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      let sentSeq = wholeNumber(c.req.header('last-event-id'), 0) ?? 0;
      let writing = Promise.resolve();
      // Writes go one after another: a hint and a heartbeat must not interleave their lines.
      const write = (text: () => Promise<void>): void => {
        writing = writing.then(text).catch(() => finish());
      };
      const hint = (seq: number): void => {
        write(async () => {
          if (seq <= sentSeq && sentSeq !== 0) return;
          sentSeq = seq;
          await stream.writeSSE({ event: 'hint', id: String(seq), data: JSON.stringify({ seq }) });
        });
      };
      const unsubscribe = hints.subscribe(device.orgId, device.id, { hint, end: () => finish() });
      const headOffice = device.role === 'head-office';
      // Head office also hears every branch below it. A branch's hint carries no id: the id is
      // the stream's own organisation's seq, which the browser sends back as Last-Event-ID.
      const branches = headOffice
        ? watchBranches({
            storage,
            hints,
            orgId: device.orgId,
            send: (branch) => write(() => stream.writeSSE({ event: BRANCH_HINT_EVENT, data: JSON.stringify(branch) })),
            end: () => finish(),
          })
        : undefined;
      stream.onAbort(() => finish());
      const heartbeat = setInterval(() => {
        write(async () => {
          // A token revoked while its stream is open loses the stream here, and so does one
          // moved into or out of head office: what a stream carries depends on it.
          const still = await storage.findDeviceToken(tokenHash);
          if (!still || still.revokedAt !== null || (still.role === 'head-office') !== headOffice) {
            finish();
            return;
          }
          // A branch put below head office while the stream is open is heard from here on.
          await branches?.refresh();
          const at = new Date(now()).toISOString();
          // Still in touch: a device holding its stream for hours keeps its branch live at head office.
          contacts.note(device.id, {}, at);
          await stream.write(`: heartbeat ${at}\n\n`);
        });
      }, heartbeatMs);
      try {
        contacts.note(device.id, {}, new Date(now()).toISOString());
        await stream.write('retry: 3000\n\n');
        // Where the organisation stands now, even when nothing is new: the device compares it with its cursor.
        const latest = await storage.latestSeq(device.orgId);
        write(async () => {
          sentSeq = Math.max(sentSeq, latest);
          await stream.writeSSE({ event: 'hint', id: String(sentSeq), data: JSON.stringify({ seq: latest }) });
        });
        // And where each branch stands, for head office: one `branch` hint each.
        if (branches) write(() => branches.refresh());
        await finished;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        branches?.stop();
        contacts.note(device.id, {}, new Date(now()).toISOString());
      }
    });
  });

  api.get('/incidents/:id/followers', async (c) => {
    const incidentId = c.req.param('id');
    if (!ID_PATTERN.test(incidentId)) return c.json({ error: 'The incident id must be 1-64 letters, digits or -_.:~' }, 400);
    const device = c.get('device');
    await contacts.flush();
    const found = await storage.incidentFollowers(device.orgId, incidentId);
    const at = new Date(now()).toISOString();
    const devices: Follower[] = found.devices.map((d) => {
      const live = hints.isLive(d.tokenId);
      return {
        tokenId: d.tokenId,
        label: d.label,
        you: d.tokenId === device.id,
        hasEverything: d.behindSince === null,
        behindSince: d.behindSince,
        lastSeenAt: live ? at : d.seenAt,
        live,
      };
    });
    const answer: FollowersResponse = { incidentId, latestSeq: found.latestSeq, devices, serverTime: at };
    return c.json(answer);
  });

  api.get('/events', async (c) => {
    const asked = pullWindow(c);
    if ('error' in asked) return c.json({ error: asked.error }, 400);
    const following = parseFollowing(c.req.query(FOLLOWING_PARAM));
    if (following === null) return c.json({ error: `${FOLLOWING_PARAM} must list at most ${MAX_FOLLOWING} incident ids, separated by commas` }, 400);
    const held = parseHeldRanges(c.req.query(HELD_PARAM) ?? '');
    if (held === null) return c.json({ error: `${HELD_PARAM} must list at most ${MAX_HELD_RANGES} ascending seq ranges (from-to), separated by commas` }, 400);
    const device = c.get('device');
    const page = await pullPage(storage, device.orgId, { ...asked, held, count: c.req.query(COUNT_PARAM) === '1' }, now);
    // Who has seen what: this device has now been handed everything up to here.
    contacts.note(device.id, { seenSeq: page.next, ...(following ? { following } : {}) }, new Date(now()).toISOString());
    return jsonText(c, page.json);
  });

  return api;
}

/**
 * A pull's `after` and `limit`, or why they are refused: one rule for a device's own pull and
 * head office's pull of a branch.
 */
function pullWindow(c: Context): { after: number; limit: number } | { error: string } {
  const after = wholeNumber(c.req.query('after'), 0);
  const limit = wholeNumber(c.req.query('limit'), DEFAULT_PULL_LIMIT);
  if (after === undefined) return { error: 'after must be a whole number ≥ 0 (the last seq this device has)' };
  if (limit === undefined || limit < 1 || limit > MAX_PULL_LIMIT) return { error: `limit must be a whole number from 1 to ${MAX_PULL_LIMIT}` };
  return { after, limit };
}

/**
 * One pull page of the organisation's events (PullResponse, as JSON text) and the cursor it
 * moves to: the device pull's and head office's pull of a branch alike. The page stops at
 * MAX_PULL_BYTES as well as at `limit` (readEvents), so pulls of big events stay small.
 *
 * `held`: seq ranges the device already holds (its own pushed events). They are never sent: a
 * range that starts right after the position is jumped over without reading it, and a held
 * event met among others' is read and left out. `next` may then pass events not sent, which is
 * the point: every seq up to `next` is either in the page or held by the device.
 */
async function pullPage(
  storage: EventStore,
  orgId: string,
  { after, limit, held = [], count = false }: { after: number; limit: number; held?: readonly SeqRange[]; count?: boolean },
  now: () => number,
): Promise<{ json: string; next: number }> {
  const epochRead = storage.databaseEpoch();
  let sent: readonly StoredEvent[];
  let more: boolean;
  let pos: number;
  if (held.length === 0) {
    const page = await storage.readEvents(orgId, after, limit);
    ({ events: sent, more } = page);
    pos = sent[sent.length - 1]?.seq ?? after;
  } else ({ sent, more, pos } = await readPastHeld(storage, orgId, after, limit, held));
  const next = Math.max(after, pos);
  const remaining = count && storage.countEventsAfter ? Math.max(0, (await storage.countEventsAfter(orgId, next)) - heldAfter(held, next)) : undefined;
  const epoch = await epochRead;
  return {
    next,
    json:
      `{"events":[${sent.map(eventJson).join(',')}],"next":${next},"more":${more},"serverTime":"${new Date(now()).toISOString()}","epoch":${JSON.stringify(epoch)}` +
      `${remaining === undefined ? '' : `,"remaining":${remaining}`}}`,
  };
}

/**
 * The page for a device that holds `held`: a held range that starts right after the position
 * is jumped over unread; a held event met among others' is read and left out. At most a few
 * reads, each of at most `limit` rows, however many rows are held.
 */
async function readPastHeld(
  storage: EventStore,
  orgId: string,
  after: number,
  limit: number,
  held: readonly SeqRange[],
): Promise<{ sent: StoredEvent[]; more: boolean; pos: number }> {
  const isHeld = (seq: number): boolean => held.some(([from, to]) => seq >= from && seq <= to);
  const jump = (at: number): number => {
    for (const [from, to] of held) if (from <= at + 1 && to > at) at = to;
    return at;
  };
  const sent: StoredEvent[] = [];
  let bytes = 0;
  let pos = jump(after);
  let more = false;
  for (let reads = 0; reads < 4 && sent.length < limit && bytes < MAX_PULL_BYTES; reads++) {
    const page = await storage.readEvents(orgId, pos, limit - sent.length, MAX_PULL_BYTES - bytes);
    let full = false;
    for (const e of page.events) {
      if (!isHeld(e.seq)) {
        const size = e.payloadJson.length + 200;
        if (sent.length > 0 && (sent.length === limit || bytes + size > MAX_PULL_BYTES)) {
          full = true;
          break;
        }
        sent.push(e);
        bytes += size;
      }
      // Past this event, and past a held range right after it.
      pos = jump(e.seq);
    }
    more = full || page.more;
    if (!more) break;
  }
  return { sent, more, pos };
}

/** How many held seqs lie after `seq`: each is one of the organisation's events. */
function heldAfter(held: readonly SeqRange[], seq: number): number {
  return held.reduce((n, [from, to]) => n + Math.max(0, to - Math.max(from, seq + 1) + 1), 0);
}

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer ([^\s]+)$/i.exec(header ?? '')?.[1];
}

/** The `following` list of a pull: undefined when not given, null when malformed. */
function parseFollowing(raw: string | undefined): string[] | undefined | null {
  if (raw === undefined) return undefined;
  const ids = raw === '' ? [] : raw.split(',');
  if (ids.length > MAX_FOLLOWING || !ids.every((id) => ID_PATTERN.test(id))) return null;
  return [...new Set(ids)];
}

async function authenticate(storage: EventStore, header: string | undefined): Promise<DeviceTokenRecord | undefined> {
  const token = bearerToken(header);
  if (token === undefined || !looksLikeDeviceToken(token)) return undefined;
  const hash = hashDeviceToken(token);
  // A rotated token's first use makes it the token and retires the old one (enrol-api.ts).
  const record = (await storage.findDeviceToken(hash)) ?? ((await storage.takeUpNextToken(hash)) ? await storage.findDeviceToken(hash) : undefined);
  return record && record.revokedAt === null ? record : undefined;
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

function wholeNumber(raw: string | undefined, fallback: number): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * An event as pull JSON. Built as text around the stored payload, which is already JSON
 * (written by JSON.stringify after validation), so a page of a thousand events is not parsed
 * and re-serialised on every pull.
 */
function eventJson(e: StoredEvent): string {
  return (
    `{"id":${JSON.stringify(e.id)},"streamId":${JSON.stringify(e.streamId)},"deviceId":${JSON.stringify(e.deviceId)},` +
    `"actor":${JSON.stringify(e.actor)},"hlc":${JSON.stringify(e.hlc)},"type":${JSON.stringify(e.type)},` +
    `"payload":${e.payloadJson},"v":${e.v},"seq":${e.seq},"receivedAt":${JSON.stringify(e.receivedAt)},"deliveredBy":${JSON.stringify(e.deliveredBy ?? null)}}`
  );
}

function jsonText(c: Context, text: string): Response {
  return c.body(text, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
