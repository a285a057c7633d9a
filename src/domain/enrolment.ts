/**
 * Enrolment and token rotation on the wire, shared by the client and the server. Pure types
 * and constants.
 *
 * The administrator's link carries a one-time enrolment code (`<server>/enrol#code=mse_…`),
 * never a device token. The device exchanges the code, unauthenticated, for a device token of
 * its own: `POST /api/v1/enrol` with `EnrolRequest` → `EnrolResponse`. The token is made at
 * that moment and shown only in that answer; the server keeps hashes of both. A code works
 * once and expires (24 h unless the administrator said otherwise); a used or expired code is
 * answered 410 with `EnrolRefusal`, an unknown one 404.
 *
 * `POST /api/v1/token/rotate` (with the current token) → `RotateResponse`: a new token for the
 * same device (same token id, organisation, label and role). The old token keeps working until
 * the new one is first used, so an answer lost on the way cannot lock the device out.
 */

export const ENROL_PATH = '/api/v1/enrol';
export const TOKEN_ROTATE_PATH = '/api/v1/token/rotate';

/** `mse_` and 128 random bits in base64url: enough for a secret that works once within hours. */
export const ENROLMENT_CODE_PATTERN = /^mse_[A-Za-z0-9_-]{22}$/;
/** How long a new code works unless `--expires <hours>` says otherwise. */
export const DEFAULT_ENROLMENT_HOURS = 24;
/** The longest an administrator may let a code wait: a week. */
export const MAX_ENROLMENT_HOURS = 24 * 7;

export interface EnrolRequest {
  readonly code: string;
  /** The device's own id (the one its events carry), noted with the code when given. */
  readonly deviceId?: string;
}

export interface EnrolResponse {
  /** The device token: store it, it is never shown again. */
  readonly token: string;
  readonly tokenId: string;
  readonly org: { readonly id: string; readonly name: string };
  readonly label: string;
  readonly role: string;
}

/** Why a code was refused: used before, expired, withdrawn by the administrator, or never issued here. */
export type EnrolRefusalCode = 'used' | 'expired' | 'cancelled' | 'unknown';

export interface EnrolRefusal {
  readonly code: EnrolRefusalCode;
  readonly error: string;
}

export interface RotateResponse {
  readonly token: string;
  readonly tokenId: string;
}

export function isEnrolResponse(value: unknown): value is EnrolResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const org = v.org as Record<string, unknown> | null | undefined;
  return (
    typeof v.token === 'string' &&
    typeof v.tokenId === 'string' &&
    typeof org === 'object' &&
    org !== null &&
    typeof org.id === 'string' &&
    typeof org.name === 'string' &&
    typeof v.label === 'string' &&
    typeof v.role === 'string'
  );
}

export function isRotateResponse(value: unknown): value is RotateResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && typeof v.tokenId === 'string';
}

export function isEnrolRefusalCode(value: unknown): value is EnrolRefusalCode {
  return value === 'used' || value === 'expired' || value === 'cancelled' || value === 'unknown';
}
