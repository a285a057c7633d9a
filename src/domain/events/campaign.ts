import { FieldChecker, isRecord, describe, type Issue } from '../validation';
import { LOAN_CLASSES, type LoanClass } from '../playbook/round-terms';
import { PLAYBOOK_HASH_PATTERN } from './incident';
import { TEXT_LIMITS } from './limits';

/**
 * A time-boxed campaign run on the phones (a playbook of kind "campaign": the credit-risk
 * self-inspection of seed plan part 2). One campaign is one stream, `campaign-<uuid>`, synced
 * like an incident. Entries are last-writer-wins by `entryId`, so an entry corrected on two
 * devices is one entry; a removal needs a reason and stays on record.
 *
 * Money is an integer of the smallest unit of `currency` (fen for CNY): never a float.
 */
export const CAMPAIGN_STREAM_PREFIX = 'campaign-';

export interface CampaignUnitRef {
  readonly unitId: string;
  readonly name: string;
  /** Who answers for the unit, as a name. */
  readonly owner?: string;
}

export interface CampaignStarted {
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly playbookLanguage: string;
  readonly playbookHash?: string;
  readonly title: string;
  /** The window, calendar dates "YYYY-MM-DD". */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** The data are as of this date (排查以…数据为准). */
  readonly referenceDate: string;
  /** When the report must be handed in. */
  readonly deadline: string;
  /** ISO 4217 code of every amount in the campaign, e.g. "CNY"; amounts are in its minor unit. */
  readonly currency: string;
  readonly units: readonly CampaignUnitRef[];
}

/** A unit added or changed (its name or owner) after the start. */
export type CampaignUnitSet = CampaignUnitRef;

/** One loan found in a category (逐笔排查). */
export interface CampaignLoanSet {
  readonly entryId: string;
  readonly unitId: string;
  readonly categoryId: string;
  readonly borrower: string;
  /** Outstanding amount in the currency's minor unit (fen). */
  readonly amountMinor: number;
  readonly currentClass: LoanClass;
  readonly proposedClass: LoanClass;
  readonly reason: string;
}

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A major credit risk along one dimension (industry, region, product, customer). */
export interface CampaignRiskSet {
  readonly entryId: string;
  readonly unitId: string;
  readonly dimensionId: string;
  readonly description: string;
  readonly amountMinor: number;
  readonly level: RiskLevel;
}

export const TRIGGER_HORIZONS = ['near', 'long'] as const;
export type TriggerHorizon = (typeof TRIGGER_HORIZONS)[number];

/** A risk trigger point (风险引爆点), near-term or long-term. */
export interface CampaignTriggerSet {
  readonly entryId: string;
  readonly unitId?: string;
  readonly horizon: TriggerHorizon;
  readonly description: string;
}

/** A transmission path (传导路径) and the plan to cut it (切断链条的预案). */
export interface CampaignPathSet {
  readonly entryId: string;
  readonly unitId?: string;
  readonly description: string;
  readonly cutOff?: string;
}

export interface CampaignEntryRemoved {
  readonly entryId: string;
  readonly reason: string;
}

/** One section of the written findings (the playbook's `campaign.reportContents` item id); last-writer-wins. */
export interface CampaignFindingsSet {
  readonly sectionId: string;
  readonly text: string;
}

export const UNIT_STATUSES = ['reported', 'open'] as const;

/** A unit says it has checked everything (or takes that back); last-writer-wins by unit. */
export interface CampaignUnitStatus {
  readonly unitId: string;
  readonly status: (typeof UNIT_STATUSES)[number];
  readonly note?: string;
}

/** The report was handed in (报…汇总). */
export interface CampaignSubmitted {
  readonly to: string;
  readonly note?: string;
}

const ID = { min: 1, max: 100 } as const;
export const ENTRY_ID_PATTERN = /^[A-Za-z0-9_.:~-]{1,64}$/;
const ENTRY = { pattern: ENTRY_ID_PATTERN, hint: 'an id of 1-64 letters, digits or -_.:~' } as const;
/** The largest amount, in minor units: exact as a double (about 90 trillion yuan). */
export const AMOUNT_MAX_MINOR = Number.MAX_SAFE_INTEGER;

function checkUnitAt(v: unknown, at: string): Issue[] {
  if (!isRecord(v)) return [{ path: at, message: `expected a unit, got ${describe(v)}` }];
  const c = new FieldChecker(v, at);
  c.string('unitId', ID);
  c.string('name', { min: 1, max: TEXT_LIMITS.title });
  c.string('owner', { optional: true, min: 1, max: TEXT_LIMITS.name });
  c.noOtherKeys(['unitId', 'name', 'owner']);
  return c.issues;
}

