/**
 * Head office's view of its branches: the wire format shared by the app and the server. Pure
 * types and constants, like sync-protocol.ts.
 *
 * Organisations form a tree (`npm run admin -- org create "…" --parent <org-id>`). A device
 * token with the role `head-office` reads — never writes — the events of every organisation
 * below its own. It uses the same bearer token as every other route.
 *
 * - `GET /api/v1/branches` → `BranchesResponse`: every organisation below the token's, with how
 *   far each has got and whether one of its devices is in touch.
 * - `GET /api/v1/branches/<org-id>/events?after=<seq>&limit=<n>` → `PullResponse` (see
 *   sync-protocol.ts): one branch's events, exactly as its own devices pull them, one cursor
 *   per branch. Read only: nothing about the head-office device is recorded on the branch.
 * - Refusals: 403 `{ code: 'not-head-office' }` for a token of another role; 404
 *   `{ code: 'not-a-branch' }` for an organisation that is not below the token's (one that
 *   does not exist gets the same answer, so ids cannot be probed).
 * - A head-office token may not push (`POST /api/v1/events` → 403 `{ code: 'read-only' }`) nor
 *   publish playbooks.
 * - Live: a head-office token's `GET /api/v1/stream` also carries `event: branch`,
 *   `data: BranchHint` whenever a branch below it commits new events (coalesced like `hint`).
 */

const API_V1 = '/api/v1';
export const BRANCHES_PATH = `${API_V1}/branches`;

export function branchEventsPath(orgId: string): string {
  return `${BRANCHES_PATH}/${encodeURIComponent(orgId)}/events`;
}

/** The SSE event name of a branch's hint on a head-office stream. */
export const BRANCH_HINT_EVENT = 'branch';

/**
 * A branch whose devices have not pulled, pushed or held their stream for this long is shown
 * as silent. Devices holding a stream are noted at every heartbeat (HEARTBEAT_MS, 25 s), so a
 * live branch is never near this.
 */
export const BRANCH_SILENT_AFTER_MS = 2 * 60_000;

export interface BranchSummary {
  readonly id: string;
  readonly name: string;
  /** The organisation it reports to: the head office's own id, or a region between them. */
  readonly parentId: string | null;
  /** Its highest seq now; 0 when it has no events. */
  readonly latestSeq: number;
  /** When its newest event reached the server; null when it has none. */
  readonly lastEventAt: string | null;
  /** When one of its devices last pulled or held its stream; null when none ever has. */
  readonly lastContactAt: string | null;
  /** Whether `lastContactAt` is within BRANCH_SILENT_AFTER_MS of `serverTime`. */
  readonly live: boolean;
}

export interface BranchesResponse {
  /** The head office's own organisation. */
  readonly org: { readonly id: string; readonly name: string };
  /** Every organisation below it, by name then id. */
  readonly branches: readonly BranchSummary[];
  readonly serverTime: string;
  /** The database's epoch, as on a pull page: seq cursors belong to one epoch. */
  readonly epoch: string;
}

export interface BranchHint {
  readonly orgId: string;
  /** The branch's latest seq: pull that branch when it is past the cursor kept for it. */
  readonly seq: number;
}

export type HeadOfficeRefusalCode = 'not-head-office' | 'not-a-branch' | 'read-only';

export interface HeadOfficeRefusal {
  readonly error: string;
  readonly code: HeadOfficeRefusalCode;
}
