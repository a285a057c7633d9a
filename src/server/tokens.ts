import { createHash, randomBytes } from 'node:crypto';
import { ENROLMENT_CODE_PATTERN } from '../domain/enrolment';
import { DEVICE_TOKEN_PATTERN } from '../domain/sync-protocol';

/**
 * Device tokens: 256 random bits, shown once (in the enrolment link), stored only as SHA-256.
 * The prefix lets a leaked token be recognised in a log or a secret scanner.
 */
const TOKEN_PREFIX = 'mst_';

export function newDeviceToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function looksLikeDeviceToken(token: string): boolean {
  return DEVICE_TOKEN_PATTERN.test(token);
}

/** What the database keeps instead of the token. A fast hash is enough for 256-bit random secrets. */
export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A short public id for a token, used to list and revoke it without knowing the secret. */
export function newTokenId(): string {
  return `dt-${randomBytes(5).toString('hex')}`;
}

export function newOrgId(): string {
  return `org-${randomBytes(4).toString('hex')}`;
}

/**
 * One-time enrolment codes: `mse_` and 128 random bits, in the link instead of a token. Shorter
 * than a token so the QR code stays easy to scan; enough because a code works once and expires.
 */
const CODE_PREFIX = 'mse_';

export function newEnrolmentCode(): string {
  return CODE_PREFIX + randomBytes(16).toString('base64url');
}

export function looksLikeEnrolmentCode(code: string): boolean {
  return ENROLMENT_CODE_PATTERN.test(code);
}

/** Codes are random secrets too: stored as SHA-256, like tokens. */
export function hashEnrolmentCode(code: string): string {
  return hashDeviceToken(code);
}
