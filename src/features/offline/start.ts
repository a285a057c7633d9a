import { watchNetwork, probeServer } from './network';
import { requestPersistentStorage } from './storage';
import { setRegistrar } from './updates';
import { afterFirstScreen } from '../../ui/first-screen';

function afterLoad(run: () => void): void {
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
}

/**
 * Starts the offline layer; call once from main.tsx. The service worker is registered once the
 * first screen is up, from a separate chunk, so neither workbox-window nor the precache
 * downloads compete with the first screen on a slow phone.
 */
export function startPwa(): void {
  watchNetwork();
  // An installed app is one the user means to keep: ask the browser to keep its data.
  window.addEventListener('appinstalled', () => void requestPersistentStorage());
  afterLoad(() => {
    // `navigator.onLine` is true on a Wi-Fi with no way out; one small request tells.
    if (navigator.onLine) void probeServer();
  });
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    let registering: Promise<void> | null = null;
    const register = () =>
      (registering ??= import('./register')
        .then((m) => m.registerServiceWorker())
        .catch((error: unknown) => console.warn('Muster: service worker not registered; the app will not work offline.', error)));
    setRegistrar(register);
    afterFirstScreen(() => void register());
  }
}
