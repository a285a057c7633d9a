import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStamp } from '../domain/hlc';
import { uuidv7 } from '../domain/ids';
import { openDb, type MusterDb } from './db';
import { InvalidEventError, appendEvent, listIncidentStreams, outboxSize, readStream, recordEvent, type WriteEnv } from './events';
import { streamRev } from './streams';
import { getSetting, putSetting } from './settings';
import { allHeldEvents, heldEventCount } from './packs';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);

function testEnv(start = T0): WriteEnv & { set(ms: number): void } {
  let now = start;
  let r = 1;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff),
  };
}

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`test-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('recording events on the device', () => {
  it('writes the event and its outbox entry together, and reads the stream back in order', async () => {
    const env = testEnv();
    await appendEvent(
      db,
      {
        streamId: 'inc-1',
        actor: '王值班',
        type: 'incident.declared',
        payload: { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'real', title: '地下室进水', place: 'B1' },
      },
      env,
    );
    env.set(T0 - 30_000); // the phone's clock steps back; order must still follow the taps
    await appendEvent(db, { streamId: 'inc-1', actor: '王值班', type: 'step.done', payload: { stepId: 'alarm' } }, env);
    await appendEvent(db, { streamId: 'inc-2', actor: '李', type: 'note.added', payload: { text: 'other incident' } }, env);

    const stream = await readStream(db, 'inc-1');
    expect(stream.map((e) => e.type)).toEqual(['incident.declared', 'step.done']);
    expect(parseStamp(stream[1]?.hlc ?? '').wall).toBe(T0);
    expect(stream[0]?.deviceId).toMatch(/^d-[0-9a-f]{16}$/);
    expect(new Set(stream.map((e) => e.deviceId)).size).toBe(1);
    expect(await outboxSize(db)).toBe(3);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => o.eventId).sort()).toEqual((await allHeldEvents(db)).map((e) => e.id).sort());
  });

  it('refuses a malformed event with a message naming the field, and stores nothing', async () => {
    const env = testEnv();
    const bad = appendEvent(db, { streamId: 'inc-1', actor: '', type: 'step.done', payload: { stepId: 'alarm' } }, env);
    await expect(bad).rejects.toThrow(InvalidEventError);
    await expect(bad).rejects.toThrow(/actor: must not be empty/);
    expect(await heldEventCount(db)).toBe(0);
    expect(await outboxSize(db)).toBe(0);
  });

  it('stores neither the event nor the clock when the outbox write fails', async () => {
    const fixedEnv: WriteEnv = { now: () => T0, random: (b) => b.fill(7) };
    const nextId = uuidv7(T0, new Uint8Array(10).fill(7));
    // A stale outbox row with the very id the next event will get makes the outbox `add` fail
    // after the event row was written: the whole transaction must roll back.
    await db.outbox.add({ eventId: nextId, queuedAt: 0, attempts: 0 });
    await expect(appendEvent(db, { streamId: 'inc-1', actor: 'a', type: 'step.done', payload: { stepId: 's1' } }, fixedEnv)).rejects.toThrow();
    expect(await heldEventCount(db)).toBe(0);
    expect(await db.settings.get('clock')).toBeUndefined();
  });

  it('bumps the stream revision once per event, with two tabs recording at once', async () => {
    const other = openDb(db.name);
    await other.open();
    try {
      const env = testEnv();
      const tap = (on: MusterDb, i: number) => recordEvent(on, { streamId: 'inc-1', actor: 'a', type: 'step.done', payload: { stepId: `s${i}` } }, env);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => tap(i % 2 === 0 ? db : other, i)));
      // Each write read the revision and the clock inside its own transaction: none saw another's half.
      expect(results.map((r) => r.rev).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.event.hlc)).size).toBe(20);
      expect(await streamRev(db, 'inc-1')).toBe(20);
      expect(await outboxSize(db)).toBe(20);
      expect((await readStream(db, 'inc-1')).map((e) => e.id).sort()).toEqual(results.map((r) => r.event.id).sort());
    } finally {
      other.close();
    }
  });

  it('lists the incidents declared on the device, newest first', async () => {
    const env = testEnv();
    await appendEvent(
      db,
      { streamId: 'inc-a', actor: 'a', type: 'incident.declared', payload: { playbookId: 'fire', playbookVersion: '1', mode: 'drill', title: 'A', place: '' } },
      env,
    );
    env.set(T0 + 1000);
    await appendEvent(
      db,
      { streamId: 'inc-b', actor: 'a', type: 'incident.declared', payload: { playbookId: 'flood', playbookVersion: '1', mode: 'real', title: 'B', place: '' } },
      env,
    );
    expect((await listIncidentStreams(db)).map((e) => e.payload.title)).toEqual(['B', 'A']);
  });

  it('keeps the clock across reopening the database, so stamps never go back', async () => {
    const env = testEnv();
    const first = await appendEvent(db, { streamId: 'i', actor: 'a', type: 'step.done', payload: { stepId: 's' } }, env);
    db.close();
    await db.open();
    env.set(T0 - 3_600_000);
    const second = await appendEvent(db, { streamId: 'i', actor: 'a', type: 'step.done', payload: { stepId: 's' } }, env);
    expect(second.hlc > first.hlc).toBe(true);
  });
});

describe('settings', () => {
  it('returns the fallback until a value is stored', async () => {
    expect(await getSetting(db, 'language', 'en')).toBe('en');
    await putSetting(db, 'language', 'zh-CN');
    expect(await getSetting(db, 'language', 'en')).toBe('zh-CN');
  });
});
