import { DEFAULT_DEVICE_ROLE, DEVICE_ROLES, type DeviceRole, type PublishedPlaybookInfo } from '../../domain/playbook-publish';
import type { DeviceTokenRecord, EnrolmentCodeRecord, OrgRecord, StoredEvent, StoredPlaybook } from './types';

/**
 * Rows as both adapters read them (the same column names in SQLite and PostgreSQL), and what the
 * port hands out for each: one mapping, so the two engines cannot drift apart in what they say.
 */

export interface OrgRow {
  id: string;
  name: string | null;
  created_at: string | null;
  parent_id: string | null;
}

export const ORG_COLUMNS = 'id, name, created_at, parent_id';

export function toOrg(r: OrgRow): OrgRecord {
  return { id: r.id, name: r.name ?? r.id, createdAt: r.created_at ?? '', parentId: r.parent_id };
}

export interface TokenRow {
  id: string;
  org_id: string;
  label: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

export const TOKEN_COLUMNS = 'id, org_id, label, role, created_at, revoked_at';

export function toToken(r: TokenRow): DeviceTokenRecord {
  return { id: r.id, orgId: r.org_id, label: r.label, role: roleOf(r.role), createdAt: r.created_at, revokedAt: r.revoked_at };
}

/** The column has a CHECK; anything else read back still grants nothing beyond a member's. */
export function roleOf(text: string): DeviceRole {
  return (DEVICE_ROLES as readonly string[]).includes(text) ? (text as DeviceRole) : DEFAULT_DEVICE_ROLE;
}

export interface PlaybookInfoRow {
  id: string;
  language: string;
  revision: number;
  version: string;
  kind: string;
  title: string;
  hash: string;
  note: string;
  published_at: string;
  published_by: string;
  /** The publishing token's label; null only if its row were gone (tokens are never deleted). */
  label: string | null;
}

export interface PlaybookBodyRow extends PlaybookInfoRow {
  body: string;
}

// The label is read when asked, not copied at publish time: tokens are never deleted, and a
// label is only ever set when the token is issued, so both give the same text.
export const PLAYBOOK_INFO_COLUMNS = 'p.id, p.language, p.revision, p.version, p.kind, p.title, p.hash, p.note, p.published_at, p.published_by, t.label';
export const PLAYBOOKS_FROM = 'published_playbooks p LEFT JOIN device_tokens t ON t.id = p.published_by';

export function toPlaybookInfo(r: PlaybookInfoRow): PublishedPlaybookInfo {
  return {
    id: r.id,
    language: r.language,
    revision: r.revision,
    version: r.version,
    kind: r.kind,
    title: r.title,
    hash: r.hash,
    note: r.note,
    publishedAt: r.published_at,
    publishedBy: r.label ?? r.published_by,
  };
}

export function toStoredPlaybook(r: PlaybookBodyRow): StoredPlaybook {
  return { ...toPlaybookInfo(r), bodyJson: r.body };
}

export interface CodeRow {
  token_id: string;
  org_id: string;
  label: string;
  role: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  cancelled_at: string | null;
}

export const CODE_COLUMNS = 'token_id, org_id, label, role, created_at, expires_at, used_at, cancelled_at';

export function toCode(r: CodeRow): EnrolmentCodeRecord {
  return {
    tokenId: r.token_id,
    orgId: r.org_id,
    label: r.label,
    role: roleOf(r.role),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    cancelledAt: r.cancelled_at,
  };
}

export interface EventRow {
  /** A number from SQLite; PostgreSQL hands a BIGINT out as text, so nothing is lost past 2^53. */
  seq: number | string;
  received_at: string;
  id: string;
  stream_id: string;
  device_id: string;
  actor: string;
  hlc: string;
  type: string;
  v: number;
  payload: string;
  delivered_by: string | null;
}

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    seq: Number(r.seq),
    receivedAt: r.received_at,
    id: r.id,
    streamId: r.stream_id,
    deviceId: r.device_id,
    actor: r.actor,
    hlc: r.hlc,
    type: r.type,
    v: r.v,
    payloadJson: r.payload,
    deliveredBy: r.delivered_by,
  };
}
