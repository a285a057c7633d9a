// Shared by the sync tests: an in-process server on a real SQLite file, and simulated devices,
// each with its own IndexedDB (fake-indexeddb) and its own wall clock.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveQuery } from 'dexie';
import type { Hono } from 'hono';
import type { EventDraft } from '../../src/storage/events';
import { appendEvent, type WriteEnv } from '../../src/storage/events';
import { openDb, type MusterDb } from '../../src/storage/db';
import { createApp } from '../../src/server/app';
import { createContactLog, type ContactLog } from '../../src/server/contacts';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { openPostgresStore } from '../../src/server/storage/postgres';
import type { EventStore } from '../../src/server/storage/types';
import { freshPostgresDatabase, postgresHarness } from '../server/pg-cluster';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { storeSyncToken } from '../../src/storage/sync-state';
import type { SyncEngine, SyncStatus } from '../../src/sync/controller';
import { httpTransport, type FetchLike, type SyncTransport } from '../../src/sync/transport';
import { allHeldEvents, heldEvent } from '../../src/storage/packs';

export const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
export const BASE_URL = 'http://muster.test';

const dirs: string[] = [];
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `muster-${label}-`));
  dirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The sync server in this process, on a SQLite file that survives `restart()`. */
export class TestServer {
  store: SqliteEventStore;
  app: Hono;
  readonly warnings: string[] = [];
  constructor(
    readonly dataDir: string,
    private readonly clock: () => number = () => T0,
  ) {
    this.store = openSqliteStore(dataDir);
    mkdirSync(join(dataDir, 'dist'), { recursive: true });
    writeFileSync(join(dataDir, 'dist', 'index.html'), '<!doctype html><title>Muster</title>');
    this.app = this.makeApp();
  }
  private makeApp(): Hono {
    return createApp({
      storage: this.store,
      version: 'test',
      staticDir: join(this.dataDir, 'dist'),
      rateLimit: { burst: 1e9, perSecond: 1e9 },
      now: this.clock,
      warn: (m) => this.warnings.push(m),
    });
  }
  /** Closes the database and opens it again from the file, as a process restart would. */
  restart(): void {
    this.store.close();
    this.store = openSqliteStore(this.dataDir);
    this.app = this.makeApp();
  }
  close(): void {
    this.store.close();
  }
  /** A fetch that goes straight into the app, as if over the network. */
  readonly fetch: FetchLike = (input, init) => Promise.resolve(this.app.request(input, init));

  async addOrg(id: string, name = id): Promise<void> {
    await this.store.createOrg({ id, name }, new Date(T0).toISOString());
  }
  issueToken(orgId: string, label = 'device'): Promise<string> {
    return issueTestToken(this.store, orgId, label);
  }
  /** Every stored event id of the organisation, with how often each occurs. */
  eventIds(orgId: string): string[] {
    return (this.store.db.prepare('SELECT id FROM events WHERE org_id = ? ORDER BY seq').all(orgId) as { id: string }[]).map((r) => r.id);
  }
}

/** A device token of the organisation, stored by its hash as `device add` does; answers the token. */
async function issueTestToken(store: EventStore, orgId: string, label: string): Promise<string> {
  const token = newDeviceToken();
  await store.addDeviceToken(
    { id: `dt-${Math.random().toString(16).slice(2, 12)}`, orgId, label, tokenHash: hashDeviceToken(token) },
    new Date(T0).toISOString(),
  );
  return token;
}

/** The storage engines the convergence and fault tests run on; PostgreSQL unless MUSTER_TEST_POSTGRES=skip. */
export type Engine = 'sqlite' | 'postgres';
export const ENGINES: readonly Engine[] = postgresHarness().state === 'skipped' ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * Where a test server keeps its data on `engine`, made once: a SQLite folder, or a fresh
 * database on the test run's PostgreSQL cluster. `open()` opens (again) the same data;
 * `env` is what a server process needs to find it (DATA_DIR, or DATABASE_URL as well).
 */
export async function engineData(engine: Engine, label: string): Promise<{ open(): Promise<EventStore>; env: Record<string, string>; dataDir: string }> {
  const dataDir = tempDir(label);
  if (engine === 'sqlite') return { open: () => Promise.resolve(openSqliteStore(dataDir)), env: { DATA_DIR: dataDir }, dataDir };
  const url = await freshPostgresDatabase(label);
  return { open: () => openPostgresStore(url), env: { DATA_DIR: dataDir, DATABASE_URL: url }, dataDir };
}

/** Every event id of the organisation, in seq order, read through the store's port. */
export async function storedEventIds(store: EventStore, orgId: string): Promise<string[]> {
  const ids: string[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readEvents(orgId, after, 1000);
    ids.push(...page.events.map((e) => e.id));
    const last = page.events.at(-1);
    if (!page.more || !last) return ids;
    after = last.seq;
  }
}

