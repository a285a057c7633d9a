// The storage port's contract, on SQLite and PostgreSQL: opening again, the database's identity,
// schema versions, published playbooks, enrolment codes and token rotation; and what an
// administrator is told when a PostgreSQL database cannot be used.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore, PostgresOpenError } from '../../src/server/storage/postgres';
import type { NewPublishedPlaybook } from '../../src/server/storage/types';
import { AT, engines, eventually, minutesLater, noteEvent, type ContractStore } from './store-contract-engines';
import { freePort, removeTempDirs } from './support';
import { freshPostgresDatabase } from './pg-cluster';

afterAll(() => removeTempDirs());

const ENGINES = engines();

const EDITOR = { id: 'dt-editor', orgId: 'org-sz', label: "Safety officer's tablet", tokenHash: 'h-editor', role: 'editor' } as const;

/** A version of the riverside flood plan; its body keeps the spacing it was written with. */
function plan(version: string, note = `issue ${version}`): NewPublishedPlaybook {
  return {
    id: 'riverside-flood',
    language: 'zh-CN',
    version,
    kind: 'flood',
    title: '河畔防汛预案',
    hash: `hash-${version}`,
    note,
    bodyJson: `{ "version": "${version}",  "steps": [ "撤离" ] }`,
    publishedBy: 'dt-editor',
  };
}

