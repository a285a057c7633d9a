import { attribution, type Attribution } from './attribution';
import type { MusterEvent } from './event';
import { BRANCH_ROSTER_STREAM, PERSON_ID_PATTERN, type RosterPerson } from './events/roster';
import { orderForMerge } from './merge-order';
import { TEXT_LIMITS } from './events/limits';
import { PHONE_MAX_LENGTH } from './phone';

export const ROSTER_FIELDS = ['name', 'floor', 'team', 'phone', 'assemblyPoint'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The longest text each field may hold: the roster event's own limits (events/roster.ts). */
export const FIELD_MAX: Readonly<Record<RosterField, number>> = {
  name: TEXT_LIMITS.name,
  floor: TEXT_LIMITS.unit,
  team: TEXT_LIMITS.name,
  phone: PHONE_MAX_LENGTH,
  assemblyPoint: TEXT_LIMITS.name,
};

/** One person on the branch roster, with who last set them and when. */
export type RosterEntry = RosterPerson & { readonly set: Attribution };

export interface RosterState {
  /** The people on the roster now, by name (then id), so every device lists them alike. */
  readonly people: readonly RosterEntry[];
  readonly byId: Readonly<Record<string, RosterEntry>>;
  /** How many roster events were applied (0: this device holds no roster yet). */
  readonly eventCount: number;
}

const byName = new Intl.Collator('zh-CN', { numeric: true });

/** Orders people as the roster lists them: by name, then by id (two people may share a name). */
export function compareRosterPeople(a: RosterPerson, b: RosterPerson): number {
  return byName.compare(a.name, b.name) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}

/**
 * The branch roster from the events of its stream (`roster`, events/roster.ts). Each person is
 * last-writer-wins by `personId` in merge order (merge-order.ts): the last `roster.personSet`
 * gives their details, a later `roster.personRemoved` takes them off, a set after a removal puts
 * them back. Deterministic: every device holding the same events shows the same roster, offline
 * or after sync, whatever order the events arrived in.
 */
export function reduceRoster(events: readonly MusterEvent[]): RosterState {
  const latest = new Map<string, RosterEntry | null>();
  let eventCount = 0;
  for (const e of orderForMerge(events.filter((x) => x.streamId === BRANCH_ROSTER_STREAM))) {
    if (e.type === 'roster.personSet') {
      eventCount += 1;
      latest.set(e.payload.personId, { ...e.payload, set: attribution(e) });
    } else if (e.type === 'roster.personRemoved') {
      eventCount += 1;
      latest.set(e.payload.personId, null);
    }
  }
  const people = [...latest.values()].filter((p): p is RosterEntry => p !== null).sort(compareRosterPeople);
  return { people, byId: Object.fromEntries(people.map((p) => [p.personId, p])), eventCount };
}

/** The person's details as an event carries them (no attribution, no empty fields). */
export function rosterPersonOf(p: RosterPerson): RosterPerson {
  return {
    personId: p.personId,
    name: p.name,
    ...(p.floor ? { floor: p.floor } : {}),
    ...(p.team ? { team: p.team } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.assemblyPoint ? { assemblyPoint: p.assemblyPoint } : {}),
  };
}

/** A name as matched: NFKC, trimmed, inner spaces collapsed, lower case ("Wang  Wei" is "wang wei"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A phone as matched: its digits, without China's +86 ("138 0013 8000" is "+86 13800138000"). */
export function phoneKey(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/** Whether two roster people say the same thing (same id, name and details). */
export function samePerson(a: RosterPerson, b: RosterPerson): boolean {
  const x = rosterPersonOf(a);
  const y = rosterPersonOf(b);
  return (
    x.personId === y.personId && x.name === y.name && x.floor === y.floor && x.team === y.team && x.phone === y.phone && x.assemblyPoint === y.assemblyPoint
  );
}

/**
 * The people grouped by the floor they work on, floors in natural order ("B1", "1F", "2F", "10F"),
 * people without a floor last (`floor: null`). Pure; used by the roster screen.
 */
export function rosterByFloor<P extends RosterPerson>(people: readonly P[]): { floor: string | null; people: P[] }[] {
  const groups = new Map<string | null, P[]>();
  for (const p of people) {
    const key = p.floor?.trim() || null;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareFloors(a, b)).map(([floor, list]) => ({ floor, people: list }));
}

/**
 * Floors as people write them, in building order where it can be read: basements ("B2", "负二层",
 * "-1") below the ground, then by number ("2F" before "10F"); anything else by text; no floor last.
 */
export function compareFloors(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const la = floorLevel(a);
  const lb = floorLevel(b);
  if (la !== null && lb !== null && la !== lb) return la - lb;
  if (la !== null && lb === null) return -1;
  if (la === null && lb !== null) return 1;
  return byName.compare(a, b);
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The level a floor label stands for ("B1" → -1, "3F" → 3, "负一层" → -1, "十二楼" → 12), or null. */
export function floorLevel(label: string): number | null {
  const s = label.normalize('NFKC').trim().toUpperCase();
  const basement = /^(B|负|地下|-)/.test(s);
  const digits = /\d+/.exec(s);
  let n: number | null = digits ? Number(digits[0]) : null;
  if (n === null) {
    const zh = /([一二两三四五六七八九十]+)/.exec(s)?.[1];
    if (zh) n = chineseNumber(zh);
  }
  if (n === null) return null;
  return basement ? -n : n;
}

function chineseNumber(zh: string): number {
  if (zh === '十') return 10;
  const [tens, ones] = zh.includes('十') ? zh.split('十') : ['', zh];
  const t = zh.includes('十') ? (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) : 0;
  return t * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}

/**
 * A check-in code: the text a member of staff's "My check-in code" and a printed badge carry, and
 * the assembly point's scanner reads. Short on purpose (a small QR code scans from further away
 * and through a cracked screen): `muster:p:<personId>`. It holds no name or phone, so a badge
 * photographed by a stranger says nothing about its holder.
 */
export const CHECK_IN_PREFIX = 'muster:p:';

export function checkInCode(personId: string): string {
  return `${CHECK_IN_PREFIX}${personId}`;
}

/** Why a scanned text is not a check-in code: another QR code (a floor poster's link), or a malformed id. */
export type CheckInCodeProblem = 'notCheckInCode' | 'badPersonId';

/** Reads a scanned text as a check-in code; anything else is refused with the reason. */
export function parseCheckInCode(text: string): { ok: true; personId: string } | { ok: false; problem: CheckInCodeProblem } {
  const s = text.trim();
  if (!s.toLowerCase().startsWith(CHECK_IN_PREFIX)) return { ok: false, problem: 'notCheckInCode' };
  const personId = s.slice(CHECK_IN_PREFIX.length);
  return PERSON_ID_PATTERN.test(personId) ? { ok: true, personId } : { ok: false, problem: 'badPersonId' };
}
