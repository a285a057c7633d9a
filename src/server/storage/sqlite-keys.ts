import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { EventStore } from './types';

/** The report-countersigning half of the SQLite adapter (table `org_signing_keys`, migration 5). */
type KeyMethods = Pick<EventStore, 'orgSigningKey'>;

interface KeyRow {
  key_id: string;
  public_key: string;
  secret_key: string;
  created_at: string;
}

/** The port's signing-key method over an open, migrated connection; statements prepared once. */
export function sqliteKeys(db: SqliteDatabase): KeyMethods {
  // INSERT OR IGNORE, then read: two first requests at once both store their candidate, one
  // wins, and both sign with the winner, so no report is ever signed by a key that is not kept.
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO org_signing_keys (org_id, key_id, public_key, secret_key, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO NOTHING',
  );
  const byOrg = db.prepare<[string], KeyRow>('SELECT key_id, public_key, secret_key, created_at FROM org_signing_keys WHERE org_id = ?');
  return {
    orgSigningKey(orgId, candidate, at) {
      let row = byOrg.get(orgId);
      if (!row) {
        insert.run(orgId, candidate.keyId, candidate.publicKey, candidate.secretKey, at);
        row = byOrg.get(orgId);
      }
      if (!row) throw new Error(`the signing key of ${orgId} was not found after the insert`);
      return Promise.resolve({ keyId: row.key_id, publicKey: row.public_key, secretKey: row.secret_key, createdAt: row.created_at });
    },
  };
}
