/*
 * A device certificate's shape, apart from the Ed25519 code that makes and checks one (keys.ts):
 * the sync protocol reads it on every phone, and must not load that code to do so.
 */

/** The organisation's word that a public key is one of its devices'. */
export interface DeviceCertificate {
  readonly orgId: string;
  readonly deviceId: string;
  /** The device's Ed25519 public key, hex. */
  readonly publicKey: string;
  /** When the server issued it, ISO 8601 by the server's clock. */
  readonly issuedAt: string;
  /** `keyIdOf` the organisation's public key that signed. */
  readonly orgKeyId: string;
  /** Ed25519 signature by the organisation's key of `certificateMessage`, hex. */
  readonly signature: string;
}

/** A certificate's fields, each a text: the one list every reader of one checks (bundle, push, certificate answer). */
export const CERTIFICATE_FIELDS = ['orgId', 'deviceId', 'publicKey', 'issuedAt', 'orgKeyId', 'signature'] as const;

/** The first of a certificate's fields that is not a text (or `''` for something not an object at all); null when it has the shape. */
export function certificateShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '';
  const c = value as Record<string, unknown>;
  return CERTIFICATE_FIELDS.find((k) => typeof c[k] !== 'string') ?? null;
}
