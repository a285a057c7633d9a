import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { BRANCH_SILENT_AFTER_MS, type BranchesResponse, type BranchHint, type BranchSummary, type HeadOfficeRefusal } from '../domain/head-office-protocol';
import { mayPush } from '../domain/playbook-publish';
import type { ContactLog } from './contacts';
import type { HintBus } from './hints';
import { closeIfBodyUnread } from './request-body';
import type { DeviceTokenRecord, EventStore } from './storage/types';
import type { DeviceEnv } from './sync-api';

/** The one role that reads the organisations below its own. */
const HEAD_OFFICE = 'head-office';

interface HeadOfficeApiOptions {
  storage: EventStore;
  /** Server wall clock (ms): `serverTime`, and whether a branch is live. */
  now: () => number;
  /** Contacts still waiting in memory are written before a branch's last contact is read. */
  contacts: ContactLog;
  /**
   * The device pull's own answer (sync-api.ts) for one organisation: the same page, the same
   * checks of `after` and `limit`, so a branch reads exactly as its own devices pull it. It
   * notes nothing about the device asking.
   */
  answerPull: (c: Context, orgId: string) => Promise<Response>;
}

/**
 * Head office's read-only view of its branches (src/domain/head-office-protocol.ts), mounted at
 * /api/v1/branches behind the sync API's token check and rate limit. Only a head-office token
 * gets in, and only to organisations below its own: the token's organisation decides, never
 * the request. Nothing here writes, and nothing about the head-office device is recorded on
 * a branch (its cursor and contacts belong to its own organisation).
 */
export function createHeadOfficeApi({ storage, now, contacts, answerPull }: HeadOfficeApiOptions): Hono<DeviceEnv> {
  const api = new Hono<DeviceEnv>();

  api.use('*', async (c, next) => {
    const device = c.get('device');
    if (device.role === HEAD_OFFICE) return next();
    return c.json(
      {
        code: 'not-head-office',
        error:
          `This device may not read other organisations: its token ${device.id} ("${device.label}") is ${device.role === 'editor' ? "an editor's" : "a member's"}, not head office's. ` +
          `Ask the administrator for a head-office token of the organisation above the branches: npm run admin -- device add <head-office-org-id> "<name>" --role head-office.`,
      } satisfies HeadOfficeRefusal,
      403,
    );
  });

  api.get('/', async (c) => {
    const device = c.get('device');
    // The contacts of the last two seconds are still in memory: written first, so `live` is current.
    await contacts.flush();
    const [org, below, epoch] = await Promise.all([storage.getOrg(device.orgId), storage.descendantOrgs(device.orgId), storage.databaseEpoch()]);
    const activity = await storage.orgActivity(below.map((o) => o.id));
    const at = now();
    const branches = below.map((branch, i): BranchSummary => {
      const seen = activity[i];
      const lastContactAt = seen?.lastContactAt ?? null;
      return {
        id: branch.id,
        name: branch.name,
        parentId: branch.parentId,
        latestSeq: seen?.latestSeq ?? 0,
        lastEventAt: seen?.lastEventAt ?? null,
        lastContactAt,
        live: lastContactAt !== null && at - Date.parse(lastContactAt) <= BRANCH_SILENT_AFTER_MS,
      };
    });
    const answer: BranchesResponse = {
      org: { id: device.orgId, name: org?.name ?? device.orgId },
      branches,
      serverTime: new Date(at).toISOString(),
      epoch,
    };
    return c.json(answer);
  });

  api.get('/:orgId/events', async (c) => {
    const device = c.get('device');
    const orgId = c.req.param('orgId');
    if (!(await isBranchOf(storage, device, orgId))) return notABranch(c, device, orgId);
    return answerPull(c, orgId);
  });

  return api;
}

/**
 * Head office reads and never writes (mayPush): refused before the body is read, whatever
 * it holds, with what to do instead.
 */
export function headOfficeReadOnly(what: string): MiddlewareHandler<DeviceEnv> {
  return async (c, next) => {
    const device = c.get('device');
    if (mayPush(device.role)) return next();
    closeIfBodyUnread(c);
    return c.json(
      {
        code: 'read-only',
        error:
          `This device may not ${what}: its token ${device.id} ("${device.label}") is head office's, which reads its branches' events and writes nothing. ` +
          `Record on a device of the organisation itself (npm run admin -- device add <org-id> "<name>"), ` +
          `or make this one a member: npm run admin -- device role ${device.id} member.`,
      } satisfies HeadOfficeRefusal,
      403,
    );
  };
}

/** Whether `orgId` is below the device's organisation (never its own, never a stranger's). */
async function isBranchOf(storage: EventStore, device: DeviceTokenRecord, orgId: string): Promise<boolean> {
  return (await storage.descendantOrgs(device.orgId)).some((o) => o.id === orgId);
}

function notABranch(c: Context, device: DeviceTokenRecord, orgId: string): Response {
  // The same answer for an organisation that does not exist, so ids cannot be probed.
  return c.json(
    {
      code: 'not-a-branch',
      error: `${JSON.stringify(orgId)} is not an organisation below ${device.orgId}. GET /api/v1/branches lists the ones this device may read.`,
    } satisfies HeadOfficeRefusal,
    404,
  );
}

/** What a head-office stream does with its branches (sync-api.ts runs it in the stream's write queue). */
export interface BranchWatch {
  /**
   * Looks the branches up again: starts hearing each new one and sends its latest seq (all of
   * them on the first call), and stops hearing those no longer below. Those already heard are
   * kept as they are, so no hint is missed while it runs.
   */
  refresh(): Promise<void>;
  /** Stops hearing every branch. */
  stop(): void;
}

interface BranchWatchOptions {
  storage: EventStore;
  hints: HintBus;
  /** The head office's organisation. */
  orgId: string;
  /** Writes one `branch` event on the stream. */
  send: (hint: BranchHint) => void;
  /** The server is going away: finish the stream. */
  end: () => void;
}

/**
 * A head-office stream's branches on the hint bus. Each branch's hints come coalesced by the
 * bus, as its own devices hear them; a seq no higher than the one already sent for that branch
 * is not sent again, so a branch's first hint (its latest seq) and a push racing with it never
 * go out in the wrong order.
 */
export function watchBranches({ storage, hints, orgId, send, end }: BranchWatchOptions): BranchWatch {
  const heard = new Map<string, () => void>();
  const sent = new Map<string, number>();
  let stopped = false;

  const hint = (branch: string, seq: number): void => {
    const before = sent.get(branch);
    if (stopped || !heard.has(branch) || (before !== undefined && seq <= before)) return;
    sent.set(branch, seq);
    send({ orgId: branch, seq });
  };

  return {
    async refresh() {
      const below = new Set((await storage.descendantOrgs(orgId)).map((o) => o.id));
      if (stopped) return;
      for (const [branch, stopHearing] of heard) {
        if (below.has(branch)) continue;
        stopHearing();
        heard.delete(branch);
        sent.delete(branch);
      }
      const added = [...below].filter((branch) => !heard.has(branch));
      // Heard before its latest seq is read, so a push in between is sent either way.
      for (const branch of added) heard.set(branch, hints.watch(branch, { hint: (seq) => hint(branch, seq), end }));
      if (added.length === 0) return;
      for (const { orgId: branch, latestSeq } of await storage.orgActivity(added)) hint(branch, latestSeq);
    },
    stop() {
      stopped = true;
      for (const stopHearing of heard.values()) stopHearing();
      heard.clear();
    },
  };
}
