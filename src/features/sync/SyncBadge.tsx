import { useSyncStatus } from './useSyncStatus';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { messages } from './messages';
import { messages as offlineMessages } from '../offline';

/**
 * In the top bar, always in view: how many records wait to be sent, or that all is synced, or
 * that the last sync failed. A tap opens the sync screen with "Sync now". Hidden on a device
 * that never joined an organisation (everything stays local there).
 */
export function SyncBadge() {
  const t = useText(messages, offlineMessages);
  const status = useSyncStatus();
  if (!status.enrolled) return null;
  // Being offline is normal here (basements, stairwells): the records simply wait. Only a real
  // problem (access revoked, server refusing) is called one.
  const problem = status.lastError !== null && status.lastError.kind !== 'offline';
  const text = problem
    ? t('syncBadge.error')
    : status.waiting > 0
      ? t('syncBadge.waiting', { count: status.waiting })
      : status.lastError
        ? t('pwa.offline')
        : t('syncBadge.ok');
  return (
    <Link href="/sync" className={`sync-badge${problem ? ' problem' : ''}`} data-testid="sync-badge">
      {status.syncing ? '⟳ ' : ''}
      {text}
    </Link>
  );
}
