import { attribution, type Attribution } from '../attribution';
import type { MusterEvent } from '../event';
import {
  CAMPAIGN_STREAM_PREFIX,
  type CampaignLoanSet,
  type CampaignPathSet,
  type CampaignRiskSet,
  type CampaignStarted,
  type CampaignTriggerSet,
  type CampaignUnitRef,
  type UNIT_STATUSES,
} from '../events/campaign';
import { orderForMerge, type HeldEvent } from '../merge-order';

export type UnitStatus = (typeof UNIT_STATUSES)[number];

export interface CampaignUnitState extends CampaignUnitRef {
  /** "open" until the unit reports (and again if it takes the report back). */
  readonly status: UnitStatus;
  readonly statusNote?: string;
  /** Who last set the status and when; absent while nobody has. */
  readonly statusSet?: Attribution;
  /** False for a unit added after the start (campaign.unitSet). */
  readonly fromStart: boolean;
}

/** Each entry carries who wrote its current content (`set`) and who first wrote it (`first`). */
interface EntryMeta {
  readonly set: Attribution;
  readonly first: Attribution;
}
export type CampaignLoan = CampaignLoanSet & EntryMeta;
export type CampaignRisk = CampaignRiskSet & EntryMeta;
export type CampaignTrigger = CampaignTriggerSet & EntryMeta;
export type CampaignPath = CampaignPathSet & EntryMeta;

/** An entry of any kind, tagged. */
export type CampaignEntry =
  | ({ readonly kind: 'loan' } & CampaignLoan)
  | ({ readonly kind: 'risk' } & CampaignRisk)
  | ({ readonly kind: 'trigger' } & CampaignTrigger)
  | ({ readonly kind: 'path' } & CampaignPath);
export type CampaignEntryKind = CampaignEntry['kind'];

/** A removed entry stays on record: what it said last, why it was removed, when and by whom. */
export interface CampaignRemoval {
  readonly entry: CampaignEntry;
  readonly reason: string;
  readonly removed: Attribution;
}

/** One section of the written findings, as last written. */
export interface CampaignSection {
  readonly sectionId: string;
  readonly text: string;
  readonly set: Attribution;
}

export interface CampaignSubmission {
  readonly to: string;
  readonly note?: string;
  readonly set: Attribution;
}

export interface CampaignState {
  readonly streamId: string;
  /** What the campaign was started with (the first campaign.started in merge order). */
  readonly started: CampaignStarted & { readonly set: Attribution };
  /** The units started with, then those added, in the order they first appear; name and owner last-writer-wins. */
  readonly units: readonly CampaignUnitState[];
  /** Entries in the order they were first written; each one is last-writer-wins by entryId. */
  readonly loans: readonly CampaignLoan[];
  readonly risks: readonly CampaignRisk[];
  readonly triggers: readonly CampaignTrigger[];
  readonly paths: readonly CampaignPath[];
  /** Entries whose last word is a removal, in the order they were first written. */
  readonly removed: readonly CampaignRemoval[];
  /** The written findings by section id (the playbook's `campaign.reportContents` item ids); last-writer-wins. */
  readonly findings: Readonly<Record<string, CampaignSection>>;
  /** Every hand-in, in order; `submitted` is the last one, null before any. */
  readonly submissions: readonly CampaignSubmission[];
  readonly submitted: CampaignSubmission | null;
  /** How many events of the stream were applied. */
  readonly eventCount: number;
}

/** Whether a stream id is a campaign's (`campaign-<uuid>`). */
export function isCampaignStream(streamId: string): boolean {
  return streamId.startsWith(CAMPAIGN_STREAM_PREFIX);
}

type Slot = { readonly first: Attribution; entry: CampaignEntry | null; removal: CampaignRemoval | null; firstOrder: number };

/**
 * The state of one campaign from the events of its `campaign-<uuid>` stream (events of other
 * streams are ignored), or null while no `campaign.started` is held. Values are
 * last-writer-wins in merge order (merge-order.ts: (hlc, id), a far-future stamp capped at when
 * the server stored it): an entry by entryId, whatever its kind (a removal takes it off, a later
 * set puts it back), a unit's name and owner and its status by unitId, a findings section by
 * sectionId. Pure: every device holding the same events shows the same campaign, offline or
 * after sync, whatever order the events arrived in; an entry corrected on two devices is one entry.
 */
