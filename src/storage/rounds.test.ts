import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type MusterDb } from './db';
import { appendEvent, type WriteEnv } from './events';
import { readAllRoundEvents, readCalendar, readRoundOverview } from './rounds';

const T0 = Date.UTC(2026, 6, 14, 1, 0, 0);

function testEnv(): WriteEnv {
  let now = T0;
  let r = 7;
  return { now: () => (now += 1000), random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff) };
}

const started = (areaId: string) => ({
  playbookId: 'fire-evacuation',
  playbookVersion: '2.0.0',
  playbookLanguage: 'zh-CN',
  roundId: 'daily',
  areaId,
  title: '每日防火检查',
  areaName: areaId,
  inspector: '王安全',
});

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`rounds-test-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the rounds held on this device', () => {
  it('the overview holds each round’s start, completion and findings, not its item checks nor other streams', async () => {
    const env = testEnv();
    const add = (streamId: string, type: Parameters<typeof appendEvent>[1]['type'], payload: unknown) =>
      appendEvent(db, { streamId, actor: '王安全', type, payload } as Parameters<typeof appendEvent>[1], env);
    await add('round-a', 'round.started', started('archives'));
    await add('round-a', 'round.itemChecked', { itemId: 'exits', result: 'pass' });
    await add('round-a', 'finding.recorded', {
      findingId: 'f-1',
      itemId: 'wiring',
      description: '电线裸露',
      severity: 'major',
      owner: '李主任',
      dueDate: '2026-07-21',
    });
    await add('round-a', 'round.completed', {});
    await add('round-b', 'round.started', started('computer-room'));
    await add('round-a', 'rectification.closed', { findingId: 'f-1', evidence: '已更换线槽', closedBy: '李主任' });
    // An incident's note and the calendar are not rounds.
    await add('inc-1', 'note.added', { text: 'not a round' });
    await add('calendar', 'calendar.seasonSet', { playbookId: 'flood-emergency', roundId: 'flood-season-prep', startsOn: '06-01' });

    const overview = await readRoundOverview(db);
    expect([...overview.keys()].sort()).toEqual(['round-a', 'round-b']);
    expect(
      overview
        .get('round-a')
        ?.map((e) => e.type)
        .sort(),
    ).toEqual(['finding.recorded', 'rectification.closed', 'round.completed', 'round.started']);
    expect(overview.get('round-b')?.map((e) => e.type)).toEqual(['round.started']);

    const all = await readAllRoundEvents(db);
    expect([...all.keys()].sort()).toEqual(['round-a', 'round-b']);
    expect(all.get('round-a')?.map((e) => e.type)).toEqual([
      'round.started',
      'round.itemChecked',
      'finding.recorded',
      'round.completed',
      'rectification.closed',
    ]);

    const calendar = await readCalendar(db);
    expect(calendar.map((e) => e.payload)).toEqual([{ playbookId: 'flood-emergency', roundId: 'flood-season-prep', startsOn: '06-01' }]);
  });

  it('a device with no round reads empty answers', async () => {
    expect((await readRoundOverview(db)).size).toBe(0);
    expect((await readAllRoundEvents(db)).size).toBe(0);
    expect(await readCalendar(db)).toEqual([]);
  });
});
