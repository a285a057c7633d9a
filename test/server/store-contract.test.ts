// The storage port's contract (src/server/storage/types.ts), run on SQLite and on PostgreSQL
// through the port only, so that the two adapters are interchangeable in fact and not only in
// type. Organisations, device tokens, the event log and who has seen it. Concurrency is in
// store-contract-concurrency.test.ts, opening and the rest in store-contract-lifecycle.test.ts.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { storedEventBytes } from '../../src/server/rate-limit';
import { AT, engines, minutesLater, noteEvent, type ContractStore } from './store-contract-engines';
import { removeTempDirs } from './support';

afterAll(() => removeTempDirs());

/** The text of a stored note's payload. */
function noteText(payloadJson: string): string {
  return (JSON.parse(payloadJson) as { text: string }).text;
}

for (const engine of engines()) {
  describe.skipIf(engine.skipped)(`the storage port on ${engine.name}`, () => {
    afterEach(() => engine.closeAll());
    const fresh = async (label: string): Promise<ContractStore> => (await engine.newDatabase(label)).open();

    describe('organisations', () => {
      it('keeps each organisation under the parent it names, and refuses a parent that does not exist', async () => {
        const store = await fresh('orgs');
        const head = await store.createOrg({ id: 'org-hq', name: 'Head office' }, minutesLater(0));
        expect(head).toEqual({ id: 'org-hq', name: 'Head office', createdAt: minutesLater(0), parentId: null });
        const branch = await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch', parentId: 'org-hq' }, minutesLater(1));
        expect(branch).toEqual({ id: 'org-sz', name: 'Shenzhen branch', createdAt: minutesLater(1), parentId: 'org-hq' });
        await expect(async () => store.createOrg({ id: 'org-lost', name: 'Lost branch', parentId: 'org-nowhere' }, minutesLater(2))).rejects.toThrow();
        await expect(async () => store.createOrg({ id: 'org-hq', name: 'A second head office' }, minutesLater(3))).rejects.toThrow();

        expect(await store.getOrg('org-sz')).toEqual(branch);
        expect(await store.getOrg('org-lost')).toBeUndefined();
        // By creation time, then id: one made in the same minute as the head office, with a smaller id, comes first.
        const early = await store.createOrg({ id: 'org-aa', name: 'Airport station' }, minutesLater(0));
        expect(await store.listOrgs()).toEqual([early, head, branch]);
      });

      it('moves an organisation under another parent or under none, and answers undefined for one that does not exist', async () => {
        const store = await fresh('org-parent');
        await store.createOrg({ id: 'org-hq', name: 'Head office' }, AT);
        await store.createOrg({ id: 'org-south', name: 'South region' }, AT);
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch', parentId: 'org-hq' }, AT);

        expect(await store.setOrgParent('org-sz', 'org-south')).toEqual({ id: 'org-sz', name: 'Shenzhen branch', createdAt: AT, parentId: 'org-south' });
        expect((await store.getOrg('org-sz'))?.parentId).toBe('org-south');
        expect(await store.setOrgParent('org-sz', null)).toMatchObject({ id: 'org-sz', parentId: null });
        expect(await store.setOrgParent('org-nowhere', 'org-hq')).toBeUndefined();
        await expect(async () => store.setOrgParent('org-sz', 'org-nowhere')).rejects.toThrow();
        expect((await store.getOrg('org-sz'))?.parentId).toBeNull();
      });

      it('finds every organisation below one, however deep, by name (code point order) then id, without itself or its siblings', async () => {
        const store = await fresh('org-tree');
        const add = (id: string, name: string, parentId?: string): Promise<unknown> => store.createOrg({ id, name, ...(parentId ? { parentId } : {}) }, AT);
        await add('org-hq', 'Head office');
        await add('org-north', 'North region', 'org-hq');
        await add('org-south', 'South region', 'org-hq');
        await add('org-sz', 'Shenzhen', 'org-north');
        await add('org-gz', 'Guangzhou', 'org-north');
        await add('org-futian', 'Futian sub-branch', 'org-sz');
        // Lower case sorts after every capital, as SQLite compares text: not as a person would.
        await add('org-airport', 'airport desk', 'org-sz');
        await add('org-other', 'Other company');
        await add('org-other-kid', 'A branch of another company', 'org-other');

        const names = async (id: string): Promise<string[]> => (await store.descendantOrgs(id)).map((o) => o.name);
        expect(await names('org-north')).toEqual(['Futian sub-branch', 'Guangzhou', 'Shenzhen', 'airport desk']);
        expect(await names('org-hq')).toEqual(['Futian sub-branch', 'Guangzhou', 'North region', 'Shenzhen', 'South region', 'airport desk']);
        expect(await names('org-south')).toEqual([]);
        expect((await store.descendantOrgs('org-sz')).map((o) => [o.id, o.parentId])).toEqual([
          ['org-futian', 'org-sz'],
          ['org-airport', 'org-sz'],
        ]);
      });

      it('tells how far each organisation has got, in the order asked, with a row for one that has nothing', async () => {
        const store = await fresh('org-activity');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.createOrg({ id: 'org-gz', name: 'Guangzhou branch' }, AT);
        await store.addDeviceToken({ id: 'dt-commander', orgId: 'org-sz', label: "Commander's tablet", tokenHash: 'h-commander' }, AT);
        await store.addDeviceToken({ id: 'dt-lost', orgId: 'org-sz', label: 'Lost phone', tokenHash: 'h-lost' }, AT);
        await store.appendEvents('org-sz', [noteEvent('ev-1', 'Water at the second step')], minutesLater(5));
        const [second] = await store.appendEvents('org-sz', [noteEvent('ev-2', 'Water at the third step')], minutesLater(9));
        await store.noteDeviceContacts([
          { tokenId: 'dt-commander', at: minutesLater(12), seenSeq: 0 },
          { tokenId: 'dt-lost', at: minutesLater(30), seenSeq: 0 },
        ]);
        // A revoked device's contact is not the organisation's.
        await store.revokeDeviceToken('dt-lost', minutesLater(31));

        expect(await store.orgActivity(['org-gz', 'org-sz', 'org-nowhere'])).toEqual([
          { orgId: 'org-gz', latestSeq: 0, lastEventAt: null, lastContactAt: null },
          { orgId: 'org-sz', latestSeq: second!.seq, lastEventAt: minutesLater(9), lastContactAt: minutesLater(12) },
          { orgId: 'org-nowhere', latestSeq: 0, lastEventAt: null, lastContactAt: null },
        ]);
        expect(await store.orgActivity([])).toEqual([]);
      });
    });

    describe('device tokens', () => {
      it('issues tokens with a role, finds them by hash, lists them by issue time, and keeps the first revocation time', async () => {
        const store = await fresh('tokens');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        const medic = await store.addDeviceToken({ id: 'dt-medic', orgId: 'org-sz', label: "Medic's phone", tokenHash: 'h-medic' }, minutesLater(2));
        const editor = await store.addDeviceToken(
          { id: 'dt-safety', orgId: 'org-sz', label: "Safety officer's tablet", tokenHash: 'h-safety', role: 'editor' },
          minutesLater(1),
        );
        const office = await store.addDeviceToken(
          { id: 'dt-hq', orgId: 'org-sz', label: 'Head office duty desk', tokenHash: 'h-hq', role: 'head-office' },
          minutesLater(3),
        );
        expect(medic).toEqual({ id: 'dt-medic', orgId: 'org-sz', label: "Medic's phone", role: 'member', createdAt: minutesLater(2), revokedAt: null });
        expect(editor.role).toBe('editor');
        expect(office.role).toBe('head-office');
        await expect(async () => store.addDeviceToken({ id: 'dt-copy', orgId: 'org-sz', label: 'Same hash', tokenHash: 'h-medic' }, AT)).rejects.toThrow();

        expect(await store.findDeviceToken('h-safety')).toEqual(editor);
        expect(await store.findDeviceToken('h-nobody')).toBeUndefined();
        expect(await store.listDeviceTokens('org-sz')).toEqual([editor, medic, office]);
        expect(await store.listDeviceTokens('org-gz')).toEqual([]);

        expect(await store.revokeDeviceToken('dt-medic', minutesLater(10))).toEqual({ ...medic, revokedAt: minutesLater(10) });
        expect((await store.revokeDeviceToken('dt-medic', minutesLater(20)))?.revokedAt).toBe(minutesLater(10));
        expect((await store.findDeviceToken('h-medic'))?.revokedAt).toBe(minutesLater(10));
        expect(await store.revokeDeviceToken('dt-nobody', minutesLater(10))).toBeUndefined();
      });

      it('gives a token another role, head office included, and answers undefined for one that does not exist', async () => {
        const store = await fresh('roles');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.addDeviceToken({ id: 'dt-duty', orgId: 'org-sz', label: 'Duty desk', tokenHash: 'h-duty' }, AT);
        expect(await store.setDeviceRole('dt-duty', 'head-office')).toMatchObject({ id: 'dt-duty', role: 'head-office' });
        expect((await store.findDeviceToken('h-duty'))?.role).toBe('head-office');
        expect((await store.setDeviceRole('dt-duty', 'editor'))?.role).toBe('editor');
        expect(await store.setDeviceRole('dt-nobody', 'editor')).toBeUndefined();
      });

      it('binds a token to the device id of its first push; another active token of the organisation cannot take that id', async () => {
        const store = await fresh('bind');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.createOrg({ id: 'org-gz', name: 'Guangzhou branch' }, AT);
        for (const [id, orgId] of [
          ['dt-a', 'org-sz'],
          ['dt-b', 'org-sz'],
          ['dt-c', 'org-sz'],
          ['dt-gz', 'org-gz'],
        ] as const) {
          await store.addDeviceToken({ id, orgId, label: id, tokenHash: `h-${id}` }, AT);
        }
        expect(await store.bindTokenDevice('dt-a', 'dev-tablet-1')).toBe('dev-tablet-1');
        expect(await store.bindTokenDevice('dt-a', 'dev-tablet-2')).toBe('dev-tablet-1');
        expect(await store.bindTokenDevice('dt-b', 'dev-tablet-1')).toBeUndefined();
        expect(await store.bindTokenDevice('dt-b', 'dev-tablet-3')).toBe('dev-tablet-3');
        // Another organisation's devices are its own business.
        expect(await store.bindTokenDevice('dt-gz', 'dev-tablet-1')).toBe('dev-tablet-1');
        // Once the first token is revoked (a new phone for the same device), the id is free again.
        await store.revokeDeviceToken('dt-a', minutesLater(5));
        expect(await store.bindTokenDevice('dt-c', 'dev-tablet-1')).toBe('dev-tablet-1');
        expect(await store.bindTokenDevice('dt-nobody', 'dev-tablet-9')).toBeUndefined();
      });
    });

    describe('the event log', () => {
      it('stores each event once: accepted, a retried copy a duplicate, other content under the same id a conflict, in the order pushed', async () => {
        const store = await fresh('append');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.addDeviceToken({ id: 'dt-commander', orgId: 'org-sz', label: "Commander's tablet", tokenHash: 'h-commander' }, AT);
        const levee = noteEvent('ev-levee', 'Levee breached at the east gate');
        const evacuate = noteEvent('ev-evacuate', 'Evacuate building 3');
        // Two fields: a copy pushed with them in another order is the same event.
        const roll = noteEvent('ev-roll', '', { payload: { text: 'Roll call at the school', tags: ['people'] } });

        const first = await store.appendEvents('org-sz', [levee, evacuate, levee, roll], minutesLater(1), 'dt-commander');
        expect(first.map((o) => o.status)).toEqual(['accepted', 'accepted', 'duplicate', 'accepted']);
        const [s1, s2, s1again, s3] = first.map((o) => o.seq);
        expect(s1again).toBe(s1);
        expect(s1! < s2! && s2! < s3!).toBe(true);

        const changed = noteEvent('ev-evacuate', 'Evacuate building 4');
        const reordered = noteEvent('ev-roll', '', { payload: { tags: ['people'], text: 'Roll call at the school' } });
        const gauge = noteEvent('ev-gauge', 'Gauge reads 4.2 m');
        const gaugeChanged = noteEvent('ev-gauge', 'Gauge reads 9.9 m');
        const second = await store.appendEvents('org-sz', [evacuate, changed, reordered, gauge, gaugeChanged], minutesLater(2));
        expect(second).toEqual([
          { status: 'duplicate', seq: s2 },
          { status: 'conflict', seq: s2 },
          { status: 'duplicate', seq: s3 },
          { status: 'accepted', seq: second[3]!.seq },
          { status: 'conflict', seq: second[3]!.seq },
        ]);
        expect(second[3]!.seq).toBeGreaterThan(s3!);
        expect(await store.appendEvents('org-sz', [], minutesLater(3))).toEqual([]);

        // The first content stays the one every device sees, byte for byte, with who delivered it.
        const { events } = await store.readEvents('org-sz', 0, 100);
        expect(events.map((e) => [e.id, JSON.parse(e.payloadJson) as unknown])).toEqual([
          ['ev-levee', { text: 'Levee breached at the east gate' }],
          ['ev-evacuate', { text: 'Evacuate building 3' }],
          ['ev-roll', { text: 'Roll call at the school', tags: ['people'] }],
          ['ev-gauge', { text: 'Gauge reads 4.2 m' }],
        ]);
        expect(events[0]).toEqual({
          seq: s1,
          receivedAt: minutesLater(1),
          id: 'ev-levee',
          streamId: levee.streamId,
          deviceId: levee.deviceId,
          actor: levee.actor,
          hlc: levee.hlc,
          type: levee.type,
          v: 1,
          payloadJson: JSON.stringify(levee.payload),
          deliveredBy: "Commander's tablet",
        });
        expect(events[3]?.deliveredBy).toBeNull();
        expect(await store.latestSeq('org-sz')).toBe(second[3]!.seq);
      });

      it('keeps organisations apart: another may reuse an id, and neither ever reads the other', async () => {
        const store = await fresh('isolation');
        const sz = await store.appendEvents('org-sz', [noteEvent('ev-1', 'Shenzhen: sandbags at gate 2')], AT);
        const gz = await store.appendEvents('org-gz', [noteEvent('ev-1', 'Guangzhou: pump 3 running'), noteEvent('ev-2', 'Guangzhou: road closed')], AT);
        expect(sz.map((o) => o.status)).toEqual(['accepted']);
        expect(gz.map((o) => o.status)).toEqual(['accepted', 'accepted']);

        const read = async (orgId: string): Promise<string[]> => (await store.readEvents(orgId, 0, 100)).events.map((e) => noteText(e.payloadJson));
        expect(await read('org-sz')).toEqual(['Shenzhen: sandbags at gate 2']);
        expect(await read('org-gz')).toEqual(['Guangzhou: pump 3 running', 'Guangzhou: road closed']);
        expect(await read('org-nowhere')).toEqual([]);
        expect(await store.latestSeq('org-nowhere')).toBe(0);
        expect(await store.latestSeq('org-gz')).toBe(gz[1]!.seq);
      });

      it('pages by count and by bytes: `more` says another page follows, and one event bigger than the page still comes alone', async () => {
        const store = await fresh('paging');
        const events = Array.from({ length: 7 }, (_, i) => noteEvent(`ev-${i + 1}`, `${'水'.repeat(300)} ${i + 1}`));
        const seqs = (await store.appendEvents('org-sz', events, AT)).map((o) => o.seq);

        const ids = (page: { events: readonly { id: string }[] }): string[] => page.events.map((e) => e.id);
        const first = await store.readEvents('org-sz', 0, 3);
        expect([ids(first), first.more]).toEqual([['ev-1', 'ev-2', 'ev-3'], true]);
        const second = await store.readEvents('org-sz', seqs[2]!, 3);
        expect([ids(second), second.more]).toEqual([['ev-4', 'ev-5', 'ev-6'], true]);
        const last = await store.readEvents('org-sz', seqs[5]!, 3);
        expect([ids(last), last.more]).toEqual([['ev-7'], false]);
        expect(await store.readEvents('org-sz', seqs[6]!, 3)).toEqual({ events: [], more: false });

        // Each event is about 1.2 KB of pull JSON (300 three-byte characters and its fields).
        const byBytes = await store.readEvents('org-sz', 0, 100, 2_500);
        expect([ids(byBytes), byBytes.more]).toEqual([['ev-1', 'ev-2'], true]);
        const tiny = await store.readEvents('org-sz', seqs[3]!, 100, 10);
        expect([ids(tiny), tiny.more]).toEqual([['ev-5'], true]);
        const lastTiny = await store.readEvents('org-sz', seqs[5]!, 100, 10);
        expect([ids(lastTiny), lastTiny.more]).toEqual([['ev-7'], false]);
      });

      it('counts the bytes of the stored events exactly as the quota check does, Chinese text and all', async () => {
        const store = await fresh('usage');
        const events = [
          noteEvent('ev-1', '河堤东闸决口，三号楼撤离'),
          noteEvent('ev-2', 'Pump 3 running', { actor: '王芳' }),
          noteEvent('ev-3', '点名：学校操场 🚒', { streamId: 'inc-二号' }),
        ];
        expect(await store.storedEventBytes('org-sz')).toBe(0);
        await store.appendEvents('org-sz', events, AT);
        // A retried copy and a conflicting one store nothing, so they count nothing.
        await store.appendEvents('org-sz', [events[0]!, noteEvent('ev-2', 'something else entirely, and longer')], AT);
        const expected = events.reduce((sum, e) => sum + storedEventBytes(e), 0);
        expect(await store.storedEventBytes('org-sz')).toBe(expected);
        expect(await store.storedEventBytes('org-gz')).toBe(0);
      });
    });

    describe('who has seen what', () => {
      it('tells which active devices follow an incident, how far each has been handed its events, and since when it is behind', async () => {
        const store = await fresh('followers');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.createOrg({ id: 'org-gz', name: 'Guangzhou branch' }, AT);
        const tokens = [
          ['dt-commander', 'org-sz', "Commander's tablet"],
          ['dt-medic', 'org-sz', "Medic's phone"],
          ['dt-old', 'org-sz', 'Old phone'],
          ['dt-idle', 'org-sz', 'Spare tablet'],
          ['dt-gz', 'org-gz', 'Guangzhou tablet'],
        ] as const;
        for (const [i, [id, orgId, label]] of tokens.entries()) await store.addDeviceToken({ id, orgId, label, tokenHash: `h-${id}` }, minutesLater(i));
        const flood = 'inc-riverside-flood';
        const [first] = await store.appendEvents('org-sz', [noteEvent('ev-1', 'Water rising', { streamId: flood })], minutesLater(10));
        await store.appendEvents('org-sz', [noteEvent('ev-fire', 'Smoke in block C', { streamId: 'inc-block-c-fire' })], minutesLater(11));
        const [second] = await store.appendEvents('org-sz', [noteEvent('ev-2', 'Evacuate block A', { streamId: flood })], minutesLater(12));
        await store.appendEvents('org-gz', [noteEvent('ev-1', 'Guangzhou water rising', { streamId: flood })], minutesLater(12));

        await store.noteDeviceContacts([
          { tokenId: 'dt-commander', at: minutesLater(20), seenSeq: second!.seq, following: [flood] },
          { tokenId: 'dt-medic', at: minutesLater(21), seenSeq: first!.seq, following: ['inc-block-c-fire', flood] },
          { tokenId: 'dt-old', at: minutesLater(22), seenSeq: 0, following: [flood] },
          { tokenId: 'dt-gz', at: minutesLater(22), seenSeq: 0, following: [flood] },
        ]);
        await store.revokeDeviceToken('dt-old', minutesLater(23));

        expect(await store.incidentFollowers('org-sz', flood)).toEqual({
          latestSeq: second!.seq,
          devices: [
            { tokenId: 'dt-commander', label: "Commander's tablet", seenSeq: second!.seq, seenAt: minutesLater(20), behindSince: null },
            { tokenId: 'dt-medic', label: "Medic's phone", seenSeq: first!.seq, seenAt: minutesLater(21), behindSince: minutesLater(12) },
          ],
        });
        // An incident the server has no events of: followers are not behind.
        expect(await store.incidentFollowers('org-sz', 'inc-block-d')).toEqual({ latestSeq: null, devices: [] });
        // The medic was handed the flood's first event only, so the fire's one (after it) is still to come.
        const fire = await store.incidentFollowers('org-sz', 'inc-block-c-fire');
        expect(fire.devices.map((d) => [d.tokenId, d.behindSince])).toEqual([['dt-medic', minutesLater(11)]]);
      });

      it('never lowers what a device was handed, keeps what it follows when not told, and takes two notes of one device as one', async () => {
        const store = await fresh('contacts');
        await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, AT);
        await store.addDeviceToken({ id: 'dt-medic', orgId: 'org-sz', label: "Medic's phone", tokenHash: 'h-medic' }, AT);
        const outcomes = await store.appendEvents('org-sz', [noteEvent('ev-1', 'one'), noteEvent('ev-2', 'two'), noteEvent('ev-3', 'three')], AT);
        const [s1, s2, s3] = outcomes.map((o) => o.seq);
        const followers = async (): Promise<unknown> => (await store.incidentFollowers('org-sz', 'inc-riverside-flood')).devices;

        await store.noteDeviceContacts([{ tokenId: 'dt-medic', at: minutesLater(1), seenSeq: s2!, following: ['inc-riverside-flood'] }]);
        await store.noteDeviceContacts([{ tokenId: 'dt-medic', at: minutesLater(2), seenSeq: s1! }]);
        expect(await followers()).toEqual([{ tokenId: 'dt-medic', label: "Medic's phone", seenSeq: s2, seenAt: minutesLater(2), behindSince: AT }]);

        await store.noteDeviceContacts([
          { tokenId: 'dt-medic', at: minutesLater(3), seenSeq: s3!, following: [] },
          { tokenId: 'dt-medic', at: minutesLater(4), seenSeq: s1! },
          { tokenId: 'dt-nobody', at: minutesLater(4), seenSeq: s1! },
        ]);
        // The last `following` given wins (none: it follows nothing now); the highest seq and the last time stay.
        expect(await followers()).toEqual([]);
        await store.noteDeviceContacts([{ tokenId: 'dt-medic', at: minutesLater(5), seenSeq: 0, following: ['inc-riverside-flood'] }]);
        expect(await followers()).toEqual([{ tokenId: 'dt-medic', label: "Medic's phone", seenSeq: s3, seenAt: minutesLater(5), behindSince: null }]);
        await store.noteDeviceContacts([]);
      });
    });
  });
}
