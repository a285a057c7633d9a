import { Dexie } from 'dexie';
import type { EventType } from '../domain/event';
import { BRANCH_CALENDAR_STREAM } from '../domain/events/calendar';
import { ROUND_STREAM_PREFIX } from '../domain/events/rounds';
import type { HeldEvent } from '../domain/merge-order';
import type { MusterDb } from './db';

/**
 * Reading the inspection rounds done on this device (one stream per round, `round-<uuid>`) and
 * the branch calendar (`calendar`). Reads only the device's own copy, so every answer holds
 * offline; a round pulled from another phone counts as soon as its events are stored.
 */

/**
 * What the list of rounds due and the open findings need of each round, and no more: its start
 * and completion, its findings and their rectification. The item checks (most of a round's
 * events) are left out, so the home screen's count reads a few rows per round.
 */
export const ROUND_OVERVIEW_TYPES = [
  'round.started',
  'round.completed',
  'finding.recorded',
  'rectification.updated',
  'rectification.closed',
  'rectification.reopened',
] as const satisfies readonly EventType[];

/** The overview events of every round held, by stream (one lookup on the `type` index). */
export async function readRoundOverview(db: MusterDb): Promise<Map<string, HeldEvent[]>> {
  const rows = await db.events.where('type').anyOf(ROUND_OVERVIEW_TYPES).toArray();
  return groupByStream(rows.filter((e) => e.streamId.startsWith(ROUND_STREAM_PREFIX)));
}

/**
 * Every event of every round held, by stream: the round report needs them all (its hash chain
 * covers each event). One range on the `[streamId+hlc]` index: the streams whose id starts
 * with `round-`.
 */
export async function readAllRoundEvents(db: MusterDb): Promise<Map<string, HeldEvent[]>> {
  const rows = await db.events
    .where('[streamId+hlc]')
    .between([ROUND_STREAM_PREFIX, Dexie.minKey], [`${ROUND_STREAM_PREFIX}\uffff`, Dexie.maxKey])
    .toArray();
  return groupByStream(rows);
}

/** The branch calendar's events (season start dates), in (hlc, id) order. */
export async function readCalendar(db: MusterDb): Promise<HeldEvent[]> {
  return db.events.where('[streamId+hlc]').between([BRANCH_CALENDAR_STREAM, Dexie.minKey], [BRANCH_CALENDAR_STREAM, Dexie.maxKey]).toArray();
}

function groupByStream(rows: readonly HeldEvent[]): Map<string, HeldEvent[]> {
  const out = new Map<string, HeldEvent[]>();
  for (const e of rows) {
    const list = out.get(e.streamId);
    if (list) list.push(e);
    else out.set(e.streamId, [e]);
  }
  return out;
}
