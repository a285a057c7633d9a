import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { DeviceRole } from '../../domain/playbook-publish';
import { CODE_COLUMNS, toCode, type CodeRow } from './rows';
import type { EnrolmentStore, RedeemOutcome } from './types';

/** The enrolment half of the SQLite adapter: table `enrolment_codes` and `device_tokens.next_token_hash` (migration 9). */

export function sqliteEnrolment(db: SqliteDatabase): EnrolmentStore {
  const insertCode = db.prepare<[string, string, string, string, DeviceRole, string, string]>(
    'INSERT INTO enrolment_codes (code_hash, org_id, token_id, label, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const codeByHash = db.prepare<[string], CodeRow>(`SELECT ${CODE_COLUMNS} FROM enrolment_codes WHERE code_hash = ?`);
  const codeByTokenId = db.prepare<[string], CodeRow>(`SELECT ${CODE_COLUMNS} FROM enrolment_codes WHERE token_id = ?`);
  const pendingOfOrg = db.prepare<[string], CodeRow>(
    `SELECT ${CODE_COLUMNS} FROM enrolment_codes WHERE org_id = ? AND used_at IS NULL AND cancelled_at IS NULL ORDER BY created_at, token_id`,
  );
  // `used_at IS NULL` in the WHERE as well as in the check before it: the row is claimed by
  // this statement or by nobody, even if a second writer ever got past the read.
  const markUsed = db.prepare<[string, string | null, string]>(
    'UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL AND cancelled_at IS NULL',
  );
  const insertToken = db.prepare<[string, string, string, string, DeviceRole, string]>(
    'INSERT INTO device_tokens (id, org_id, token_hash, label, role, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const cancelCode = db.prepare<[string, string]>(
    'UPDATE enrolment_codes SET cancelled_at = ? WHERE token_id = ? AND used_at IS NULL AND cancelled_at IS NULL',
  );
  const setNext = db.prepare<[string, string]>('UPDATE device_tokens SET next_token_hash = ? WHERE id = ? AND revoked_at IS NULL');
  const takeUp = db.prepare<[string]>(
    'UPDATE device_tokens SET token_hash = next_token_hash, next_token_hash = NULL WHERE next_token_hash = ? AND revoked_at IS NULL',
  );

  const redeem = db.transaction((codeHash: string, tokenHash: string, deviceId: string | null, at: string): RedeemOutcome => {
    const row = codeByHash.get(codeHash);
    if (!row) return { status: 'unknown' };
    const code = toCode(row);
    if (row.used_at !== null) return { status: 'used', code };
    if (row.cancelled_at !== null) return { status: 'cancelled', code };
    if (Date.parse(at) >= Date.parse(row.expires_at)) return { status: 'expired', code };
    if (markUsed.run(at, deviceId, codeHash).changes !== 1) return { status: 'used', code };
    insertToken.run(code.tokenId, code.orgId, tokenHash, code.label, code.role, at);
    return { status: 'enrolled', code: { ...code, usedAt: at } };
  });

  return {
    addEnrolmentCode(code, at) {
      insertCode.run(code.codeHash, code.orgId, code.tokenId, code.label, code.role, at, code.expiresAt);
      const { tokenId, orgId, label, role, expiresAt } = code;
      return Promise.resolve({ tokenId, orgId, label, role, createdAt: at, expiresAt, usedAt: null, cancelledAt: null });
    },
    redeemEnrolmentCode(codeHash, tokenHash, deviceId, at) {
      // IMMEDIATE: the write lock is taken before the read, so two devices racing with one
      // code (two tabs, a forwarded link) cannot both get past the check.
      return Promise.resolve(redeem.immediate(codeHash, tokenHash, deviceId, at));
    },
    pendingEnrolmentCodes(orgId) {
      return Promise.resolve(pendingOfOrg.all(orgId).map(toCode));
    },
    cancelEnrolmentCode(tokenId, at) {
      if (cancelCode.run(at, tokenId).changes !== 1) return Promise.resolve(undefined);
      const row = codeByTokenId.get(tokenId);
      return Promise.resolve(row ? toCode(row) : undefined);
    },
    setNextTokenHash(tokenId, nextHash) {
      return Promise.resolve(setNext.run(nextHash, tokenId).changes === 1);
    },
    takeUpNextToken(nextHash) {
      return Promise.resolve(takeUp.run(nextHash).changes === 1);
    },
  };
}