/** The sync server in this process on either engine, its data surviving `restart()`. */
export class EngineTestServer {
  app: Hono;
  readonly warnings: string[] = [];
  private constructor(
    private store: EventStore,
    private readonly data: { open(): Promise<EventStore>; dataDir: string },
    private readonly clock: () => number,
  ) {
    mkdirSync(join(data.dataDir, 'dist'), { recursive: true });
    writeFileSync(join(data.dataDir, 'dist', 'index.html'), '<!doctype html><title>Muster</title>');
    this.app = this.makeApp();
  }
  static async start(engine: Engine, label: string, clock: () => number = () => T0): Promise<EngineTestServer> {
    const data = await engineData(engine, label);
    return new EngineTestServer(await data.open(), data, clock);
  }
  private contacts: ContactLog | undefined;
  private makeApp(): Hono {
    this.contacts = createContactLog(this.store);
    return createApp({
      storage: this.store,
      contacts: this.contacts,
      version: 'test',
      staticDir: join(this.data.dataDir, 'dist'),
      rateLimit: { burst: 1e9, perSecond: 1e9 },
      now: this.clock,
      warn: (m) => this.warnings.push(m),
    });
  }
  /** Closes the store and opens it again, as a process restart would. */
  async restart(): Promise<void> {
    // What devices were last handed is written first, as the server's own shutdown does.
    await this.contacts?.flush();
    await this.store.close();
    this.store = await this.data.open();
    this.app = this.makeApp();
  }
  async close(): Promise<void> {
    await this.contacts?.flush();
    await this.store.close();
  }
  readonly fetch: FetchLike = (input, init) => Promise.resolve(this.app.request(input, init));
  async addOrg(id: string, name = id): Promise<void> {
    await this.store.createOrg({ id, name }, new Date(T0).toISOString());
  }
  issueToken(orgId: string, label = 'device'): Promise<string> {
    return issueTestToken(this.store, orgId, label);
  }
  eventIds(orgId: string): Promise<string[]> {
    return storedEventIds(this.store, orgId);
  }
}

let dbCounter = 0;

/** A phone or tablet: its own database, its own wall clock (`offsetMs` from simulated time). */
export class TestDevice {
  db: MusterDb;
  readonly dbName: string;
  readonly env: WriteEnv;
  private seed: number;
  constructor(
    readonly name: string,
    private readonly simNow: () => number,
    public offsetMs = 0,
    seed = 1,
  ) {
    dbCounter += 1;
    this.dbName = `sync-${name}-${dbCounter}-${Date.now()}`;
    this.db = openDb(this.dbName);
    // A Lehmer generator must never hold 0 (mod 2^31 - 1), or it stays 0 and ids repeat.
    this.seed = 1 + (Math.abs(Math.trunc(seed)) % 2147483646);
    this.env = {
      now: () => this.simNow() + this.offsetMs,
      random: (bytes) => bytes.map(() => (this.seed = (this.seed * 48271) % 2147483647) & 0xff),
    };
  }
  now(): number {
    return this.env.now();
  }
  async record<K extends EventDraft['type']>(draft: EventDraft<K>): Promise<string> {
    return (await appendEvent(this.db, draft, this.env)).id;
  }
  async enrol(token: string): Promise<void> {
    await storeSyncToken(this.db, token);
  }
  transport(server: { fetch: FetchLike }, token: string): SyncTransport {
    return httpTransport({ baseUrl: BASE_URL, token, fetch: (i, init) => server.fetch(i, init) });
  }
  async eventIds(): Promise<string[]> {
    return (await allHeldEvents(this.db)).map((e) => e.id).sort();
  }
  /** Closes the database and opens it again, as a reloaded tab or a restarted phone would. */
  async reload(): Promise<void> {
    this.db.close();
    this.db = openDb(this.dbName);
    await this.db.open();
  }
  async dispose(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

/** Timers the test fires by hand, so back-off and debounce are checked without waiting. */
export class ManualTimers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  set = (fn: () => void, ms: number): number => {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  };
  clear = (id: unknown): void => {
    this.pending.delete(id as number);
  };
  /** The delays of the timers now waiting. */
  delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
  }
  /** Fires only the timers whose delay matches, e.g. a reconnect but not the poll. */
  fireWhere(delay: (ms: number) => boolean): number {
    const due = [...this.pending].filter(([, t]) => delay(t.ms));
    for (const [id] of due) this.pending.delete(id);
    for (const [, t] of due) t.fn();
    return due.length;
  }
}

/** Random bytes that make the jitter exactly one half, so back-off delays are round numbers. */
export const halfway = (bytes: Uint8Array): Uint8Array => bytes.map((_, i) => (i === 0 ? 0x80 : 0));

/** Stands in for `window` or `document`: the test announces `online` or `visibilitychange`. */
export class FakeTarget {
  visibilityState = 'visible';
  private listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, l: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(l);
  }
  removeEventListener(type: string, l: () => void): void {
    this.listeners.get(type)?.delete(l);
  }
  dispatch(type: string): void {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

/** Resolves once the device holds this event, however it got there: it watches the database, not a clock. */
export function storedOn(db: MusterDb, eventId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watching = liveQuery(() => heldEvent(db, eventId)).subscribe({
      next: (event) => {
        if (event === undefined) return;
        queueMicrotask(() => watching.unsubscribe());
        resolve();
      },
      error: reject,
    });
  });
}

/**
 * Resolves when the engine's status first satisfies `check`, however long the machine takes:
 * it listens for status changes instead of polling against a clock. Counts that come from
 * the database (waiting, rejected) change on their own schedule, so they are awaited this way.
 */
export function statusWhere(engine: SyncEngine, check: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    if (check(engine.getStatus())) {
      resolve(engine.getStatus());
      return;
    }
    const unsubscribe = engine.subscribe(() => {
      const status = engine.getStatus();
      if (!check(status)) return;
      unsubscribe();
      resolve(status);
    });
  });
}
