import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../domain/playbook/check';
import type { Playbook } from '../../domain/playbook/schema';
import { reduceRound } from '../../domain/rounds';
import { appDb } from '../../storage';
import { readStream } from '../../storage/events';
import type { TakenPhoto } from '../../storage/photos';
import { readCalendar, readRoundOverview } from '../../storage/rounds';
import { useSession } from '../../ui/session';
import {
  checkItem,
  closeRectification,
  completeRound,
  recordFinding,
  reopenRectification,
  setSeasonStart,
  startRound,
  updateRectification,
  type IdSource,
} from './commands';
import { roundsHeldFrom, roundsToday, type RoundsHeld } from './hooks';
import { heldEventCount } from '../../storage/packs';

function playbook(file: string): Playbook {
  const checked = validatePlaybook(JSON.parse(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`${file} does not validate`);
  return checked.playbook;
}

/** A test's clock and random source for the ids the commands make. */
function ids(start: number): IdSource {
  let r = 11;
  return { now: () => start, random: (bytes) => bytes.map(() => (r = (r * 48271) % 2147483647) & 0xff) };
}

const PHOTO: TakenPhoto = {
  blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
  ref: { hash: 'a'.repeat(64), type: 'image/jpeg', bytes: 4, width: 1600, height: 1200 },
};

const ZONE = 'Asia/Shanghai';

/** What the screens read: the overview of every round held and the branch calendar. */
async function heldNow(): Promise<RoundsHeld> {
  return roundsHeldFrom(await readRoundOverview(appDb()), await readCalendar(appDb()));
}

beforeEach(async () => {
  const db = appDb();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  useSession.setState({ actorName: '王安全', language: 'zh-CN', writeError: null });
});

describe('the daily fire round of the archives room, done on the phone', () => {
  it('starts, checks items, records a finding with its photo in the same write, completes, and the finding is rectified', async () => {
    const fire = playbook('fire.zh-CN.json');
    const daily = fire.preparation?.rounds?.find((r) => r.id === 'daily');
    expect(daily).toBeDefined();
    const now = Date.now();
    const before = roundsToday([fire], await heldNow(), now, ZONE, 'zh-CN');
    const archivesBefore = before.rows.find((r) => r.roundId === 'daily' && r.areaId === 'archives');
    expect(archivesBefore?.status).toBe('due');

    const id = await startRound(
      {
        playbookId: fire.id,
        playbookVersion: fire.version,
        playbookLanguage: fire.language,
        roundId: 'daily',
        areaId: 'archives',
        title: daily!.title,
        areaName: '档案室',
        inspector: '王安全',
      },
      ids(now),
    );
    expect(id).toMatch(/^round-[0-9a-f-]{36}$/);
    const [first, second] = daily!.items;
    await checkItem(id!, first!.id, 'pass');
    const findingId = await recordFinding(
      id!,
      { itemId: second!.id, description: '灭火器压力不足', severity: 'major', owner: '李主任', dueDate: '2026-07-21', photos: [PHOTO] },
      ids(now),
    );
    expect(findingId).toMatch(/^f-/);
    await completeRound(id!);

    const events = await readStream(appDb(), id!);
    expect(events.map((e) => e.type)).toEqual(['round.started', 'round.itemChecked', 'finding.recorded', 'round.itemChecked', 'round.completed']);
    expect(events.every((e) => e.actor === '王安全')).toBe(true);
    // Every event waits in the outbox (pushed like any stream), and the photo is held for the finding's stream.
    expect((await appDb().outbox.toArray()).map((o) => o.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(await appDb().photos.get(PHOTO.ref.hash)).toMatchObject({ streamId: id, unsent: 1 });

    let run = reduceRound(events);
    expect(run?.items.get(second!.id)?.result).toBe('finding');
    expect(run?.completed?.actor).toBe('王安全');
    expect(run?.findings).toMatchObject([
      { findingId, description: '灭火器压力不足', severity: 'major', owner: '李主任', dueDate: '2026-07-21', status: 'open', photos: [PHOTO.ref] },
    ]);

    // The archives room is done for today; the other areas are still due.
    const after = roundsToday([fire], await heldNow(), now, ZONE, 'zh-CN');
    expect(after.rows.find((r) => r.roundId === 'daily' && r.areaId === 'archives')?.status).toBe('done');
    expect(after.dueToday).toBe(before.dueToday - 1);
    expect(after.overdue).toBe(0);
    expect(after.findings.map((f) => f.finding.findingId)).toEqual([findingId]);

    await updateRectification(id!, findingId!, { note: '已报修', photos: [], dueDate: '2026-07-25' });
    await closeRectification(id!, findingId!, '已更换灭火器', '李主任', [PHOTO]);
    run = reduceRound(await readStream(appDb(), id!));
    expect(run?.findings[0]).toMatchObject({ status: 'closed', dueDate: '2026-07-25', closed: { evidence: '已更换灭火器', closedBy: '李主任' } });
    expect((await heldNow()).runs.flatMap((r) => r.findings).filter((f) => f.status === 'open')).toEqual([]);

    await reopenRectification(id!, findingId!, '复查时仍压力不足');
    run = reduceRound(await readStream(appDb(), id!));
    expect(run?.findings[0]?.status).toBe('open');
    expect(run?.findings[0]?.history.map((h) => h.kind)).toEqual(['updated', 'closed', 'reopened']);
  });

  it('a refused record keeps the form: the command resolves to null and says why in the top bar', async () => {
    const saved = await recordFinding('round-x', { description: '', severity: 'general', owner: '李主任', dueDate: '2026-07-21', photos: [] });
    expect(saved).toBeNull();
    expect(useSession.getState().writeError).toContain('finding.recorded');
    expect(await heldEventCount(appDb())).toBe(0);
  });
});

describe('the flood season date', () => {
  it('makes the flood preparation round due, and the last date set wins', async () => {
    const flood = playbook('flood.zh-CN.json');
    const now = Date.UTC(2027, 3, 10, 2, 0);
    expect(roundsToday([flood], await heldNow(), now, ZONE, 'zh-CN').rows.map((r) => r.status)).toEqual(['no-season-date']);
    await setSeasonStart(flood.id, 'flood-season-prep', '05-01');
    await setSeasonStart(flood.id, 'flood-season-prep', '06-01');
    const held = await heldNow();
    expect(held.seasons.get(`${flood.id}/flood-season-prep`)).toBe('06-01');
    const [row] = roundsToday([flood], held, now, ZONE, 'zh-CN').rows;
    expect(row?.status).toBe('due');
    expect(row?.deadline).toBe(Date.UTC(2027, 4, 31, 16, 0)); // 1 June 2027, 00:00 in Shanghai
  });
});
