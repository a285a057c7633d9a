// The storage port's promises under concurrency, on SQLite and PostgreSQL: several store
// instances on one database (PostgreSQL: a pool each, as several server processes have;
// SQLite: a connection each, as the server and the admin CLI have), racing.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/server/rate-limit';
import type { PostgresEventStore } from '../../src/server/storage/postgres';
import type { NewPublishedPlaybook, StoredEvent } from '../../src/server/storage/types';
import { AT, engines, eventually, minutesLater, noteEvent, type ContractDatabase, type ContractStore } from './store-contract-engines';
import { removeTempDirs } from './support';

afterAll(() => removeTempDirs());

const ENGINES = engines();

for (const engine of ENGINES) {
  describe.skipIf(engine.skipped)(`the storage port on ${engine.name}, under concurrency`, () => {
    afterEach(() => engine.closeAll());
    const instances = async (label: string, count: number): Promise<ContractStore[]> => {
      const database = await engine.newDatabase(label);
      return Promise.all(Array.from({ length: count }, () => database.open()));
    };

    it('hands out seqs in commit order: a reader following its cursor while four writers push gets every event once', async () => {
      const [reader, ...writers] = await instances('commit-order', 5);
      const batches = 12;
      const perBatch = 10;
      let writing = true;
      const pushed = Promise.all(
        writers.map(async (writer, w) => {
          for (let b = 0; b < batches; b++) {
            const batch = Array.from({ length: perBatch }, (_, e) => noteEvent(`ev-w${w}-b${b}-e${e}`, `writer ${w}, batch ${b}, event ${e}`));
            const outcomes = await writer.appendEvents('org-sz', batch, AT);
            expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
          }
        }),
      ).finally(() => (writing = false));

      // A device pulling after its cursor, as often as it can, while the pushes commit.
      const seen: StoredEvent[] = [];
      let cursor = 0;
      for (;;) {
        const stillWriting = writing;
        const page = await reader!.readEvents('org-sz', cursor, 25);
        for (const event of page.events) {
          expect(event.seq).toBeGreaterThan(cursor);
          cursor = event.seq;
          seen.push(event);
        }
        // Done once a read that began after the last push committed found nothing more.
        if (!stillWriting && page.events.length === 0) break;
      }
      await pushed;

      const total = writers.length * batches * perBatch;
      expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
      // What the cursor reader collected is the whole log, in its order: it skipped no seq that committed late.
      const all: StoredEvent[] = [];
      for (let after = 0, page = await reader!.readEvents('org-sz', 0, 100); ; page = await reader!.readEvents('org-sz', after, 100)) {
        all.push(...page.events);
        after = page.events.at(-1)?.seq ?? after;
        if (!page.more) break;
      }
      expect(all.map((e) => [e.seq, e.id])).toEqual(seen.map((e) => [e.seq, e.id]));
      expect(await reader!.latestSeq('org-sz')).toBe(seen.at(-1)?.seq);
    });

    it('lets exactly one of several publishes from the same base win, round after round', async () => {
      const stores = await instances('publish-race', 3);
      const first = stores[0]!;
      await first.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await first.addDeviceToken({ id: 'dt-editor', orgId: 'org-sz', label: "Safety officer's tablet", tokenHash: 'h-editor', role: 'editor' }, AT);
      const version = (v: string): NewPublishedPlaybook => ({
        id: 'riverside-flood',
        language: 'zh-CN',
        version: v,
        kind: 'flood',
        title: '河畔防汛预案',
        hash: `hash-${v}`,
        note: `issue ${v}`,
        bodyJson: JSON.stringify({ version: v }),
        publishedBy: 'dt-editor',
      });
      let base: number | null = null;
      for (let round = 1; round <= 5; round++) {
        const outcomes = await Promise.all(stores.map((store, i) => store.publishPlaybook('org-sz', version(`${round}.${i}`), base, minutesLater(round))));
        const won = outcomes.filter((o) => o.status === 'published');
        expect(won).toHaveLength(1);
        const revision = won[0]!.status === 'published' ? won[0]!.info.revision : 0;
        expect(revision).toBe(round);
        for (const lost of outcomes.filter((o) => o.status === 'stale')) expect(lost.status === 'stale' && lost.current?.revision).toBe(round);
        base = revision;
      }
      expect((await first.currentPlaybooks('org-sz')).map((p) => p.revision)).toEqual([5]);
    });

    it('enrols exactly one device when several redeem one code at once', async () => {
      const stores = await instances('redeem-race', 3);
      await stores[0]!.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await stores[0]!.addEnrolmentCode(
        { codeHash: 'code-1', orgId: 'org-sz', tokenId: 'dt-new', label: "Medic's phone", role: 'member', expiresAt: minutesLater(60) },
        AT,
      );
      const attempts = Array.from({ length: 6 }, (_, i) =>
        stores[i % stores.length]!.redeemEnrolmentCode('code-1', `h-phone-${i}`, `dev-phone-${i}`, minutesLater(1)),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o.status === 'enrolled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'used')).toHaveLength(5);
      const winner = outcomes.findIndex((o) => o.status === 'enrolled');
      const found = await Promise.all(outcomes.map((_, i) => stores[0]!.findDeviceToken(`h-phone-${i}`)));
      expect(found.map((t, i) => (t ? i : -1)).filter((i) => i >= 0)).toEqual([winner]);
      expect(await stores[0]!.listDeviceTokens('org-sz')).toHaveLength(1);
    });

    it('ends with one signing key when several first requests come at once', async () => {
      const stores = await instances('key-race', 3);
      await stores[0]!.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      const candidate = (i: number): { keyId: string; publicKey: string; secretKey: string } => ({
        keyId: `key-${i}`,
        publicKey: `public-${i}`,
        secretKey: `secret-${i}`,
      });
      const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => stores[i % stores.length]!.orgSigningKey('org-sz', candidate(i), minutesLater(i))));
      expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
      const kept = keys[0]!;
      expect(Array.from({ length: 6 }, (_, i) => candidate(i).keyId)).toContain(kept.keyId);
      expect(await stores[1]!.orgSigningKey('org-sz', candidate(99), minutesLater(99))).toEqual(kept);
    });

    it('binds one device id to one token when several unbound tokens race for it, race after race', async () => {
      const stores = await instances('bind-race', 3);
      await stores[0]!.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      const racers = 6;
      for (let race = 0; race < 40; race++) {
        const ids = Array.from({ length: racers }, (_, i) => `dt-${race}-${i}`);
        for (const id of ids) await stores[0]!.addDeviceToken({ id, orgId: 'org-sz', label: id, tokenHash: `h-${id}` }, AT);
        const device = `dev-tablet-${race}`;
        const bound = await Promise.all(ids.map((id, i) => stores[i % stores.length]!.bindTokenDevice(id, device)));
        expect([race, bound.filter((d) => d === device).length, bound.filter((d) => d === undefined).length]).toEqual([race, 1, racers - 1]);
      }
    });
  });
}

