import { create } from 'zustand';

/**
 * What the update banner and the settings screen know about new versions. Kept apart from
 * `register.ts` so the shell can show the banner without loading workbox-window up front.
 *
 * - `none`: running the newest version we know of.
 * - `waiting`: a new service worker is installed and waits; nothing changes until the user
 *   accepts: an update is offered, never forced.
 * - `applying`: the user accepted; the page reloads once the new worker controls it.
 * - `updatedElsewhere`: another tab accepted; this tab still runs the old code.
 */
type UpdatePhase = 'none' | 'waiting' | 'applying' | 'updatedElsewhere';

/** The outcome of "check for update" on the settings screen. */
export type UpdateCheck = 'idle' | 'checking' | 'upToDate' | 'found' | 'ready' | 'failed' | 'unavailable';

/** What register.ts plugs in once the service worker is registered. */
export interface UpdateController {
  /** Tells the waiting worker to take over; the page reloads when it does. */
  apply: () => void;
  /** Asks the server for a newer service worker: one is downloading, one is waiting, or none. */
  check: () => Promise<'installing' | 'waiting' | 'none'>;
}

interface UpdateState {
  phase: UpdatePhase;
  /** "Later" was chosen for this waiting version; the banner shows again for the next one. */
  dismissed: boolean;
  check: UpdateCheck;
  controller: UpdateController | null;
}

export const useUpdates = create<UpdateState>()(() => ({ phase: 'none', dismissed: false, check: 'idle', controller: null }));

export function setUpdateController(controller: UpdateController): void {
  useUpdates.setState({ controller });
}

/** A new version is installed and waiting (called again for a newer one: the banner returns). */
export function updateWaiting(): void {
  if (useUpdates.getState().phase === 'applying') return;
  useUpdates.setState({ phase: 'waiting', dismissed: false });
}

export function updatedElsewhere(): void {
  useUpdates.setState({ phase: 'updatedElsewhere', dismissed: false });
}

/** The user accepted the update. */
export function applyUpdate(): void {
  const { controller, phase } = useUpdates.getState();
  if (!controller || phase !== 'waiting') return;
  useUpdates.setState({ phase: 'applying' });
  controller.apply();
}

/** The user chose "Later": hide the banner until the next version or the next start. */
export function postponeUpdate(): void {
  useUpdates.setState({ dismissed: true });
}

/**
 * How to register the service worker now (start.ts sets it): the app registers it once the first
 * screen is up, and a check asked for before then (settings opened first) registers it at once
 * instead of saying this browser has none.
 */
let registerNow: (() => Promise<void>) | null = null;

export function setRegistrar(register: (() => Promise<void>) | null): void {
  registerNow = register;
}

/** "Check for update" on the settings screen; the outcome lands in `check`. */
export async function checkForUpdate(): Promise<void> {
  if (!useUpdates.getState().controller && registerNow) await registerNow();
  const { controller } = useUpdates.getState();
  if (!controller) {
    useUpdates.setState({ check: 'unavailable' });
    return;
  }
  // With no network at all the browser's own check takes seconds to fail; say so at once.
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    useUpdates.setState({ check: 'failed' });
    return;
  }
  useUpdates.setState({ check: 'checking' });
  try {
    const found = await controller.check();
    // A version found earlier and postponed is shown again: the user asked for it.
    if (found !== 'none') useUpdates.setState({ dismissed: false });
    useUpdates.setState({ check: found === 'installing' ? 'found' : found === 'waiting' ? 'ready' : 'upToDate' });
  } catch {
    useUpdates.setState({ check: 'failed' });
  }
}
