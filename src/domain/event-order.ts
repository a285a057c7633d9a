/**
 * The total order of events, apart from their payload checks (event.ts) so a list that only
 * sorts stored events (the home screen's incidents) does not carry every event's validator.
 */
interface Ordered {
  readonly hlc: string;
  readonly id: string;
}

/** The total order of events: by clock stamp, then by id, so every device sorts the same set the same way. */
export function compareEvents(a: Ordered, b: Ordered): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Events in total order with repeats of the same id dropped; the input is not changed. */
export function orderEvents<E extends Ordered>(events: readonly E[]): E[] {
  const sorted = [...events].sort(compareEvents);
  const out: E[] = [];
  for (const e of sorted) {
    if (out.length === 0 || out[out.length - 1]?.id !== e.id) out.push(e);
  }
  return out;
}
