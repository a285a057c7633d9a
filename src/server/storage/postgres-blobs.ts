import type { Pool, PoolClient } from 'pg';
import type { PhotoType } from '../../domain/events/photo';
import { bigintNumber, inTransaction, prepared } from './postgres-sql';
import type { EventStore, PutBlobOutcome } from './types';

/**
 * Schema step 11, as SQLite's (sqlite-blobs.ts): notes' photos by organisation and SHA-256, the
 * bytes as bytea beside the events (pg_dump copies them), with an index holding `bytes` so the
 * totals are read from it alone. A released step: change it only by a new step.
 */
export async function createBlobSchema(client: PoolClient): Promise<void> {
  // EXTERNAL: stored out of line and never compressed, since JPEG and WebP are compressed already.
  await client.query(`
    CREATE TABLE blobs (
      org_id    TEXT NOT NULL REFERENCES orgs (id),
      hash      TEXT NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
      stream_id TEXT NOT NULL,
      type      TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/webp')),
      bytes     INTEGER NOT NULL CHECK (bytes > 0),
      data      BYTEA NOT NULL,
      stored_at TEXT NOT NULL,
      token_id  TEXT,
      PRIMARY KEY (org_id, hash)
    );
    ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL;
    CREATE INDEX blobs_org_stream_bytes ON blobs (org_id, stream_id, bytes);
  `);
}

type BlobMethods = Pick<EventStore, 'putBlob' | 'getBlob' | 'blobBytesForStream' | 'storedBlobBytes'>;

const streamBytes = prepared<[orgId: string, streamId: string], { total: string | null }>(
  'blobs.stream-bytes',
  'SELECT sum(bytes) AS total FROM blobs WHERE org_id = $1 AND stream_id = $2',
);
const orgBytes = prepared<[orgId: string], { total: string | null }>('blobs.org-bytes', 'SELECT sum(bytes) AS total FROM blobs WHERE org_id = $1');
const exists = prepared<[orgId: string, hash: string], { one: number }>('blobs.exists', 'SELECT 1 AS one FROM blobs WHERE org_id = $1 AND hash = $2');
const insert = prepared<[orgId: string, hash: string, streamId: string, type: PhotoType, bytes: number, data: Buffer, at: string, tokenId: string]>(
  'blobs.insert',
  `INSERT INTO blobs (org_id, hash, stream_id, type, bytes, data, stored_at, token_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
   ON CONFLICT (org_id, hash) DO NOTHING`,
);
const byHash = prepared<[orgId: string, hash: string], { hash: string; stream_id: string; type: PhotoType; data: Buffer; stored_at: string }>(
  'blobs.by-hash',
  'SELECT hash, stream_id, type, data, stored_at FROM blobs WHERE org_id = $1 AND hash = $2',
);
// Uploads of one incident take turns (a transaction-scoped advisory lock on the organisation and
// incident): the total is read after the lock, so two uploads racing cannot both fit under the limit.
const lockStream = prepared<[key: string]>('blobs.lock-stream', 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))');

/** The port's photo methods over a pool of a migrated database. */
export function postgresBlobs(pool: Pool): BlobMethods {
  return {
    putBlob(orgId, blob, maxStreamBytes, at) {
      return inTransaction(pool, async (client): Promise<PutBlobOutcome> => {
        if ((await exists(client, orgId, blob.hash)).rows.length > 0) return { status: 'duplicate' };
        await lockStream(client, JSON.stringify(['blobs', orgId, blob.streamId]));
        const before = bigintNumber((await streamBytes(client, orgId, blob.streamId)).rows[0]?.total);
        if (before + blob.data.length > maxStreamBytes) return { status: 'incidentFull', streamBytes: before };
        const data = Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength);
        const added = await insert(client, orgId, blob.hash, blob.streamId, blob.type, blob.data.length, data, at, blob.tokenId);
        // The same photo sent by two devices at once: the second insert found the first's row.
        if (added.rowCount === 0) return { status: 'duplicate' };
        return { status: 'stored', streamBytes: before + blob.data.length };
      });
    },
    async getBlob(orgId, hash) {
      const row = (await byHash(pool, orgId, hash)).rows[0];
      return row ? { hash: row.hash, streamId: row.stream_id, type: row.type, data: new Uint8Array(row.data), storedAt: row.stored_at } : undefined;
    },
    async blobBytesForStream(orgId, streamId) {
      return bigintNumber((await streamBytes(pool, orgId, streamId)).rows[0]?.total);
    },
    async storedBlobBytes(orgId) {
      return bigintNumber((await orgBytes(pool, orgId)).rows[0]?.total);
    },
  };
}
