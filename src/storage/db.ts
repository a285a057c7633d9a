import { Dexie, type EntityTable, type Table } from 'dexie';
import { DB_NAME } from './db-name';
import type { MusterEvent } from '../domain/event';
import type { HeldEvent } from '../domain/merge-order';
import type { HlcClock } from '../domain/hlc';
import type { BranchEventRow, BranchRow } from './branches';
import type { EventPack, PendingReceipt } from './packs';
import type { PhotoRow } from './photos';
import type { FlaggedEvent, RejectedEvent } from './sync-state';
import type { DeviceCertificate } from '../domain/handover/keys';
import type { EventOrigin, HeldCertificate, HeldSignature, ReceivedBundle } from './handover';

/** One row per event waiting to be pushed; cleared only once the server has replied about it. */
export interface OutboxEntry {
  eventId: string;
  queuedAt: number;
  attempts: number;
  /**
   * For an event of another phone received by hand (issue 21): its device's signature and the
   * organisation's certificate of that device, which the push carries so the server takes it
   * from this phone (domain/sync-protocol.ts `PushRelay`). Not indexed.
   */
  relay?: { signature: string; certificate: DeviceCertificate };
  /**
   * The event as recorded, kept with its entry so a push reads one table, not two (not indexed,
   * so no new schema version). Absent from entries queued before it was kept, and from events
   * put back after a server restore: those are read from `events` (or a pack) as before.
   */
  event?: MusterEvent;
}

/**
 * A playbook kept on the device, stored whole as JSON: a file imported on this phone, or a
 * version the organisation published (received on sync; then `published` says which).
 */
export interface StoredPlaybook {
  id: string;
  language: string;
  version: string;
  kind: string;
  title: string;
  source: 'shipped' | 'imported' | 'published';
  body: unknown;
  /** When this device stored it (for a published one: when it got it). */
  storedAt: number;
  published?: {
    revision: number;
    hash: string;
    note: string;
    publishedAt: string;
    publishedBy: string;
  };
}

/**
 * A safety officer's draft of a playbook, kept apart from the playbooks the app runs: a draft
 * is never shown in the library or started as an incident until it is published.
 */
export interface PlaybookDraft {
  draftId: string;
  /** The playbook id and language as the draft says them now (they may be edited). */
  playbookId: string;
  language: string;
  title: string;
  /** The playbook being edited, as JSON: it may be invalid while it is being written. */
  body: unknown;
  /** The published version the draft started from, or null for a new playbook. */
  base: { revision: number; version: string; hash: string } | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * A stream's revision: bumped in the same transaction as any write to the stream (a local
 * event, or a pulled sync page), so an open screen can watch one small row instead of
 * re-reading thousands of events.
 */
interface StreamRow {
  streamId: string;
  rev: number;
}

interface SettingRow {
  key: string;
  value: unknown;
}

export type { HlcClock };

/**
 * The device database. Only the newest schema is declared: Dexie compares it with what a
 * device holds and adds what that lacks, so a phone from any release upgrades (db.test.ts opens
 * a database made by each earlier release's declaration, kept there, and finds everything).
 * A new release bumps the number, changes the one declaration, and adds its own to that test's
 * list; a `.version(n)` block of its own is needed only for an upgrade function (data to
 * move), never to add a table or an index. Declaring all seven releases made opening the
 * database cost about four times as much (Dexie builds every table's API for each version),
 * on every screen's first read. Every table is declared here with its row type, so no code
 * reaches a table by name and casts it.
 */
export class MusterDb extends Dexie {
  // `declare`: Dexie defines the tables itself in `stores()`; a class field would overwrite them.
  /** Whole events, with the server's receipt (`receivedAt`, `deliveredBy`) once pulled: not indexed, so no new version. */
  declare events: EntityTable<HeldEvent, 'id'>;
  declare outbox: EntityTable<OutboxEntry, 'eventId'>;
  declare playbooks: Table<StoredPlaybook, [string, string]>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare streams: EntityTable<StreamRow, 'streamId'>;
  declare rejected: EntityTable<RejectedEvent, 'eventId'>;
  declare flagged: EntityTable<FlaggedEvent, 'eventId'>;
  declare drafts: EntityTable<PlaybookDraft, 'draftId'>;
  /** Head office's copy of its branches' events, never pushed nor mixed with the device's own (src/storage/branches.ts). */
  declare branches: EntityTable<BranchRow, 'orgId'>;
  declare branchEvents: Table<BranchEventRow, [string, string]>;
  /** Photos taken with notes, by content hash, with whether the server has them (src/storage/photos.ts). */
  declare photos: EntityTable<PhotoRow, 'hash'>;
  /** Many events of one incident per row, once the server has them (src/storage/packs.ts). */
  declare packs: EntityTable<EventPack, 'key'>;
  /** Receipts of pushed events not packed yet, one row per answer (src/storage/packs.ts). */
  declare receipts: EntityTable<PendingReceipt, 'key'>;
  /** Handover (src/storage/handover.ts): each held event's signature by its device, once known. */
  declare signatures: EntityTable<HeldSignature, 'eventId'>;
  /** Other phones' certificates, from the bundles they handed over. */
  declare certificates: EntityTable<HeldCertificate, 'deviceId'>;
  /** The bundles received from other phones, by scan or file. */
  declare receivedBundles: EntityTable<ReceivedBundle, 'bundleId'>;
  /** Which bundle first brought an event this phone holds, for events received by hand. */
  declare eventOrigins: EntityTable<EventOrigin, 'eventId'>;

  constructor(name: string) {
    super(name);
    this.version(8).stores({
      events: 'id, [streamId+hlc], type',
      outbox: 'eventId, queuedAt',
      playbooks: '[id+language], id, kind',
      settings: 'key',
      streams: 'streamId',
      // Sync bookkeeping (src/storage/sync-state.ts): events the server refused, and pulled
      // events whose clock stamp was too far ahead of this device's clock (release 2).
      rejected: 'eventId, at',
      flagged: 'eventId, streamId',
      // The playbook editor's drafts (src/storage/drafts.ts; release 3).
      drafts: 'draftId, updatedAt',
      // Head office's branches and their events (src/storage/branches.ts): one cursor per branch (release 4).
      branches: 'orgId',
      branchEvents: '[orgId+id], [orgId+streamId], [orgId+type]',
      // Photos (src/storage/photos.ts): the image blobs notes name by hash; `unsent` is 1 until the server has it (release 5).
      photos: 'hash, streamId, unsent',
      // Packs (src/storage/packs.ts): an incident's synced events, many to a row; `ids` says which pack holds an event (release 6).
      packs: '++key, streamId, *ids',
      // Pending receipts (src/storage/packs.ts): a push's answer for events still rows, until they are packed (release 7).
      receipts: '++key',
      // Phone-to-phone handover (src/storage/handover.ts; release 8).
      signatures: 'eventId',
      certificates: 'deviceId',
      receivedBundles: 'bundleId, receivedAt',
      eventOrigins: 'eventId, bundleId',
    });
  }
}

/** Opens the device database (created or upgraded on first use). */
export function openDb(name = DB_NAME): MusterDb {
  return new MusterDb(name);
}
