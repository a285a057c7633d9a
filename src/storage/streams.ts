import type { MusterDb } from './db';

/**
 * Bumps the revision of each stream written to. Call it inside the write's own
 * `db.transaction('rw', …)` (it must include `db.streams`), so watchers see the new revision
 * only once the events are committed. Returns the new revisions.
 */
export async function markStreamsChanged(db: MusterDb, streamIds: Iterable<string>): Promise<Map<string, number>> {
  const revs = new Map<string, number>();
  for (const streamId of new Set(streamIds)) {
    const row = await db.streams.get(streamId);
    const rev = (row?.rev ?? 0) + 1;
    await db.streams.put({ streamId, rev });
    revs.set(streamId, rev);
  }
  return revs;
}

export async function streamRev(db: MusterDb, streamId: string): Promise<number> {
  return (await db.streams.get(streamId))?.rev ?? 0;
}
