import { LoadingWord } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { messages } from '../offline';
import { availableBytes, formatBytes } from '../offline';
import { useSession } from '../../ui/session';
import { useStorageStatus } from './useStorageStatus';

/** Whether the browser will keep Muster's data (evicted data is lost incident records), and how much room is left. */
export function StorageSection() {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const { status, refused, askToPersist } = useStorageStatus();
  const bytes = (n: number | null | undefined) => (n === null || n === undefined ? t('settings.storage.unknown') : formatBytes(language, n));
  const persistence =
    status === undefined ? (
      <LoadingWord />
    ) : status.persisted === null ? (
      t('settings.storage.unsupported')
    ) : status.persisted ? (
      t('settings.storage.persistent')
    ) : (
      t('settings.storage.notPersistent')
    );
  return (
    <section aria-labelledby="storage-heading" className="settings-section" data-testid="storage-status">
      <h2 id="storage-heading">{t('settings.storage.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('settings.storage.persistence')}</dt>
          <dd data-testid="storage-persisted" data-persisted={status?.persisted === undefined ? 'loading' : String(status.persisted)}>
            {persistence}
          </dd>
        </div>
        <div>
          <dt>{t('settings.storage.used')}</dt>
          <dd data-testid="storage-used">{status ? bytes(status.usage) : <LoadingWord />}</dd>
        </div>
        <div>
          <dt>{t('settings.storage.available')}</dt>
          <dd data-testid="storage-available">{status ? bytes(availableBytes(status)) : <LoadingWord />}</dd>
        </div>
      </dl>
      {status?.persisted === false ? (
        <button type="button" className="button" onClick={() => void askToPersist()} data-testid="storage-ask">
          {t('settings.storage.ask')}
        </button>
      ) : null}
      <p role="status" className="settings-note">
        {refused && status?.persisted === false ? t('settings.storage.denied') : null}
      </p>
    </section>
  );
}
