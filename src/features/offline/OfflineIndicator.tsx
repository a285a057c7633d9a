import { useText } from '../../ui/text';
import { useOffline } from './network';
import './pwa.css';
import { messages } from './messages';

/**
 * Says that the device is offline: the browser says so or the last request to the server
 * failed (network.ts says why both). The app keeps working either way; this only tells the
 * user that what they record has not left the device yet. Under the top bar it is a strip with the whole
 * sentence; inside the top bar, a small mark (the sentence is then for screen readers only).
 */
export function OfflineIndicator() {
  const t = useText(messages);
  const offline = useOffline();
  // The live region stays in the page, so the change is announced when it happens.
  return (
    <div role="status" className="offline-status">
      {offline ? (
        <p className="offline-mark" data-testid="offline-indicator">
          <span aria-hidden="true" className="offline-dot" />
          <strong>{t('pwa.offline')}</strong> <span className="offline-hint">{t('pwa.offline.hint')}</span>
        </p>
      ) : null}
    </div>
  );
}
