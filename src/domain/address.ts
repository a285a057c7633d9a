/**
 * Addresses phones use to reach the server, and whether Muster can work offline there. One
 * answer for the server (which enrolment links it issues, what it says on start) and the app
 * (which addresses the floor posters may carry).
 */

/** Why phones cannot rely on an address: it reaches only the machine that opens it, it cannot work offline, or it is no web address. */
export type AddressProblem = 'loopback' | 'insecure' | 'invalid';

/**
 * True for a host that names whichever machine opens it: localhost, 127.0.0.0/8, ::1 (also
 * written as an IPv4-mapped address), and the unspecified 0.0.0.0 and :: that a server bound to
 * every interface is sometimes opened through. Takes a URL's hostname (IPv6 in brackets) or a
 * bare address.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare === '::1' || bare === '::' || bare === '0.0.0.0') return true;
  // The URL parser has already turned 127.1 and 0x7f.0.0.1 into dotted decimal, and
  // [::ffff:127.0.0.1] into [::ffff:7f00:1].
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.test(bare);
}

/** Why phones cannot work offline at `url`, or undefined when they can (an https:// address that is not loopback). */
export function addressProblem(url: string): AddressProblem | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid';
  }
  // "muster.lan:8080" parses, with "muster.lan:" as its scheme: no web address either.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'invalid';
  if (isLoopbackHost(parsed.hostname)) return 'loopback';
  return parsed.protocol === 'https:' ? undefined : 'insecure';
}

/** An http(s) origin with no trailing slash; undefined for anything else. */
export function baseAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/** The `publicUrl` of an /api/health answer, or undefined when the server does not say (an older server). */
export function publicUrlOfHealth(health: unknown): string | undefined {
  if (typeof health !== 'object' || health === null) return undefined;
  return baseAddress((health as { publicUrl?: unknown }).publicUrl);
}
