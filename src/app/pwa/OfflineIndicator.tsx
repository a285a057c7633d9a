import { useT } from '../i18n';
import { useOffline } from './network';
import './pwa.css';

/**
 * A small "Offline" mark in the top bar. Offline means the browser says so or the last request
 * to the server failed (DESIGN.md "Sync"). The app keeps working either way; this only tells
 * the user that what they record has not left the device yet.
 */
export function OfflineIndicator() {
  const t = useT();
  const offline = useOffline();
  return (
    <span role="status" className="offline-status">
      {offline ? (
        <span className="offline-pill" data-testid="offline-indicator">
          <span aria-hidden="true" className="offline-dot" />
          {t('pwa.offline')}
          <span className="visually-hidden">{t('pwa.offline.hint')}</span>
        </span>
      ) : null}
    </span>
  );
}
