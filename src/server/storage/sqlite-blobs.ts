import type { Database } from 'better-sqlite3';
import type { PhotoType } from '../../domain/events/photo';
import type { EventStore, PutBlobOutcome, StoredBlob } from './types';

/**
 * Schema version 11: notes' photos, by organisation and SHA-256. The bytes live in the database
 * file beside the events, so `backup` copies them with everything else and a restore brings
 * them back. The index holds `bytes`, so the per-incident and per-organisation totals are read
 * from it alone, never from the rows with their images. A released migration step: change it
 * only by a new step.
 */
export function createBlobSchema(db: Database): void {
  db.exec(`
    CREATE TABLE blobs (
      org_id    TEXT NOT NULL REFERENCES orgs (id),
      hash      TEXT NOT NULL CHECK (length(hash) = 64),
      stream_id TEXT NOT NULL,
      type      TEXT NOT NULL CHECK (type IN ('image/jpeg', 'image/webp')),
      bytes     INTEGER NOT NULL CHECK (bytes > 0),
      data      BLOB NOT NULL,
      stored_at TEXT NOT NULL,
      token_id  TEXT,
      PRIMARY KEY (org_id, hash)
    );
    CREATE INDEX blobs_org_stream_bytes ON blobs (org_id, stream_id, bytes);
  `);
}

interface BlobRow {
  hash: string;
  stream_id: string;
  type: PhotoType;
  data: Buffer;
  stored_at: string;
}

type BlobMethods = Pick<EventStore, 'putBlob' | 'getBlob' | 'blobBytesForStream' | 'storedBlobBytes'>;

/** The photo part of the port, over an open, migrated connection. */
export function sqliteBlobs(db: Database): BlobMethods {
  const exists = db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM blobs WHERE org_id = ? AND hash = ?');
  const streamBytes = db.prepare<[string, string], { total: number | null }>('SELECT sum(bytes) AS total FROM blobs WHERE org_id = ? AND stream_id = ?');
  const orgBytes = db.prepare<[string], { total: number | null }>('SELECT sum(bytes) AS total FROM blobs WHERE org_id = ?');
  const insert = db.prepare<[string, string, string, string, number, Buffer, string, string]>(
    'INSERT INTO blobs (org_id, hash, stream_id, type, bytes, data, stored_at, token_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string, string], BlobRow>('SELECT hash, stream_id, type, data, stored_at FROM blobs WHERE org_id = ? AND hash = ?');
  // IMMEDIATE (below): the write lock is taken before the total is read, so two uploads cannot both fit under the limit.
  const put = db.transaction(
    (orgId: string, hash: string, streamId: string, type: PhotoType, data: Uint8Array, maxStreamBytes: number, at: string, tokenId: string) => {
      if (exists.get(orgId, hash)) return { status: 'duplicate' } satisfies PutBlobOutcome;
      const before = streamBytes.get(orgId, streamId)?.total ?? 0;
      if (before + data.length > maxStreamBytes) return { status: 'incidentFull', streamBytes: before } satisfies PutBlobOutcome;
      insert.run(orgId, hash, streamId, type, data.length, Buffer.from(data.buffer, data.byteOffset, data.byteLength), at, tokenId);
      return { status: 'stored', streamBytes: before + data.length } satisfies PutBlobOutcome;
    },
  );
  return {
    putBlob(orgId, blob, maxStreamBytes, at) {
      return Promise.resolve(put.immediate(orgId, blob.hash, blob.streamId, blob.type, blob.data, maxStreamBytes, at, blob.tokenId));
    },
    getBlob(orgId, hash) {
      const row = byHash.get(orgId, hash);
      if (!row) return Promise.resolve(undefined);
      const found: StoredBlob = { hash: row.hash, streamId: row.stream_id, type: row.type, data: new Uint8Array(row.data), storedAt: row.stored_at };
      return Promise.resolve(found);
    },
    blobBytesForStream(orgId, streamId) {
      return Promise.resolve(streamBytes.get(orgId, streamId)?.total ?? 0);
    },
    storedBlobBytes(orgId) {
      return Promise.resolve(orgBytes.get(orgId)?.total ?? 0);
    },
  };
}
