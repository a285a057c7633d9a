import { useText } from '../../ui/text';
import { useHasOpenIncident } from './incidents';
import { applyUpdate, postponeUpdate } from './updates';
import { messages } from './messages';

/** The notice itself: loaded only when an update waits, so the database code stays out of the first load. */
export function UpdateNotice({ phase }: { phase: 'waiting' | 'applying' | 'updatedElsewhere' }) {
  const t = useText(messages);
  // Only read while a notice shows: the open-incident query then follows every closure.
  const incidentOpen = useHasOpenIncident();
  if (phase === 'updatedElsewhere') {
    return (
      <section className="update-banner" aria-labelledby="update-banner-title" data-testid="update-banner">
        <p id="update-banner-title" className="update-title">
          {t('pwa.update.elsewhere')}
        </p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            {t('pwa.update.reload')}
          </button>
        </div>
      </section>
    );
  }
  const applying = phase === 'applying';
  return (
    <section className={`update-banner${incidentOpen ? ' incident-open' : ''}`} aria-labelledby="update-banner-title" data-testid="update-banner">
      <p id="update-banner-title" className="update-title">
        {t('pwa.update.ready')}
      </p>
      <p className="update-text" data-testid="update-banner-text">
        {/* Nothing until the database has answered: never "the app will reload" while an incident may be open. */}
        {applying ? t('pwa.update.applying') : incidentOpen === undefined ? '' : incidentOpen ? t('pwa.update.incidentOpen') : t('pwa.update.readyHint')}
      </p>
      {applying ? null : (
        <div className="button-row">
          <button type="button" className="button primary" data-testid="update-accept" onClick={applyUpdate}>
            {t('pwa.update.now')}
          </button>
          <button type="button" className="button" data-testid="update-later" onClick={postponeUpdate}>
            {t('pwa.update.later')}
          </button>
        </div>
      )}
    </section>
  );
}
