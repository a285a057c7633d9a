import { attribution as by, type Attribution } from './attribution';
import type { MusterEvent } from './event';
import { orderForMerge } from './merge-order';

/**
 * The duty log's stream for a site (a standing book, not tied to an incident). Site names are
 * often Chinese, so the id is a readable ASCII part plus a hash of the whole name: two sites
 * never share a book because their names have the same Latin letters.
 */
export function dutyStreamId(site: string): string {
  const name = site.trim();
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of name) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `duty-${slug ? `${slug}-` : ''}${h.toString(16).padStart(8, '0')}`;
}

export type DutyLogEntry = Attribution & { readonly text: string; readonly tags: readonly string[] };
type ShiftHandover = Attribution & {
  readonly outgoing: string;
  readonly incoming: string;
  readonly openItems: readonly string[];
  readonly note?: string;
};

export interface DutyLogState {
  readonly entries: readonly DutyLogEntry[];
  readonly handovers: readonly ShiftHandover[];
  /** Entries struck through by a correction, by event id. */
  readonly struck: Readonly<Record<string, Attribution & { readonly reason?: string }>>;
  /** Who is on duty since the last handover, if any. */
  readonly onDuty: string | null;
  readonly openItems: readonly string[];
}

/**
 * The duty log of one site from its events: entries and handovers in merge order (merge-order.ts), so
 * every device shows the same book after sync. The last handover says who is on duty and
 * which items are open.
 */
export function reduceDutyLog(streamId: string, events: readonly MusterEvent[]): DutyLogState {
  const entries: DutyLogEntry[] = [];
  const handovers: ShiftHandover[] = [];
  const struck: Record<string, Attribution & { reason?: string }> = {};
  for (const e of orderForMerge(events.filter((x) => x.streamId === streamId))) {
    if (e.type === 'duty.entry') entries.push({ ...by(e), text: e.payload.text, tags: e.payload.tags ?? [] });
    else if (e.type === 'shift.handedOver')
      handovers.push({
        ...by(e),
        outgoing: e.payload.outgoing,
        incoming: e.payload.incoming,
        openItems: e.payload.openItems,
        ...(e.payload.note ? { note: e.payload.note } : {}),
      });
    else if (e.type === 'entry.struck') struck[e.payload.targetId] ??= { ...by(e), ...(e.payload.reason ? { reason: e.payload.reason } : {}) };
  }
  const last = handovers[handovers.length - 1];
  return { entries, handovers, struck, onDuty: last?.incoming ?? null, openItems: last?.openItems ?? [] };
}

/** Whether a correction may strike a duty-log entry through: each entry once, and the original stays readable. */
export function mayStrikeEntry(log: DutyLogState, eventId: string): boolean {
  return log.entries.some((e) => e.eventId === eventId) && !log.struck[eventId];
}

/** Duty-log entries written while an incident was open: from its start to its closure (or now). */
export function entriesDuring(log: DutyLogState, from: number, to: number | null): DutyLogEntry[] {
  return log.entries.filter((e) => e.at >= from && (to === null || e.at <= to));
}
