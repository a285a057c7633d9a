import { useT } from '../i18n';
import { useHasOpenIncident } from './incidents';
import { applyUpdate, postponeUpdate, useUpdates } from './updates';
import './pwa.css';

/**
 * Offers a new version; never applies one by itself (DESIGN.md "Offline"). While an incident
 * is open on this device it says so, and the update still waits for the user.
 */
export function UpdateBanner() {
  const phase = useUpdates((s) => s.phase);
  const dismissed = useUpdates((s) => s.dismissed);
  // The live region is always there, so a screen reader announces the notice when it appears.
  return (
    <div aria-live="polite" className="update-slot">
      {phase !== 'none' && !dismissed ? <UpdateNotice phase={phase} /> : null}
    </div>
  );
}

function UpdateNotice({ phase }: { phase: 'waiting' | 'applying' | 'updatedElsewhere' }) {
  const t = useT();
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
        {applying ? t('pwa.update.applying') : incidentOpen ? t('pwa.update.incidentOpen') : t('pwa.update.readyHint')}
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