export function reduceCampaign(events: readonly MusterEvent[]): CampaignState | null {
  const ordered = orderForMerge(events as readonly HeldEvent[]).filter((e) => isCampaignStream(e.streamId));
  const start = ordered.find((e): e is HeldEvent & MusterEvent<'campaign.started'> => e.type === 'campaign.started');
  if (!start) return null;
  const streamId = start.streamId;
  const own = ordered.filter((e) => e.streamId === streamId);

  const units = new Map<string, CampaignUnitState>();
  for (const u of start.payload.units) if (!units.has(u.unitId)) units.set(u.unitId, { ...u, status: 'open', fromStart: true });
  const slots = new Map<string, Slot>();
  const findings: Record<string, CampaignSection> = {};
  const submissions: CampaignSubmission[] = [];

  const setEntry = (entry: CampaignEntry) => {
    const slot = slots.get(entry.entryId);
    if (slot) {
      slot.entry = { ...entry, first: slot.first };
      slot.removal = null;
    } else slots.set(entry.entryId, { first: entry.first, entry, removal: null, firstOrder: slots.size });
  };

  for (const e of own) {
    const by = attribution(e);
    switch (e.type) {
      case 'campaign.unitSet': {
        const was = units.get(e.payload.unitId);
        units.set(e.payload.unitId, {
          unitId: e.payload.unitId,
          name: e.payload.name,
          ...(e.payload.owner !== undefined ? { owner: e.payload.owner } : {}),
          status: was?.status ?? 'open',
          ...(was?.statusNote !== undefined ? { statusNote: was.statusNote } : {}),
          ...(was?.statusSet ? { statusSet: was.statusSet } : {}),
          fromStart: was?.fromStart ?? false,
        });
        break;
      }
      case 'campaign.unitStatus': {
        const was = units.get(e.payload.unitId);
        // A status for a unit nobody named yet keeps a row under its id, so the report is never silent about it.
        const base: CampaignUnitState = was ?? { unitId: e.payload.unitId, name: e.payload.unitId, status: 'open', fromStart: false };
        const { statusNote: _note, ...rest } = base;
        units.set(e.payload.unitId, {
          ...rest,
          status: e.payload.status,
          ...(e.payload.note !== undefined ? { statusNote: e.payload.note } : {}),
          statusSet: by,
        });
        break;
      }
      case 'campaign.loanSet':
        setEntry({ kind: 'loan', ...e.payload, set: by, first: by });
        break;
      case 'campaign.riskSet':
        setEntry({ kind: 'risk', ...e.payload, set: by, first: by });
        break;
      case 'campaign.triggerSet':
        setEntry({ kind: 'trigger', ...e.payload, set: by, first: by });
        break;
      case 'campaign.pathSet':
        setEntry({ kind: 'path', ...e.payload, set: by, first: by });
        break;
      case 'campaign.entryRemoved': {
        const slot = slots.get(e.payload.entryId);
        // A removal of an entry this device has not seen set yet has nothing to take off; its set, when it
        // arrives, sorts before the removal (it was made first) and is then removed, so the order of arrival does not matter.
        if (slot?.entry) {
          slot.removal = { entry: slot.entry, reason: e.payload.reason, removed: by };
          slot.entry = null;
        }
        break;
      }
      case 'campaign.findingsSet':
        findings[e.payload.sectionId] = { sectionId: e.payload.sectionId, text: e.payload.text, set: by };
        break;
      case 'campaign.submitted':
        submissions.push({ to: e.payload.to, ...(e.payload.note !== undefined ? { note: e.payload.note } : {}), set: by });
        break;
      default:
        break;
    }
  }

  const live = [...slots.values()].sort((a, b) => a.firstOrder - b.firstOrder);
  const entries = live.flatMap((s) => (s.entry ? [s.entry] : []));
  const strip = <E extends CampaignEntry>(x: E): Omit<E, 'kind'> => {
    const { kind: _kind, ...rest } = x;
    return rest;
  };
  return {
    streamId,
    started: { ...start.payload, set: attribution(start) },
    units: [...units.values()],
    loans: entries.flatMap((x) => (x.kind === 'loan' ? [strip(x)] : [])),
    risks: entries.flatMap((x) => (x.kind === 'risk' ? [strip(x)] : [])),
    triggers: entries.flatMap((x) => (x.kind === 'trigger' ? [strip(x)] : [])),
    paths: entries.flatMap((x) => (x.kind === 'path' ? [strip(x)] : [])),
    removed: live.flatMap((s) => (s.removal ? [s.removal] : [])),
    findings,
    submissions,
    submitted: submissions.at(-1) ?? null,
    eventCount: own.length,
  };
}
