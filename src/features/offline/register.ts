import { Workbox } from 'workbox-window';
import { setUpdateController, updatedElsewhere, updateWaiting } from './updates';

/** How often an open app asks the server for a new version when it comes back to the front. */
const RECHECK_MS = 30 * 60 * 1000;

/**
 * Registers the service worker (`/sw.js`, built by vite-plugin-pwa's generateSW) with
 * workbox-window and wires updates to the banner: a new worker waits until the user accepts
 * (no skipWaiting before that), then takes over and the page reloads on `controlling`.
 * Offline: registration uses the installed worker; update checks simply fail and are retried.
 */
export async function registerServiceWorker(scriptUrl = '/sw.js'): Promise<void> {
  const wb = new Workbox(scriptUrl, { scope: '/' });
  let accepted = false;

  // Fires for a worker found at start-up, by the browser's own check, or by ours, and also
  // when one was already waiting before this page loaded.
  wb.addEventListener('waiting', () => updateWaiting());
  wb.addEventListener('controlling', (event) => {
    if (accepted) {
      window.location.reload();
    } else if (event.isUpdate) {
      // Another tab accepted the update: this one still runs the old code, whose lazy chunks
      // the new worker no longer holds. Ask for a reload rather than break later.
      updatedElsewhere();
    }
    // Otherwise: the first worker took this page (clientsClaim); nothing to reload.
  });

  const registration = await wb.register();
  // The browser checks for a new worker on every navigation, often before this code runs;
  // workbox-window only follows updates found after register(), so follow that one here.
  const early = registration?.installing;
  if (early && navigator.serviceWorker.controller) {
    early.addEventListener('statechange', () => {
      if (early.state === 'installed' && registration?.waiting === early) updateWaiting();
    });
  }
  let lastCheck = Date.now();
  const check = async (): Promise<'installing' | 'waiting' | 'none'> => {
    lastCheck = Date.now();
    await wb.update();
    return registration?.installing ? 'installing' : registration?.waiting ? 'waiting' : 'none';
  };
  setUpdateController({
    apply: () => {
      accepted = true;
      wb.messageSkipWaiting();
    },
    check,
  });

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastCheck > RECHECK_MS) check().catch(() => undefined);
  });
}
