import type { Database as SqliteDatabase } from 'better-sqlite3';
import { PLAYBOOK_INFO_COLUMNS, PLAYBOOKS_FROM, toPlaybookInfo, toStoredPlaybook, type PlaybookBodyRow, type PlaybookInfoRow } from './rows';
import type { EventStore, NewPublishedPlaybook, PublishOutcome } from './types';

/** The published-playbook half of the SQLite adapter (table `published_playbooks`, migration 4). */
type PlaybookMethods = Pick<EventStore, 'publishPlaybook' | 'currentPlaybooks' | 'currentPlaybook' | 'getPublishedPlaybook'>;

/** The port's published-playbook methods over an open, migrated connection; statements prepared once. */
export function sqlitePlaybooks(db: SqliteDatabase): PlaybookMethods {
  const latest = db.prepare<[string, string, string], PlaybookBodyRow>(
    `SELECT ${PLAYBOOK_INFO_COLUMNS}, p.body FROM ${PLAYBOOKS_FROM} WHERE p.org_id = ? AND p.id = ? AND p.language = ? ORDER BY p.revision DESC LIMIT 1`,
  );
  const one = db.prepare<[string, string, string, number], PlaybookBodyRow>(
    `SELECT ${PLAYBOOK_INFO_COLUMNS}, p.body FROM ${PLAYBOOKS_FROM} WHERE p.org_id = ? AND p.id = ? AND p.language = ? AND p.revision = ?`,
  );
  const current = db.prepare<[string], PlaybookInfoRow>(
    `SELECT ${PLAYBOOK_INFO_COLUMNS} FROM ${PLAYBOOKS_FROM}
     WHERE p.org_id = ?
       AND p.revision = (SELECT max(q.revision) FROM published_playbooks q WHERE q.org_id = p.org_id AND q.id = p.id AND q.language = p.language)
     ORDER BY p.id, p.language`,
  );
  const insert = db.prepare<[string, string, string, number, string, string, string, string, string, string, string, string]>(
    `INSERT INTO published_playbooks (org_id, id, language, revision, version, kind, title, hash, note, body, published_at, published_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // Run IMMEDIATE: the write lock is taken before the current revision is read, so a second
  // publish from the same base (another request, or the admin CLI's connection) waits and then
  // finds itself stale instead of both reading revision N and both writing N+1.
  const publish = db.transaction((orgId: string, p: NewPublishedPlaybook, baseRevision: number | null, at: string): PublishOutcome => {
    const now = latest.get(orgId, p.id, p.language);
    if ((now?.revision ?? null) !== baseRevision) return { status: 'stale', current: now ? toStoredPlaybook(now) : null };
    const revision = (now?.revision ?? 0) + 1;
    insert.run(orgId, p.id, p.language, revision, p.version, p.kind, p.title, p.hash, p.note, p.bodyJson, at, p.publishedBy);
    const stored = one.get(orgId, p.id, p.language, revision);
    if (!stored) throw new Error(`published ${p.id} ${p.language} revision ${revision} was not found after the insert`);
    return { status: 'published', info: toPlaybookInfo(stored) };
  });

  return {
    publishPlaybook(orgId, playbook, baseRevision, at) {
      return Promise.resolve(publish.immediate(orgId, playbook, baseRevision, at));
    },
    currentPlaybooks(orgId) {
      return Promise.resolve(current.all(orgId).map(toPlaybookInfo));
    },
    currentPlaybook(orgId, id, language) {
      const row = latest.get(orgId, id, language);
      return Promise.resolve(row ? toStoredPlaybook(row) : undefined);
    },
    getPublishedPlaybook(orgId, id, language, revision) {
      const row = one.get(orgId, id, language, revision);
      return Promise.resolve(row ? toStoredPlaybook(row) : undefined);
    },
  };
}
