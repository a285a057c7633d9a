import type { Pool } from 'pg';
import type { DeviceRole } from '../../domain/playbook-publish';
import { inTransaction, prepared } from './postgres-sql';
import { CODE_COLUMNS, toCode, type CodeRow } from './rows';
import type { EnrolmentStore, EventStore, RedeemOutcome } from './types';

/**
 * Enrolment codes, token rotation and each organisation's signing key, for the PostgreSQL
 * adapter (tables `enrolment_codes`, `device_tokens.next_token_hash`, `org_signing_keys`).
 */

const insertCode = prepared<[codeHash: string, orgId: string, tokenId: string, label: string, role: DeviceRole, at: string, expiresAt: string]>(
  'enrol.insert-code',
  'INSERT INTO enrolment_codes (code_hash, org_id, token_id, label, role, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
);
// FOR UPDATE: a second device redeeming the same code (two tabs, a forwarded link) waits here
// until the first commits, then reads the code as used.
const lockCode = prepared<[codeHash: string], CodeRow>('enrol.lock-code', `SELECT ${CODE_COLUMNS} FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE`);
const markUsed = prepared<[at: string, deviceId: string | null, codeHash: string]>(
  'enrol.mark-used',
  'UPDATE enrolment_codes SET used_at = $1, device_id = $2 WHERE code_hash = $3 AND used_at IS NULL AND cancelled_at IS NULL',
);
const insertToken = prepared<[id: string, orgId: string, tokenHash: string, label: string, role: DeviceRole, at: string]>(
  'enrol.insert-token',
  'INSERT INTO device_tokens (id, org_id, token_hash, label, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
);
const pendingOfOrg = prepared<[orgId: string], CodeRow>(
  'enrol.pending',
  `SELECT ${CODE_COLUMNS} FROM enrolment_codes WHERE org_id = $1 AND used_at IS NULL AND cancelled_at IS NULL ORDER BY created_at COLLATE "C", token_id COLLATE "C"`,
);
const cancelCode = prepared<[at: string, tokenId: string], CodeRow>(
  'enrol.cancel',
  `UPDATE enrolment_codes SET cancelled_at = $1 WHERE token_id = $2 AND used_at IS NULL AND cancelled_at IS NULL RETURNING ${CODE_COLUMNS}`,
);
const setNext = prepared<[nextHash: string, tokenId: string]>(
  'tokens.set-next',
  'UPDATE device_tokens SET next_token_hash = $1 WHERE id = $2 AND revoked_at IS NULL',
);
const takeUp = prepared<[nextHash: string]>(
  'tokens.take-up-next',
  'UPDATE device_tokens SET token_hash = next_token_hash, next_token_hash = NULL WHERE next_token_hash = $1 AND revoked_at IS NULL',
);

interface KeyRow {
  key_id: string;
  public_key: string;
  secret_key: string;
  created_at: string;
}
const keyOfOrg = prepared<[orgId: string], KeyRow>('keys.of-org', 'SELECT key_id, public_key, secret_key, created_at FROM org_signing_keys WHERE org_id = $1');
const insertKey = prepared<[orgId: string, keyId: string, publicKey: string, secretKey: string, at: string], KeyRow>(
  'keys.insert',
  `INSERT INTO org_signing_keys (org_id, key_id, public_key, secret_key, created_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (org_id) DO NOTHING
   RETURNING key_id, public_key, secret_key, created_at`,
);

export function postgresEnrolment(pool: Pool): EnrolmentStore & Pick<EventStore, 'orgSigningKey'> {
  return {
    async addEnrolmentCode(code, at) {
      await insertCode(pool, code.codeHash, code.orgId, code.tokenId, code.label, code.role, at, code.expiresAt);
      const { tokenId, orgId, label, role, expiresAt } = code;
      return { tokenId, orgId, label, role, createdAt: at, expiresAt, usedAt: null, cancelledAt: null };
    },
    redeemEnrolmentCode(codeHash, tokenHash, deviceId, at) {
      return inTransaction(pool, async (client): Promise<RedeemOutcome> => {
        const row = (await lockCode(client, codeHash)).rows[0];
        if (!row) return { status: 'unknown' };
        const code = toCode(row);
        if (row.used_at !== null) return { status: 'used', code };
        if (row.cancelled_at !== null) return { status: 'cancelled', code };
        if (Date.parse(at) >= Date.parse(row.expires_at)) return { status: 'expired', code };
        if ((await markUsed(client, at, deviceId, codeHash)).rowCount !== 1) return { status: 'used', code };
        await insertToken(client, code.tokenId, code.orgId, tokenHash, code.label, code.role, at);
        return { status: 'enrolled', code: { ...code, usedAt: at } };
      });
    },
    async pendingEnrolmentCodes(orgId) {
      return (await pendingOfOrg(pool, orgId)).rows.map(toCode);
    },
    async cancelEnrolmentCode(tokenId, at) {
      const row = (await cancelCode(pool, at, tokenId)).rows[0];
      return row ? toCode(row) : undefined;
    },
    async setNextTokenHash(tokenId, nextHash) {
      return (await setNext(pool, nextHash, tokenId)).rowCount === 1;
    },
    async takeUpNextToken(nextHash) {
      return (await takeUp(pool, nextHash)).rowCount === 1;
    },
    async orgSigningKey(orgId, candidate, at) {
      // Read, else insert-if-absent, else read again: three statements, not one, because a
      // statement sees only what committed before it began, and two first requests racing
      // need the second to see the first's key once its own insert found the place taken.
      const row =
        (await keyOfOrg(pool, orgId)).rows[0] ??
        (await insertKey(pool, orgId, candidate.keyId, candidate.publicKey, candidate.secretKey, at)).rows[0] ??
        (await keyOfOrg(pool, orgId)).rows[0];
      if (!row) throw new Error(`the signing key of ${orgId} was not found after the insert`);
      return { keyId: row.key_id, publicKey: row.public_key, secretKey: row.secret_key, createdAt: row.created_at };
    },
  };
}
