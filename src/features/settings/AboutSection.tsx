import { useText } from '../../ui/text';
import { checkForUpdate, useUpdates, type UpdateCheck } from '../offline';
import { APP_VERSION } from '../offline';
import { messages } from '../offline';

const checkText: Record<Exclude<UpdateCheck, 'idle'>, keyof typeof messages> = {
  checking: 'settings.app.checking',
  upToDate: 'settings.app.upToDate',
  found: 'settings.app.found',
  ready: 'settings.app.ready',
  failed: 'settings.app.failed',
  unavailable: 'settings.app.unavailable',
};

/** The running version and a way to look for a newer one (offered by the update banner). */
export function AboutSection() {
  const t = useText(messages);
  const check = useUpdates((s) => s.check);
  return (
    <section aria-labelledby="about-heading" className="settings-section">
      <h2 id="about-heading">{t('settings.app.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('settings.app.version')}</dt>
          <dd data-testid="app-version">{APP_VERSION}</dd>
        </div>
      </dl>
      <button type="button" className="button" disabled={check === 'checking'} onClick={() => void checkForUpdate()} data-testid="check-update">
        {t('settings.app.check')}
      </button>
      <p role="status" className="settings-note" data-testid="update-check">
        {check === 'idle' ? null : t(checkText[check])}
      </p>
    </section>
  );
}