const postgres = ENGINES.find((e) => e.kind === 'postgres')!;

/** The store as PostgreSQL's, for what only it has. */
async function openPostgres(database: ContractDatabase): Promise<PostgresEventStore> {
  const store = await database.open();
  if (store.kind !== 'postgres') throw new Error(`expected the PostgreSQL store, got ${store.kind}`);
  return store;
}

describe.skipIf(postgres.skipped)('what only PostgreSQL offers, for several server processes on one database', () => {
  afterEach(() => postgres.closeAll());

  it('tells a listening process about appends that another process commits, and again after its connection was cut', async () => {
    const database = await postgres.newDatabase('listen');
    const [listener, writer] = await Promise.all([openPostgres(database), openPostgres(database)]);
    const heard: [string, number][] = [];
    const stop = await listener.listenForAppends((orgId, seq) => heard.push([orgId, seq]));
    const hasHeard = (orgId: string, seq: number): boolean => heard.some(([o, s]) => o === orgId && s === seq);

    const [, second] = await writer.appendEvents('org-sz', [noteEvent('ev-1', 'one'), noteEvent('ev-2', 'two')], AT);
    await eventually(() => hasHeard('org-sz', second!.seq), 'the listener to hear seq of the second event');
    // A push of nothing new announces nothing; the next real one is heard.
    await writer.appendEvents('org-sz', [noteEvent('ev-1', 'one')], AT);
    const [third] = await writer.appendEvents('org-gz', [noteEvent('ev-1', 'Guangzhou')], AT);
    await eventually(() => hasHeard('org-gz', third!.seq), "the listener to hear Guangzhou's first event");
    expect(heard.filter(([o]) => o === 'org-sz')).toEqual([['org-sz', second!.seq]]);

    // The database ends the listener's connection (a restart, a failover): it comes back by itself.
    await database.raw(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'muster appends listener' AND datname = current_database()`,
    );
    const [fourth] = await writer.appendEvents('org-sz', [noteEvent('ev-3', 'three')], minutesLater(1));
    await eventually(() => hasHeard('org-sz', fourth!.seq), 'the listener to hear an append made while it was reconnecting');

    await stop();
    const listening = async (): Promise<number> => {
      const rows = await writer.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'muster appends listener' AND datname = current_database()`,
      );
      return Number(rows.rows[0]?.n);
    };
    await eventually(async () => (await listening()) === 0, 'the listener connection to end');
  });

  it('keeps one token bucket for every process: two instances share one budget, charged as the in-memory limiter charges', async () => {
    const database = await postgres.newDatabase('buckets');
    const [a, b] = await Promise.all([openPostgres(database), openPostgres(database)]);
    const now = 1_752_458_400_000;
    // Burst 4 at 1 a second, the clock held still: four charges pass wherever they land, the fifth waits.
    expect(await Promise.all([a, b, a, b].map((store) => store.chargeBucket('dt-medic', 1, 4, 1, now)))).toEqual([0, 0, 0, 0]);
    expect(await a.chargeBucket('dt-medic', 1, 4, 1, now)).toBe(1);
    expect(await b.chargeBucket('dt-medic', 1, 4, 1, now)).toBe(1);
    expect(await b.chargeBucket('dt-other', 1, 4, 1, now)).toBe(0);

    const racing = await Promise.all(Array.from({ length: 10 }, (_, i) => [a, b][i % 2]!.chargeBucket('dt-racer', 1, 4, 1, now)));
    expect(racing.filter((wait) => wait === 0)).toHaveLength(4);

    // The same answers as createRateLimiter, step by step: refills, a cost above the burst, a clock going back.
    const steps: [cost: number, atMs: number][] = [
      [3, 0],
      [3, 0],
      [3, 500],
      [1, 1_700],
      [50, 1_700],
      [50, 9_000],
      [1, 9_000],
      [2, 8_000],
      [5, 20_000],
      [0.5, 20_250],
    ];
    let clock = 0;
    const memory = createRateLimiter({ burst: 5, perSecond: 1.5 }, () => now + clock);
    for (const [i, [cost, atMs]] of steps.entries()) {
      clock = atMs;
      expect([i, await [a, b][i % 2]!.chargeBucket('dt-replay', cost, 5, 1.5, now + atMs)]).toEqual([i, memory.take('dt-replay', cost)]);
    }
  });
});
