import { baseAddress, publicUrlOfHealth } from '../../domain/address';

/**
 * The address a QR poster carries, and whether a phone can use it. A poster hangs on a wall for
 * years: a code that points at this PC's loopback address, or at a plain http:// address (no
 * service worker, so no offline route), fails the very phone that scans it in an emergency.
 */

/** Where the last address the server gave is kept, so posters can be printed offline. */
export const PUBLIC_URL_KEY = 'muster.publicUrl';

/** How long the poster page waits for the server before it uses what it already knows. */
const HEALTH_TIMEOUT_MS = 5000;

/** The part of localStorage this needs; a test passes a Map-backed one. */
export interface AddressMemory {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The base address for the posters: what the server says phones use (and it is remembered);
 * offline, or from a server that does not say, the last one it said; else this page's origin.
 * Never rejects: a poster page without the server still shows what it would print.
 */
export async function posterBaseAddress({
  fetchImpl = fetch,
  memory = browserMemory(),
  origin = window.location.origin,
}: { fetchImpl?: typeof fetch; memory?: AddressMemory; origin?: string } = {}): Promise<string> {
  try {
    const response = await fetchImpl('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    const told = response.ok ? publicUrlOfHealth(await response.json()) : undefined;
    if (told !== undefined) {
      remember(memory, told);
      return told;
    }
  } catch {
    // Offline, or an answer that is not JSON: fall through to what this device knows.
  }
  return recall(memory) ?? origin;
}

function browserMemory(): AddressMemory | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage switched off: the address is simply not remembered
  }
}

function remember(memory: AddressMemory | undefined, address: string): void {
  try {
    memory?.setItem(PUBLIC_URL_KEY, address);
  } catch {
    // Full or refused storage: the posters still carry the address, only offline printing loses it.
  }
}

function recall(memory: AddressMemory | undefined): string | undefined {
  try {
    return baseAddress(memory?.getItem(PUBLIC_URL_KEY));
  } catch {
    return undefined;
  }
}
