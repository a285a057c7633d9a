/**
 * The sync wire format, shared by the client engine and the server. Pure types and
 * constants: no fetch, no Dexie, no Node, so both sides import the same file.
 *
 * Push: `POST /api/v1/events` with `{ "events": [MusterEvent, …] }` → `PushResponse`, one
 * result per event in the same order. Pull: `GET /api/v1/events?after=<seq>&limit=<n>` →
 * `PullResponse`. Cursors mean "after seq N": seq numbers rise with commit order but may
 * have gaps, so a device never counts events to move its cursor.
 */
import type { MusterEvent } from './event';
import { MAX_DRIFT_MS } from './hlc';
import { certificateShapeProblem, type DeviceCertificate } from './handover/certificate';

const API_V1 = '/api/v1';
export const EVENTS_PATH = `${API_V1}/events`;
export const WHOAMI_PATH = `${API_V1}/whoami`;

/**
 * Server push: `GET /api/v1/stream` (same bearer token) answers `text/event-stream`. It never
 * carries event content, only hints: `event: hint`, `id: <seq>`, `data: {"seq":<seq>}` means
 * "the organisation has events up to seq N", sent on connecting and after each commit
 * (coalesced: at most a few per second per organisation). A comment line (`: heartbeat`) comes
 * every HEARTBEAT_MS so a device knows the stream is alive. A client reconnects with the
 * `Last-Event-ID` header; a revoked token gets its stream closed.
 */
export const STREAM_PATH = `${API_V1}/stream`;
export const HEARTBEAT_MS = 25_000;
/** Hints for one organisation go out at most this often; a burst of pushes becomes one hint. */
export const HINT_COALESCE_MS = 250;

export interface StreamHint {
  /** The organisation's latest seq: pull when it is past this device's cursor. */
  readonly seq: number;
}

/**
 * Who has seen it. A pull may say which incidents the device follows (open on it):
 * `GET /api/v1/events?after=…&following=<id>,<id>`. The server keeps, per device token, the
 * last seq it handed that device (its cursor), when it last heard from it, and what it
 * follows. `GET /api/v1/incidents/<id>/followers` answers `FollowersResponse`.
 */
export const FOLLOWING_PARAM = 'following';
/** At most this many incidents in `following`; more are ignored. */
export const MAX_FOLLOWING = 20;

/**
 * A device's own events are never sent back to it. A push's answer gives each new event's seq
 * (and the receipt every device keeps with it, `PushResponse.receipt`); the device keeps the
 * seqs it holds past its cursor as ranges and names them in its next pulls:
 * `GET /api/v1/events?after=…&held=101-600,702-1201`. The server leaves those seqs out of the
 * page and moves `next` past them. Ranges name what this device's database holds, not who
 * wrote it, so the same device id restored from an older copy still gets what it lacks.
 * A server that ignores `held` (older) just sends them: applying them again changes nothing.
 */
export const HELD_PARAM = 'held';
/** At most this many ranges in `held`; a device with more names the first ones. */
export const MAX_HELD_RANGES = 32;
/** A seq range, both ends included. */
export type SeqRange = readonly [from: number, to: number];

/** `…&count=1`: the page also says how many events remain after it (`PullResponse.remaining`), for "n of m". */
export const COUNT_PARAM = 'count';

/** `held` as sent: `from-to` pairs, ascending, comma separated. Pure; the inverse of parseHeldRanges. */
export function formatHeldRanges(ranges: readonly SeqRange[]): string {
  return ranges.map(([from, to]) => `${from}-${to}`).join(',');
}

/**
 * `held` as the server reads it: ascending, non-overlapping ranges of whole seqs; null when
 * malformed (then the pull is refused, as any malformed query).
 */
export function parseHeldRanges(raw: string): SeqRange[] | null {
  if (raw === '') return [];
  const parts = raw.split(',');
  if (parts.length > MAX_HELD_RANGES) return null;
  const ranges: SeqRange[] = [];
  for (const part of parts) {
    const m = /^(\d{1,15})-(\d{1,15})$/.exec(part);
    if (!m) return null;
    const from = Number(m[1]);
    const to = Number(m[2]);
    const last = ranges[ranges.length - 1];
    if (from < 1 || to < from || (last !== undefined && from <= last[1])) return null;
    ranges.push([from, to]);
  }
  return ranges;
}

/**
 * Adds seqs to a list of ranges (kept ascending and merged where they touch), dropping those
 * at or below `floor` (the cursor). Pure; the device's bookkeeping of what it holds.
 */
export function addHeldSeqs(ranges: readonly SeqRange[], seqs: readonly number[], floor: number): SeqRange[] {
  const all = [
    ...ranges.flatMap(([from, to]): SeqRange[] => (to <= floor ? [] : [[Math.max(from, floor + 1), to]])),
    ...seqs.filter((s) => s > floor).map((s): SeqRange => [s, s]),
  ];
  all.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of all) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function followersPath(incidentId: string): string {
  return `${API_V1}/incidents/${encodeURIComponent(incidentId)}/followers`;
}

export interface Follower {
  readonly tokenId: string;
  /** The device's name as the administrator gave it ("Duty phone"). */
  readonly label: string;
  /** The device that asked. */
  readonly you: boolean;
  /** Whether it has been handed every event of the incident. */
  readonly hasEverything: boolean;
  /** When the first event it has not been handed reached the server (ISO), or null. */
  readonly behindSince: string | null;
  /** When the server last heard from it (ISO), or null if never. */
  readonly lastSeenAt: string | null;
  /** Whether its stream is open now. */
  readonly live: boolean;
}

