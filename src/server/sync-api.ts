import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { ID_PATTERN } from '../domain/event';
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
  MAX_FOLLOWING,
  MAX_PULL_LIMIT,
  type Follower,
  type FollowersResponse,
} from '../domain/sync-protocol';
import { createContactLog, type ContactLog } from './contacts';
import { createHintBus, type HintBus } from './hints';
import { createHeadOfficeApi, headOfficeReadOnly, watchBranches } from './head-office-api';
import { createEnrolApi, createTokenApi } from './enrol-api';
import { createPlaybooksApi } from './playbooks-api';
import { createCertificateApi } from './certificate-api';
import { createCountersignApi } from './countersign-api';
import { createPushApi } from './push-api';
import { chargedBodyBytes, createRequestLimits, DEFAULT_COST_LIMITS, DEFAULT_RATE_LIMIT, type CostLimits, type RateLimitOptions } from './rate-limit';
import { closeIfBodyUnread } from './request-body';
import { clientAddress, type Site } from './site';
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

  // POST /events: the push (push-api.ts).
  api.route('/events', createPushApi({ storage, limits, now, warn, hints }));

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
