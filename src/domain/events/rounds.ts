import { FieldChecker, type Issue } from '../validation';
import { PLAYBOOK_HASH_PATTERN } from './incident';
import { TEXT_LIMITS } from './limits';
import { checkPhotoList, type PhotoRef } from './photo';

/**
 * An inspection round done on a phone (a playbook's `preparation.rounds`: the daily fire check
 * of a key area, the flood preparation before the season). Each round done is its own stream,
 * `round-<uuid>`, synced like an incident; a finding's rectification is recorded in the stream
 * of the round that found it, so its history stays with it until it is closed. Which window of
 * the recurrence a round counts for follows from its clock stamps (domain/rounds).
 */
export const ROUND_STREAM_PREFIX = 'round-';

export interface RoundStarted {
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly playbookLanguage: string;
  readonly playbookHash?: string;
  readonly roundId: string;
  /** The area checked, by its id in the round; absent for a round of the whole site. */
  readonly areaId?: string;
  /** The round's and the area's names as the playbook said them when it started, so the record reads the same later. */
  readonly title: string;
  readonly areaName?: string;
  /** Who does the round, as a name. */
  readonly inspector: string;
}

export const ROUND_ITEM_RESULTS = ['pass', 'finding', 'not-applicable'] as const;
export type RoundItemResult = (typeof ROUND_ITEM_RESULTS)[number];

/** One check item's result; last-writer-wins by `itemId` (a correction is a new result). */
export interface RoundItemChecked {
  readonly itemId: string;
  readonly result: RoundItemResult;
  readonly note?: string;
}

/** 一般隐患 / 重大隐患: a general or a major hazard. */
export const FINDING_SEVERITIES = ['general', 'major'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A hazard found: ordered rectified by `owner` before `dueDate` (seed plan 4, 三、2: 责令进行整改). */
export interface FindingRecorded {
  /** Made on the device, unique in the organisation: rectification events name it. */
  readonly findingId: string;
  /** The check item it was found under, when there is one. */
  readonly itemId?: string;
  readonly description: string;
  readonly severity: FindingSeverity;
  readonly photos?: readonly PhotoRef[];
  /** Who must rectify it, as a name. */
  readonly owner: string;
  /** The rectification deadline, a calendar date "YYYY-MM-DD" in the branch time zone. */
  readonly dueDate: string;
}

/** Progress on a rectification (a note, perhaps photos), or a new owner or deadline. */
export interface RectificationUpdated {
  readonly findingId: string;
  readonly note: string;
  readonly photos?: readonly PhotoRef[];
  readonly owner?: string;
  readonly dueDate?: string;
}

/** The hazard is rectified: the evidence is a text and optionally photos. Last-writer-wins with `reopened`. */
export interface RectificationClosed {
  readonly findingId: string;
  readonly evidence: string;
  readonly photos?: readonly PhotoRef[];
  /** Who confirms it, as a name. */
  readonly closedBy: string;
}

export interface RectificationReopened {
  readonly findingId: string;
  readonly reason: string;
}

/** The inspector finished the round (every item has a result, or a note says why not). */
export interface RoundCompleted {
  readonly note?: string;
}

export const FINDING_ID_PATTERN = /^[A-Za-z0-9_.:~-]{1,64}$/;
const ID_HINT = 'an id of 1-64 letters, digits or -_.:~';

export function checkRoundStarted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('playbookId', { min: 1, max: 100 });
  c.string('playbookVersion', { min: 1, max: 40 });
  c.string('playbookLanguage', { min: 2, max: 35 });
  c.string('playbookHash', { optional: true, pattern: PLAYBOOK_HASH_PATTERN, hint: "the playbook's SHA-256 as 64 lower-case hexadecimal digits" });
  c.string('roundId', { min: 1, max: 100 });
  c.string('areaId', { optional: true, min: 1, max: 100 });
  c.string('title', { min: 1, max: TEXT_LIMITS.title });
  c.string('areaName', { optional: true, min: 1, max: TEXT_LIMITS.title });
  c.string('inspector', { min: 1, max: TEXT_LIMITS.name });
  c.noOtherKeys(['playbookId', 'playbookVersion', 'playbookLanguage', 'playbookHash', 'roundId', 'areaId', 'title', 'areaName', 'inspector']);
  return c.issues;
}

export function checkRoundItemChecked(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('itemId', { min: 1, max: 100 });
  c.oneOf('result', ROUND_ITEM_RESULTS);
  c.string('note', { optional: true, min: 1, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['itemId', 'result', 'note']);
  return c.issues;
}

export function checkFindingRecorded(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('findingId', { pattern: FINDING_ID_PATTERN, hint: ID_HINT });
  c.string('itemId', { optional: true, min: 1, max: 100 });
  c.string('description', { min: 1, max: TEXT_LIMITS.note });
  c.oneOf('severity', FINDING_SEVERITIES);
  c.string('owner', { min: 1, max: TEXT_LIMITS.name });
  c.date('dueDate');
  c.noOtherKeys(['findingId', 'itemId', 'description', 'severity', 'photos', 'owner', 'dueDate']);
  c.issues.push(...checkPhotoList(p, 'photos', 'payload'));
  return c.issues;
}

export function checkRectificationUpdated(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('findingId', { pattern: FINDING_ID_PATTERN, hint: ID_HINT });
  c.string('note', { min: 1, max: TEXT_LIMITS.note });
  c.string('owner', { optional: true, min: 1, max: TEXT_LIMITS.name });
  c.date('dueDate', { optional: true });
  c.noOtherKeys(['findingId', 'note', 'photos', 'owner', 'dueDate']);
  c.issues.push(...checkPhotoList(p, 'photos', 'payload'));
  return c.issues;
}

export function checkRectificationClosed(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('findingId', { pattern: FINDING_ID_PATTERN, hint: ID_HINT });
  c.string('evidence', { min: 1, max: TEXT_LIMITS.note });
  c.string('closedBy', { min: 1, max: TEXT_LIMITS.name });
  c.noOtherKeys(['findingId', 'evidence', 'photos', 'closedBy']);
  c.issues.push(...checkPhotoList(p, 'photos', 'payload'));
  return c.issues;
}

export function checkRectificationReopened(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('findingId', { pattern: FINDING_ID_PATTERN, hint: ID_HINT });
  c.string('reason', { min: 1, max: TEXT_LIMITS.reason });
  c.noOtherKeys(['findingId', 'reason']);
  return c.issues;
}

export function checkRoundCompleted(p: Record<string, unknown>): Issue[] {
  const c = new FieldChecker(p, 'payload');
  c.string('note', { optional: true, min: 1, max: TEXT_LIMITS.note });
  c.noOtherKeys(['note']);
  return c.issues;
}
