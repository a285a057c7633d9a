import pg from 'pg';
import { APPENDS_CHANNEL } from './postgres-events';
import { bigintNumber } from './postgres-sql';

/** How the listener connects, and how long it waits between attempts once its connection is lost. */
export interface AppendsListenerOptions {
  readonly client: pg.ClientConfig;
  /** The first wait after a lost connection; it doubles with each failed attempt, up to `maxRetryMs`. */
  readonly firstRetryMs: number;
  readonly maxRetryMs: number;
}

/** The name the listener's connection shows in pg_stat_activity, so an administrator can tell it. */
export const LISTENER_APPLICATION_NAME = 'muster appends listener';

/**
 * Hears the commits of new events by every process on the database (appendEvents announces
 * each with pg_notify on APPENDS_CHANNEL). A connection of its own, never a pooled one: LISTEN
 * belongs to a session, and a pooled connection goes back to the pool between statements.
 *
 * A lost connection is opened again after a wait that doubles up to a bound, for as long as it
 * takes. Announcements sent while it was away are lost, so once it listens again it reads every
 * organisation's counter and reports those that moved meanwhile: a process never stays behind.
 */
export async function listenForAppends(options: AppendsListenerOptions, onAppend: (orgId: string, seq: number) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** An attempt to connect again, under way. */
  let reopening: Promise<void> | undefined;
  let stopped = false;
  let failures = 0;
  /** The highest seq heard or read for each organisation. */
  const known = new Map<string, number>();

  const hear = (orgId: string, seq: number): void => {
    known.set(orgId, Math.max(known.get(orgId) ?? 0, seq));
    try {
      onAppend(orgId, seq);
    } catch (error) {
      // The caller's failure must not take the listener's connection down with it.
      console.error('Muster: telling the open streams about new events failed:', error);
    }
  };

  const open = async (catchUp: boolean): Promise<void> => {
    const next = new pg.Client({ ...options.client, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    next.on('notification', (message) => {
      const append = parseAppend(message.payload);
      if (append) hear(append.orgId, append.seq);
    });
    // An error is followed by 'end', which is where the connection is opened again.
    next.on('error', () => undefined);
    next.on('end', () => {
      if (client !== next) return;
      client = undefined;
      if (!stopped) retry(new Error('the connection ended'));
    });
    let counters: { org_id: string; last_seq: string }[];
    try {
      await next.connect();
      await next.query(`LISTEN ${APPENDS_CHANNEL}`);
      // After LISTEN: whatever commits from now on is announced, whatever committed before is read here.
      counters = (await next.query<{ org_id: string; last_seq: string }>('SELECT org_id, last_seq FROM org_counters')).rows;
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    for (const { org_id: orgId, last_seq: lastSeq } of counters) {
      const seq = bigintNumber(lastSeq);
      if (!catchUp) known.set(orgId, Math.max(known.get(orgId) ?? 0, seq));
      else if (seq > (known.get(orgId) ?? 0)) hear(orgId, seq);
    }
  };

  const retry = (error: unknown): void => {
    const wait = Math.min(options.maxRetryMs, options.firstRetryMs * 2 ** failures);
    failures += 1;
    console.error(
      `Muster: lost the PostgreSQL connection that hears other servers' new events (${error instanceof Error ? error.message : String(error)}); trying again in ${wait} ms`,
    );
    timer = setTimeout(() => {
      timer = undefined;
      reopening = open(true)
        .catch((reason: unknown) => {
          if (!stopped) retry(reason);
        })
        .finally(() => (reopening = undefined));
    }, wait);
    // A server being stopped does not wait for the next attempt.
    timer.unref();
  };

  await open(false);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    // An attempt under way ends its own connection once it sees `stopped`.
    await reopening;
    const current = client;
    client = undefined;
    if (!current) return;
    await current.query(`UNLISTEN ${APPENDS_CHANNEL}`).catch(() => undefined);
    await current.end().catch(() => undefined);
  };
}

/** An announcement's payload (`{"orgId": …, "seq": …}`); undefined for anything else on the channel. */
function parseAppend(payload: string | undefined): { orgId: string; seq: number } | undefined {
  if (payload === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const { orgId, seq } = value as { orgId?: unknown; seq?: unknown };
    return typeof orgId === 'string' && typeof seq === 'number' ? { orgId, seq } : undefined;
  } catch {
    return undefined;
  }
}
