/**
 * Publishing playbooks to an organisation: the wire format shared by the app and the server.
 * Pure types and constants, like sync-protocol.ts.
 *
 * - `GET  /api/v1/playbooks` → `PublishedList`: the organisation's current version of each
 *   playbook (one per id and language), without bodies. Any device token.
 * - `GET  /api/v1/playbooks/<id>/<language>/<revision>` → `PublishedPlaybook`: one version,
 *   with its body. A published version never changes, so a device may keep it for ever.
 * - `POST /api/v1/playbooks` with `PublishRequest` → 201 `PublishedResponse`, or a
 *   `PublishRefusal`: 403 `not-editor` (the token's role may not publish), 422 `invalid` (the
 *   validator's issues, path by path, in the request's `language`), 409 `stale` (someone
 *   published after the version the draft started from; `current` is that version, so the
 *   editor can show what differs).
 *
 * Revisions count 1, 2, 3 … per organisation, playbook id and language, and never repeat. The
 * playbook's own semantic `version` must rise with each revision too, so every device's
 * "newer version wins" rule (the library) picks the published one.
 */
import type { PlaybookIssue } from './playbook/findings';

const API_V1 = '/api/v1';
export const PLAYBOOKS_PATH = `${API_V1}/playbooks`;

export function publishedPlaybookPath(id: string, language: string, revision: number): string {
  return `${PLAYBOOKS_PATH}/${encodeURIComponent(id)}/${encodeURIComponent(language)}/${revision}`;
}

/**
 * What a device token may do. `member`: sync events, read published playbooks. `editor`: also
 * publish playbooks. `head-office`: read — never write — the events of every organisation
 * below its own (its branches), for the head-office overview; it pushes and publishes nothing.
 * Set by the administrator (`device add … --role editor`); a token issued before roles existed
 * is a member.
 */
export const DEVICE_ROLES = ['member', 'editor', 'head-office'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];
export const DEFAULT_DEVICE_ROLE: DeviceRole = 'member';

export function mayPublish(role: DeviceRole): boolean {
  return role === 'editor';
}

/** Whether the device may push events: every role but head office, which only reads. */
export function mayPush(role: DeviceRole): boolean {
  return role !== 'head-office';
}

/** A change note is a sentence or two ("Basement route now via stair B"), never empty. */
export const CHANGE_NOTE_MAX = 500;
/** The largest playbook body the server takes (the shipped ones are about 60 KB). */
export const MAX_PLAYBOOK_BYTES = 1_000_000;

export interface PublishRequest {
  /** The playbook as JSON (schema version 2, or 1); the server validates it. */
  readonly playbook: unknown;
  /** The revision the draft started from; null for a playbook never published before. */
  readonly baseRevision: number | null;
  readonly note: string;
  /** The language the validator's messages should be in ('zh-CN' or 'en'). */
  readonly language?: string;
}

/** One published version, as the list and the responses describe it. */
export interface PublishedPlaybookInfo {
  readonly id: string;
  readonly language: string;
  readonly revision: number;
  /** The playbook's own semantic version. */
  readonly version: string;
  readonly kind: string;
  readonly title: string;
  /** SHA-256 of the canonical JSON of the stored body (`playbookContentHash`). */
  readonly hash: string;
  readonly note: string;
  /** ISO time the server stored it. */
  readonly publishedAt: string;
  /** The label of the device token that published it ("Safety officer's tablet"). */
  readonly publishedBy: string;
}

export interface PublishedPlaybook extends PublishedPlaybookInfo {
  /** The body as stored: always schema version 2 (a version 1 file is migrated on publish). */
  readonly playbook: unknown;
}

export interface PublishedList {
  readonly playbooks: readonly PublishedPlaybookInfo[];
}

export interface PublishedResponse {
  readonly published: PublishedPlaybookInfo;
}

export type PublishRefusal =
  | { readonly code: 'not-editor'; readonly error: string }
  | { readonly code: 'invalid'; readonly error: string; readonly issues: readonly PlaybookIssue[] }
  | { readonly code: 'stale'; readonly error: string; readonly current: PublishedPlaybook };