for (const engine of ENGINES) {
  describe.skipIf(engine.skipped)(`the storage port on ${engine.name}: its life and its slower-moving records`, () => {
    afterEach(() => engine.closeAll());
    const fresh = async (label: string): Promise<ContractStore> => (await engine.newDatabase(label)).open();

    it('keeps its epoch across a restart and for every instance, and takes a new one when told', async () => {
      const database = await engine.newDatabase('epoch');
      const first = await database.open();
      const epoch = await first.databaseEpoch();
      expect(epoch).toMatch(/^[0-9a-f]{32}$/);
      await first.close();
      const again = await database.open();
      expect(await again.databaseEpoch()).toBe(epoch);

      const renewed = await again.renewEpoch(minutesLater(5));
      expect(renewed).toMatch(/^[0-9a-f]{32}$/);
      expect(renewed).not.toBe(epoch);
      expect(await (await database.open()).databaseEpoch()).toBe(renewed);
      // Another database is another identity.
      expect(await (await fresh('epoch-other')).databaseEpoch()).not.toBe(epoch);
    });

    it('opens again with its data and runs no schema step twice', async () => {
      const database = await engine.newDatabase('reopen');
      const first = await database.open();
      expect(first.kind).toBe(engine.kind);
      expect(first.schemaVersion).toBe(engine.latestSchemaVersion);
      await first.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      const [stored] = await first.appendEvents('org-sz', [noteEvent('ev-1', 'kept')], AT);
      const record = await database.schemaRecord();
      await first.close();

      const [second, third] = [await database.open(), await database.open()];
      expect(second.schemaVersion).toBe(engine.latestSchemaVersion);
      expect(await database.schemaRecord()).toEqual(record);
      expect(await third.getOrg('org-sz')).toMatchObject({ name: 'Shenzhen branch' });
      expect(await second.latestSeq('org-sz')).toBe(stored!.seq);
    });

    it('answers a health probe with no problem on a healthy database, and the probe leaves nothing behind', async () => {
      const store = await fresh('probe');
      const epoch = await store.databaseEpoch();
      expect(await store.probe()).toEqual({ read: undefined, write: undefined });
      expect(await store.probe()).toEqual({ read: undefined, write: undefined });
      expect(await store.databaseEpoch()).toBe(epoch);
      expect(await store.appendEvents('org-sz', [noteEvent('ev-1', 'after the probe')], AT)).toMatchObject([{ status: 'accepted' }]);
      expect(await store.listOrgs()).toEqual([]);
    });

    it('refuses a database left by a newer Muster, saying which versions and what to do', async () => {
      const database = await engine.newDatabase('newer');
      await (await database.open()).close();
      const newer = engine.latestSchemaVersion + 5;
      await database.claimSchemaVersion(newer);
      await expect(async () => database.open()).rejects.toThrow(
        new RegExp(`schema version ${newer}, but this Muster only knows up to ${engine.latestSchemaVersion}; run a newer Muster`),
      );
    });

    it('never changes or removes a published version, even for a hand-typed statement', async () => {
      const database = await engine.newDatabase('immutable');
      const store = await database.open();
      await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await store.addDeviceToken(EDITOR, AT);
      await store.publishPlaybook('org-sz', plan('1.0.0'), null, AT);
      await expect(async () => database.raw(`UPDATE published_playbooks SET note = 'quietly edited'`)).rejects.toThrow(
        'a published playbook version never changes; publish a new revision',
      );
      await expect(async () => database.raw('DELETE FROM published_playbooks')).rejects.toThrow('a published playbook version is never removed');
      expect((await store.currentPlaybook('org-sz', 'riverside-flood', 'zh-CN'))?.note).toBe('issue 1.0.0');
    });

    it('numbers revisions 1, 2, 3, refuses a publish from an old base, and hands out each body as it was stored', async () => {
      const store = await fresh('playbooks');
      await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await store.createOrg({ id: 'org-gz', name: 'Guangzhou branch' }, AT);
      await store.addDeviceToken(EDITOR, AT);
      expect(await store.publishPlaybook('org-sz', plan('1.0.0'), 1, AT)).toEqual({ status: 'stale', current: null });

      const first = await store.publishPlaybook('org-sz', plan('1.0.0', 'First issue'), null, minutesLater(1));
      expect(first).toEqual({
        status: 'published',
        info: {
          id: 'riverside-flood',
          language: 'zh-CN',
          revision: 1,
          version: '1.0.0',
          kind: 'flood',
          title: '河畔防汛预案',
          hash: 'hash-1.0.0',
          note: 'First issue',
          publishedAt: minutesLater(1),
          publishedBy: "Safety officer's tablet",
        },
      });
      expect(await store.publishPlaybook('org-sz', plan('1.1.0'), 1, minutesLater(2))).toMatchObject({ status: 'published', info: { revision: 2 } });
      expect(await store.publishPlaybook('org-sz', plan('1.2.0'), 2, minutesLater(3))).toMatchObject({ status: 'published', info: { revision: 3 } });
      const stale = await store.publishPlaybook('org-sz', plan('1.1.1'), 1, minutesLater(4));
      expect(stale).toMatchObject({ status: 'stale', current: { revision: 3, version: '1.2.0', bodyJson: plan('1.2.0').bodyJson } });
      await store.publishPlaybook(
        'org-sz',
        { ...plan('1.0.0'), id: 'block-c-fire', language: 'en', kind: 'fire', title: 'Block C fire' },
        null,
        minutesLater(5),
      );
      await store.publishPlaybook('org-sz', { ...plan('1.0.0'), language: 'en', title: 'Riverside flood plan' }, null, minutesLater(6));

      // One row per id and language, the latest, by id then language, without bodies.
      const current = await store.currentPlaybooks('org-sz');
      expect(current.map((p) => [p.id, p.language, p.revision])).toEqual([
        ['block-c-fire', 'en', 1],
        ['riverside-flood', 'en', 1],
        ['riverside-flood', 'zh-CN', 3],
      ]);
      expect(current.every((p) => !('bodyJson' in p))).toBe(true);
      expect((await store.currentPlaybook('org-sz', 'riverside-flood', 'zh-CN'))?.bodyJson).toBe(plan('1.2.0').bodyJson);
      expect((await store.getPublishedPlaybook('org-sz', 'riverside-flood', 'zh-CN', 2))?.bodyJson).toBe(plan('1.1.0').bodyJson);
      expect(await store.getPublishedPlaybook('org-sz', 'riverside-flood', 'zh-CN', 4)).toBeUndefined();
      expect(await store.currentPlaybook('org-sz', 'riverside-flood', 'fr')).toBeUndefined();
      // Another organisation sees none of them.
      expect(await store.currentPlaybooks('org-gz')).toEqual([]);
      expect(await store.currentPlaybook('org-gz', 'riverside-flood', 'zh-CN')).toBeUndefined();
      expect(await store.getPublishedPlaybook('org-gz', 'riverside-flood', 'zh-CN', 1)).toBeUndefined();
    });

    it('enrols a device once with a code, and says why a code that cannot be used is refused', async () => {
      const store = await fresh('enrol');
      await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      const add = (
        codeHash: string,
        tokenId: string,
        minutes: number,
        role: 'member' | 'editor' | 'head-office' = 'member',
      ): ReturnType<ContractStore['addEnrolmentCode']> =>
        store.addEnrolmentCode({ codeHash, orgId: 'org-sz', tokenId, label: `${tokenId}'s phone`, role, expiresAt: minutesLater(60) }, minutesLater(minutes));
      const medic = await add('code-medic', 'dt-medic', 2);
      expect(medic).toEqual({
        tokenId: 'dt-medic',
        orgId: 'org-sz',
        label: "dt-medic's phone",
        role: 'member',
        createdAt: minutesLater(2),
        expiresAt: minutesLater(60),
        usedAt: null,
        cancelledAt: null,
      });
      const office = await add('code-office', 'dt-office', 1, 'head-office');
      const late = await add('code-late', 'dt-late', 3);
      await add('code-withdrawn', 'dt-withdrawn', 4);

      expect(await store.redeemEnrolmentCode('code-medic', 'h-medic', 'dev-medic', minutesLater(10))).toEqual({
        status: 'enrolled',
        code: { ...medic, usedAt: minutesLater(10) },
      });
      expect(await store.findDeviceToken('h-medic')).toEqual({
        id: 'dt-medic',
        orgId: 'org-sz',
        label: "dt-medic's phone",
        role: 'member',
        createdAt: minutesLater(10),
        revokedAt: null,
      });
      expect(await store.redeemEnrolmentCode('code-medic', 'h-again', 'dev-other', minutesLater(11))).toMatchObject({ status: 'used' });
      expect(await store.findDeviceToken('h-again')).toBeUndefined();
      expect(await store.redeemEnrolmentCode('code-late', 'h-late', null, minutesLater(60))).toMatchObject({ status: 'expired' });
      expect(await store.cancelEnrolmentCode('dt-withdrawn', minutesLater(12))).toMatchObject({ tokenId: 'dt-withdrawn', cancelledAt: minutesLater(12) });
      expect(await store.cancelEnrolmentCode('dt-withdrawn', minutesLater(13))).toBeUndefined();
      expect(await store.cancelEnrolmentCode('dt-medic', minutesLater(13))).toBeUndefined();
      expect(await store.redeemEnrolmentCode('code-withdrawn', 'h-withdrawn', null, minutesLater(14))).toMatchObject({ status: 'cancelled' });
      expect(await store.redeemEnrolmentCode('code-nobody', 'h-nobody', null, minutesLater(14))).toEqual({ status: 'unknown' });

      // Not used yet, expired or not, withdrawn ones excepted, oldest first.
      expect(await store.pendingEnrolmentCodes('org-sz')).toEqual([office, late]);
      expect(await store.redeemEnrolmentCode('code-office', 'h-office', null, minutesLater(15))).toMatchObject({
        status: 'enrolled',
        code: { role: 'head-office' },
      });
      expect((await store.findDeviceToken('h-office'))?.role).toBe('head-office');
    });

    it('rotates a token: the next hash waits beside the current one until its first use, then replaces it', async () => {
      const store = await fresh('rotate');
      await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
      await store.addDeviceToken({ id: 'dt-medic', orgId: 'org-sz', label: "Medic's phone", tokenHash: 'h-1' }, AT);
      await store.addDeviceToken({ id: 'dt-lost', orgId: 'org-sz', label: 'Lost phone', tokenHash: 'h-lost' }, AT);

      expect(await store.setNextTokenHash('dt-medic', 'h-2')).toBe(true);
      // A rotation whose answer was lost is replaced by the next one; the current hash still works meanwhile.
      expect(await store.setNextTokenHash('dt-medic', 'h-3')).toBe(true);
      expect((await store.findDeviceToken('h-1'))?.id).toBe('dt-medic');
      expect(await store.takeUpNextToken('h-2')).toBe(false);
      expect(await store.takeUpNextToken('h-3')).toBe(true);
      expect((await store.findDeviceToken('h-3'))?.id).toBe('dt-medic');
      expect(await store.findDeviceToken('h-1')).toBeUndefined();
      expect(await store.takeUpNextToken('h-3')).toBe(false);

      await store.revokeDeviceToken('dt-lost', minutesLater(1));
      expect(await store.setNextTokenHash('dt-lost', 'h-lost-2')).toBe(false);
      expect(await store.setNextTokenHash('dt-nobody', 'h-x')).toBe(false);
    });
  });
}

