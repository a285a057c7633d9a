import { create } from 'zustand';

/**
 * Whether the device can reach the server. A failed request, not `navigator.onLine`, means
 * offline — `onLine` is true on a Wi-Fi with no way out. So the
 * device counts as offline when the browser says so OR the last request to the server failed.
 * The sync engine reports its own requests with `reportRequestSucceeded/Failed`.
 */
interface NetworkState {
  browserOnline: boolean;
  lastRequestFailed: boolean;
}

export const useNetwork = create<NetworkState>()(() => ({
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  lastRequestFailed: false,
}));

export function isOffline(s: NetworkState): boolean {
  return !s.browserOnline || s.lastRequestFailed;
}

/** True while the device is offline; re-renders when that changes. */
export function useOffline(): boolean {
  return useNetwork(isOffline);
}

/** A request to the server got an HTTP answer (any status: the server was reached). */
export function reportRequestSucceeded(): void {
  if (useNetwork.getState().lastRequestFailed) useNetwork.setState({ lastRequestFailed: false });
}

/** A request to the server failed at the network level (no answer at all). */
export function reportRequestFailed(): void {
  if (!useNetwork.getState().lastRequestFailed) useNetwork.setState({ lastRequestFailed: true });
}

/**
 * Asks the server whether it is there (`/api/health`, never cached: the service worker does
 * not answer /api/). Resolves true when it answered; reports the outcome either way.
 */
export async function probeServer(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl('/api/health', { cache: 'no-store' });
    // Read the (tiny) body: an unread one keeps the request open in the browser.
    await response.text();
    reportRequestSucceeded();
    return true;
  } catch {
    reportRequestFailed();
    return false;
  }
}

/**
 * Follows the browser's `online`/`offline` events; when it comes back online, checks that the
 * server is really reachable. Returns a function that stops listening.
 */
export function watchNetwork(target: Window = window): () => void {
  const offline = () => useNetwork.setState({ browserOnline: false });
  const online = () => {
    useNetwork.setState({ browserOnline: true });
    void probeServer();
  };
  target.addEventListener('offline', offline);
  target.addEventListener('online', online);
  useNetwork.setState({ browserOnline: target.navigator.onLine });
  return () => {
    target.removeEventListener('offline', offline);
    target.removeEventListener('online', online);
  };
}
