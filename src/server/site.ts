import type { Context, MiddlewareHandler } from 'hono';
import { isRecord } from '../domain/validation';
import type { TlsMaterial } from './tls';

/** What the server knows about how phones reach it. */
export interface Site {
  /**
   * PUBLIC_URL, or the first name `tls init` was given with the server's port, or undefined
   * when neither is known (then each request's own origin is the best there is).
   */
  publicUrl(): string | undefined;
  /** HTTP_PORT: where plain HTTP is answered (a redirect, and /ca), once listening. */
  httpPort(): number | undefined;
  /** The certificate the server speaks HTTPS with, if any. */
  tls?: Pick<TlsMaterial, 'expires' | 'names' | 'authority'>;
  /** Believe X-Forwarded-Proto and X-Forwarded-Host (TRUST_PROXY). */
  trustProxy: boolean;
}

/** A year, as the HSTS preload guidance suggests; the name stays on HTTPS once a phone has seen it. */
const HSTS = 'max-age=31536000';

/**
 * Whether the request reached Muster over HTTPS: on its own TLS socket, or through a reverse
 * proxy that said so (only when TRUST_PROXY is set, since anyone can send the header).
 */
export function cameOverHttps(c: Context, site: Site): boolean {
  if (site.trustProxy) {
    const forwarded = firstValue(c.req.header('x-forwarded-proto'));
    if (forwarded !== undefined) return forwarded.toLowerCase() === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** The origin the person typed or scanned, as far as the server can tell. */
export function requestOrigin(c: Context, site: Site): string {
  const url = new URL(c.req.url);
  const forwardedHost = site.trustProxy ? firstValue(c.req.header('x-forwarded-host')) : undefined;
  const host = forwardedHost ?? c.req.header('host') ?? url.host;
  const scheme = cameOverHttps(c, site) ? 'https' : 'http';
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/** The address phones should use: the configured one, else the one this request came through. */
export function publicAddress(c: Context, site: Site): string {
  return site.publicUrl() ?? requestOrigin(c, site);
}

/**
 * Strict-Transport-Security on every HTTPS response, so a phone that once reached the server
 * securely never falls back to plain HTTP for it. Browsers ignore the header over plain HTTP
 * and over a connection whose certificate they do not trust.
 */
export function strictTransport(site: Site): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (cameOverHttps(c, site)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}

/**
 * The address a request came from, for the per-address limit: the socket's peer, or, behind a
 * reverse proxy (TRUST_PROXY), the address that proxy saw. That is the last X-Forwarded-For
 * entry: the proxy appends it, while anything before it came from the client and could be
 * anything. `unknown` when the request came through no socket (app.request in tests).
 */
export function clientAddress(c: { req: { header(name: string): string | undefined }; env: unknown }, site: Site): string {
  if (site.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded !== undefined && forwarded !== '') return forwarded;
  }
  const env: unknown = c.env;
  const incoming = isRecord(env) ? env.incoming : undefined;
  const socket = isRecord(incoming) ? incoming.socket : undefined;
  const address = isRecord(socket) ? socket.remoteAddress : undefined;
  return typeof address === 'string' ? address : 'unknown';
}

/** `a, b` → `a`: a proxy chain lists the client's side first. */
function firstValue(header: string | undefined): string | undefined {
  const first = header?.split(',')[0]?.trim();
  return first === undefined || first === '' ? undefined : first;
}