const postgres = ENGINES.find((e) => e.kind === 'postgres')!;

describe.skipIf(postgres.skipped)('what an administrator is told when a PostgreSQL database cannot be used', () => {
  afterEach(() => postgres.closeAll());
  const PASSWORD = 'S3cret-flood-pass';

  /** The message openPostgresStore refuses `url` with; it must never show the password. */
  const refusal = async (url: string): Promise<string> => {
    const error = await openPostgresStore(url, { connectTimeoutMs: 30_000 }).then(
      async (store) => {
        await store.close();
        return undefined;
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(PostgresOpenError);
    const message = (error as Error).message;
    expect(message).not.toContain(PASSWORD);
    return message;
  };
  const withPassword = (url: string, change: (u: URL) => void): string => {
    const parsed = new URL(url);
    parsed.username = 'muster_test';
    parsed.password = PASSWORD;
    change(parsed);
    return parsed.toString();
  };

  it('names the host, port and database when nothing answers on the port', async () => {
    const port = await freePort();
    const url = withPassword(await freshPostgresDatabase('refused'), (u) => (u.port = String(port)));
    const message = await refusal(url);
    expect(message).toContain(`on 127.0.0.1:${port}`);
    expect(message).toContain(`"${new URL(url).pathname.slice(1)}"`);
    expect(message).toMatch(/nothing answers there: is PostgreSQL running/);
  });

  it('says that the database does not exist, and how to make it', async () => {
    const url = withPassword(await freshPostgresDatabase('missing'), (u) => (u.pathname = '/muster_nowhere'));
    const message = await refusal(url);
    expect(message).toContain('"muster_nowhere"');
    expect(message).toMatch(/the database does not exist: create it \(createdb --owner=muster_test muster_nowhere\)/);
  });

  it('says that authentication failed, naming the user but not the password', async () => {
    const url = withPassword(await freshPostgresDatabase('auth'), (u) => (u.username = 'no_such_user'));
    const message = await refusal(url);
    expect(message).toContain('user "no_such_user"');
    expect(message).toMatch(/authentication failed/);
  });

  it('has its health probe report a database that has become read-only', async () => {
    const database = await postgres.newDatabase('probe-read-only');
    const store = await database.open();
    if (store.kind !== 'postgres') throw new Error('expected the PostgreSQL store');
    await database.raw(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$`);
    // The pool's connections began read-write; ended, they come back with the new setting.
    await database.raw('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await eventually(() => store.pool.totalCount === 0, 'the pool to drop its ended connections');
    const probe = await store.probe();
    expect(probe.read).toBeUndefined();
    expect(probe.write).toMatch(/read-only transaction/);
  });

  it('tells the administrator to use pg_dump, naming the database, rather than pretend to make a backup', async () => {
    const url = await freshPostgresDatabase('backup');
    const store = await openPostgresStore(url);
    try {
      await expect(async () => store.backupTo('/tmp/muster-backup.sqlite')).rejects.toThrow(
        new RegExp(`Back up the database "${new URL(url).pathname.slice(1)}" on 127\\.0\\.0\\.1:\\d+ with pg_dump`),
      );
    } finally {
      await store.close();
    }
  });
});