export interface FollowersResponse {
  readonly incidentId: string;
  /** The last seq of the incident's events on the server, or null if it has none there. */
  readonly latestSeq: number | null;
  readonly devices: readonly Follower[];
  readonly serverTime: string;
}

/**
 * A device token: `mst_` and 256 random bits in base64url. The server hands it to the device
 * once, in exchange for the one-time code of its enrolment link (enrolment.ts); old links
 * carried it in their fragment (`<server>/enrol#token=…`).
 */
export const DEVICE_TOKEN_PATTERN = /^mst_[A-Za-z0-9_-]{43}$/;

/** At most this many events in one push; the engine sends a longer outbox in batches of this size. */
export const MAX_PUSH_EVENTS = 500;
/** At most this many bytes in one request body. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A pull page holds at most this many events; the client asks for this many by default. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 1000;
/**
 * A pull page also stops at about this many bytes of event JSON, however few events that is
 * (but never at fewer than one): a page of big events must not cost the server hundreds of MB.
 */
export const MAX_PULL_BYTES = 1024 * 1024;
/**
 * One event's JSON may be at most this big; a bigger one is refused at push (`too-large`). A
 * quarter of a page, so a page of the largest events still holds four of them.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

/**
 * Why the server refused one event. `invalid`: it broke the event schema; `conflict`: its id is
 * taken by different content; `too-large`: its JSON is over MAX_EVENT_BYTES.
 */
type RejectCode = 'invalid' | 'conflict' | 'too-large' | 'clock-ahead' | 'foreign-device';

/**
 * The server refuses (`clock-ahead`) an event stamped more than this ahead of its own clock:
 * a phone with a wrong clock must fix it rather than win every last-writer-wins conflict. The
 * same limit as a device's `receive` (MAX_DRIFT_MS), so what the server stores no device flags.
 * `foreign-device`: the event names another device id than the one its token is bound to (the
 * first push from a token binds its device id).
 */
export const MAX_CLOCK_AHEAD_MS = MAX_DRIFT_MS;

/**
 * What a push carries for events it relays (received by hand from another phone, issue 21):
 * the signature of each by the device that recorded it, and the organisation's certificate of
 * each such device's key (src/domain/handover/keys.ts). The server takes an event whose
 * `deviceId` is not the token's own only with both, checked against its own organisation key;
 * without them it stays `foreign-device`. The push body is `{ "events": [...], "relayed": PushRelay }`.
 */
export interface PushRelay {
  readonly certificates: readonly DeviceCertificate[];
  /** Event id → signature (hex), for the relayed events of this push. */
  readonly signatures: Readonly<Record<string, string>>;
}

/**
 * `POST /api/v1/device/certificate` `CertificateRequest` → `CertificateResponse`: the
 * organisation certifies the device's own Ed25519 public key, for the device id its token is
 * bound to (a token bound to another device id is answered 409). The answer carries the
 * organisation's public key too, which the device keeps to check other phones' certificates
 * with no network.
 */
export const DEVICE_CERTIFICATE_PATH = `${API_V1}/device/certificate`;

export interface CertificateRequest {
  readonly deviceId: string;
  readonly publicKey: string;
}

export interface CertificateResponse {
  readonly certificate: DeviceCertificate;
  /** The organisation's Ed25519 public key, hex (the one that countersigns reports). */
  readonly orgPublicKey: string;
}

export function isCertificateResponse(value: unknown): value is CertificateResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.orgPublicKey === 'string' && certificateShapeProblem(v.certificate) === null;
}

export type PushResult =
  | { readonly id: string; readonly status: 'accepted'; readonly seq: number }
  | { readonly id: string; readonly status: 'duplicate'; readonly seq: number }
  | { readonly id: string | null; readonly status: 'rejected'; readonly code: RejectCode; readonly reason: string };

export interface PushResponse {
  /** `results[i]` answers `events[i]` of the request. */
  readonly results: readonly PushResult[];
  /** The server's clock (ISO 8601), so a device can tell that its own clock is wrong. */
  readonly serverTime: string;
  /**
   * What a pull would say about every `accepted` event of this push (receivedAt, deliveredBy):
   * the device keeps it with its events instead of pulling them back. Absent from older servers.
   */
  readonly receipt?: { readonly receivedAt: string; readonly deliveredBy: string | null };
  /** The database epoch the seqs belong to (as PullResponse.epoch). Absent from older servers. */
  readonly epoch?: string;
}

/** An event as the server hands it out: the envelope plus the server's order, arrival time and delivering device. */
type PulledEvent = MusterEvent & {
  readonly seq: number;
  readonly receivedAt: string;
  /** The label of the device token that pushed it; null for events stored before tokens were recorded. */
  readonly deliveredBy: string | null;
};

export interface PullResponse {
  readonly events: readonly PulledEvent[];
  /** The cursor for the next page: the seq of the last event here, or `after` when the page is empty. */
  readonly next: number;
  /** Whether events after `next` existed when this page was read. */
  readonly more: boolean;
  readonly serverTime: string;
  /**
   * The identity of the server's database: a random id that changes when it is restored from
   * a backup. Seq numbers belong to one epoch; a device that sees another epoch than its
   * cursor's pulls again from 0 (and pushes its own events the restored server lacks).
   * Absent from servers older than this field.
   */
  readonly epoch?: string;
  /** Asked with `count=1`: how many events (not held) follow this page. Absent otherwise, and from older servers. */
  readonly remaining?: number;
}

export interface WhoAmI {
  readonly org: { readonly id: string; readonly name: string };
  readonly device: { readonly tokenId: string; readonly label: string };
}
