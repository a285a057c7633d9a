import type { Pool } from 'pg';
import { inTransaction, prepared } from './postgres-sql';
import { PLAYBOOK_INFO_COLUMNS, PLAYBOOKS_FROM, toPlaybookInfo, toStoredPlaybook, type PlaybookBodyRow, type PlaybookInfoRow } from './rows';
import type { EventStore, NewPublishedPlaybook } from './types';

/** The published-playbook half of the PostgreSQL adapter (table `published_playbooks`). */
type PlaybookMethods = Pick<EventStore, 'publishPlaybook' | 'currentPlaybooks' | 'currentPlaybook' | 'getPublishedPlaybook'>;

const latest = prepared<[orgId: string, id: string, language: string], PlaybookBodyRow>(
  'playbooks.latest',
  `SELECT ${PLAYBOOK_INFO_COLUMNS}, p.body FROM ${PLAYBOOKS_FROM} WHERE p.org_id = $1 AND p.id = $2 AND p.language = $3 ORDER BY p.revision DESC LIMIT 1`,
);
const one = prepared<[orgId: string, id: string, language: string, revision: number], PlaybookBodyRow>(
  'playbooks.one',
  `SELECT ${PLAYBOOK_INFO_COLUMNS}, p.body FROM ${PLAYBOOKS_FROM} WHERE p.org_id = $1 AND p.id = $2 AND p.language = $3 AND p.revision = $4`,
);
// By code point, as SQLite sorts, whatever the database's locale.
const current = prepared<[orgId: string], PlaybookInfoRow>(
  'playbooks.current',
  `SELECT ${PLAYBOOK_INFO_COLUMNS} FROM ${PLAYBOOKS_FROM}
   WHERE p.org_id = $1
     AND p.revision = (SELECT max(q.revision) FROM published_playbooks q WHERE q.org_id = p.org_id AND q.id = p.id AND q.language = p.language)
   ORDER BY p.id COLLATE "C", p.language COLLATE "C"`,
);
// Publishes of one organisation take turns on its row. NO KEY UPDATE, not UPDATE: it does not
// hold up the key-share locks that inserting the organisation's tokens and events takes.
const lockOrg = prepared<[orgId: string]>('playbooks.lock-org', 'SELECT 1 FROM orgs WHERE id = $1 FOR NO KEY UPDATE');
const insert = prepared<
  [
    orgId: string,
    id: string,
    language: string,
    revision: number,
    version: string,
    kind: string,
    title: string,
    hash: string,
    note: string,
    body: string,
    at: string,
    by: string,
  ]
>(
  'playbooks.insert',
  `INSERT INTO published_playbooks (org_id, id, language, revision, version, kind, title, hash, note, body, published_at, published_by)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
);

/** The port's published-playbook methods over a pool of a migrated database. */
export function postgresPlaybooks(pool: Pool): PlaybookMethods {
  return {
    publishPlaybook(orgId, p: NewPublishedPlaybook, baseRevision, at) {
      // The check and the insert in one transaction that holds the organisation's row: a second
      // publish from the same base waits here, then reads the new revision and is stale,
      // instead of both reading revision N and both writing N+1.
      return inTransaction(pool, async (client) => {
        await lockOrg(client, orgId);
        const now = (await latest(client, orgId, p.id, p.language)).rows[0];
        if ((now?.revision ?? null) !== baseRevision) return { status: 'stale', current: now ? toStoredPlaybook(now) : null };
        const revision = (now?.revision ?? 0) + 1;
        await insert(client, orgId, p.id, p.language, revision, p.version, p.kind, p.title, p.hash, p.note, p.bodyJson, at, p.publishedBy);
        const stored = (await one(client, orgId, p.id, p.language, revision)).rows[0];
        if (!stored) throw new Error(`published ${p.id} ${p.language} revision ${revision} was not found after the insert`);
        return { status: 'published', info: toPlaybookInfo(stored) };
      });
    },
    async currentPlaybooks(orgId) {
      return (await current(pool, orgId)).rows.map(toPlaybookInfo);
    },
    async currentPlaybook(orgId, id, language) {
      const row = (await latest(pool, orgId, id, language)).rows[0];
      return row ? toStoredPlaybook(row) : undefined;
    },
    async getPublishedPlaybook(orgId, id, language, revision) {
      const row = (await one(pool, orgId, id, language, revision)).rows[0];
      return row ? toStoredPlaybook(row) : undefined;
    },
  };
}
