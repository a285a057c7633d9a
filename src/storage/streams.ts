import type { MusterDb } from './db';

/**
 * Bumps the revision of each stream written to. Call it inside the write's own
 * `db.transaction('rw', …)` (it must include `db.streams`), so watchers see the new revision
 * only once the events are committed. Returns the new revisions.
 */
export async function markStreamsChanged(db: MusterDb, streamIds: Iterable<string>): Promise<Map<string, number>> {
  const ids = [...new Set(streamIds)];
  const { revs, write } = bumpRevisions(db, ids, await db.streams.bulkGet(ids));
  await write;
  return revs;
}

/**
 * `markStreamsChanged` for a write that has read the streams' rows already (`rows[i]` is
 * `streamIds[i]`'s, read in the same transaction), alongside its other reads: the new
 * revisions, and the write that stores them (to await with the transaction's other writes).
 */
export function bumpRevisions(
  db: MusterDb,
  streamIds: readonly string[],
  rows: readonly ({ rev: number } | undefined)[],
): { revs: Map<string, number>; write: Promise<unknown> } {
  const revs = new Map(streamIds.map((streamId, i) => [streamId, (rows[i]?.rev ?? 0) + 1]));
  return { revs, write: db.streams.bulkPut([...revs].map(([streamId, rev]) => ({ streamId, rev }))) };
}

export async function streamRev(db: MusterDb, streamId: string): Promise<number> {
  return (await db.streams.get(streamId))?.rev ?? 0;
}