export function checkCampaignStarted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('playbookId', ID);
  c.string('playbookVersion', { min: 1, max: 40 });
  c.string('playbookLanguage', { min: 2, max: 35 });
  c.string('playbookHash', { optional: true, pattern: PLAYBOOK_HASH_PATTERN, hint: "the playbook's SHA-256 as 64 lower-case hexadecimal digits" });
  c.string('title', { min: 1, max: TEXT_LIMITS.title });
  c.date('windowStart');
  c.date('windowEnd');
  c.date('referenceDate');
  c.date('deadline');
  c.string('currency', { pattern: /^[A-Z]{3}$/, hint: 'an ISO 4217 currency code such as "CNY"' });
  c.noOtherKeys([
    'playbookId',
    'playbookVersion',
    'playbookLanguage',
    'playbookHash',
    'title',
    'windowStart',
    'windowEnd',
    'referenceDate',
    'deadline',
    'currency',
    'units',
  ]);
  const units = p.units;
  if (!Array.isArray(units)) c.issues.push({ path: 'payload.units', message: `expected a list of units, got ${describe(units)}` });
  else if (units.length > 500) c.issues.push({ path: 'payload.units', message: `must hold at most 500 units, got ${units.length}` });
  else units.forEach((u, i) => c.issues.push(...checkUnitAt(u, `payload.units[${i}]`)));
  if (typeof p.windowStart === 'string' && typeof p.windowEnd === 'string' && p.windowEnd < p.windowStart) {
    c.issues.push({ path: 'payload.windowEnd', message: `must not be before windowStart ${p.windowStart}, got ${p.windowEnd}` });
  }
  return c.issues;
}

export function checkCampaignUnitSet(p: Record<string, unknown>): Issue[] {
  return checkUnitAt(p, 'payload');
}

export function checkCampaignLoanSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('entryId', ENTRY);
  c.string('unitId', ID);
  c.string('categoryId', ID);
  c.string('borrower', { min: 1, max: TEXT_LIMITS.title });
  c.integer('amountMinor', { min: 0, max: AMOUNT_MAX_MINOR });
  c.oneOf('currentClass', LOAN_CLASSES);
  c.oneOf('proposedClass', LOAN_CLASSES);
  c.string('reason', { min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['entryId', 'unitId', 'categoryId', 'borrower', 'amountMinor', 'currentClass', 'proposedClass', 'reason']);
  return c.issues;
}

export function checkCampaignRiskSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('entryId', ENTRY);
  c.string('unitId', ID);
  c.string('dimensionId', ID);
  c.string('description', { min: 1, max: TEXT_LIMITS.note });
  c.integer('amountMinor', { min: 0, max: AMOUNT_MAX_MINOR });
  c.oneOf('level', RISK_LEVELS);
  c.noOtherKeys(['entryId', 'unitId', 'dimensionId', 'description', 'amountMinor', 'level']);
  return c.issues;
}

export function checkCampaignTriggerSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('entryId', ENTRY);
  c.string('unitId', { ...ID, optional: true });
  c.oneOf('horizon', TRIGGER_HORIZONS);
  c.string('description', { min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['entryId', 'unitId', 'horizon', 'description']);
  return c.issues;
}

export function checkCampaignPathSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('entryId', ENTRY);
  c.string('unitId', { ...ID, optional: true });
  c.string('description', { min: 1, max: TEXT_LIMITS.note });
  c.string('cutOff', { optional: true, min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['entryId', 'unitId', 'description', 'cutOff']);
  return c.issues;
}

export function checkCampaignEntryRemoved(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('entryId', ENTRY);
  c.string('reason', { min: 1, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['entryId', 'reason']);
  return c.issues;
}

export function checkCampaignFindingsSet(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('sectionId', ID);
  c.string('text', { max: TEXT_LIMITS.afterAction });
  c.noOtherKeys(['sectionId', 'text']);
  return c.issues;
}

export function checkCampaignUnitStatus(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('unitId', ID);
  c.oneOf('status', UNIT_STATUSES);
  c.string('note', { optional: true, min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['unitId', 'status', 'note']);
  return c.issues;
}

export function checkCampaignSubmitted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('to', { min: 1, max: TEXT_LIMITS.title });
  c.string('note', { optional: true, min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['to', 'note']);
  return c.issues;
}
