import type { Table } from 'dexie';

/**
 * Reading or deleting a batch of ids as one key range. The ids a device makes are time-ordered
 * (UUIDv7), so a batch of one device's events usually spans a short range of keys: one request
 * for the range instead of one per id. Used where a batch is read (the outbox) and where it is
 * taken out (the outbox and the events, once the server has them).
 */

/** From this many ids, a batch is read or deleted as one key range when it can be. */
export const RANGE_FROM = 16;

/** The lowest and highest of `ids` in IndexedDB's order for strings (UTF-16 code units, as `<`); null under RANGE_FROM ids. */
export function keySpan(ids: readonly string[]): [string, string] | null {
  if (ids.length < RANGE_FROM) return null;
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  return [lo, hi];
}

/**
 * The span of `ids` if nothing but `ids` lies in it in `table`, so that one range delete takes
 * exactly them; null otherwise (or under RANGE_FROM ids). Read inside the caller's transaction,
 * so nothing can slip into the range before the delete.
 */
export async function spanHoldingOnly<T, I>(table: Table<T, string, I>, ids: readonly string[]): Promise<[string, string] | null> {
  const span = keySpan(ids);
  if (span === null) return null;
  const present = await table
    .where(':id')
    .between(span[0], span[1], true, true)
    .limit(ids.length + 1)
    .primaryKeys();
  const taken = new Set(ids);
  return present.length <= ids.length && present.every((k) => taken.has(k)) ? span : null;
}

/**
 * Deletes `ids` from `table` inside the caller's transaction: as the one range `span` when
 * `spanHoldingOnly` gave it, else in slices of `slice` ids (no task makes thousands of requests).
 */
export async function deleteIds<T, I>(table: Table<T, string, I>, ids: readonly string[], span: [string, string] | null, slice: number): Promise<void> {
  if (ids.length === 0) return;
  if (span !== null) {
    await table.where(':id').between(span[0], span[1], true, true).delete();
    return;
  }
  for (let start = 0; start < ids.length; start += slice) await table.bulkDelete(ids.slice(start, start + slice));
}
