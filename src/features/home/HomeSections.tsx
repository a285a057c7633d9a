import type { ReactNode } from 'react';
import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { messages } from './messages';
import { dutyLogMessages } from '../duty-log';
import { incidentListMessages } from '../incident';
import { playbookListMessages } from '../playbooks';

/*
 * The home screen's two lists as sections, apart from how their content is read: the same
 * markup whether the device's database is read (HomeLists) or the device holds none yet
 * (FreshLists), so switching from one to the other changes nothing on screen.
 */

/** "Open incidents": head office's way in, the start and duty-log buttons, then `children` (the list, or "none"). */
export function IncidentsSection({ headOffice, children }: { headOffice: boolean; children: ReactNode }) {
  const t = useText(messages);
  const tIncident = useText(incidentListMessages);
  const tDuty = useText(dutyLogMessages);
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">{t('home.incidents.title')}</h2>
      {/* Only on a device that holds branches: a head-office one. Its screens load when opened. */}
      {headOffice ? (
        <Link href="/head-office" className="card card-link" data-testid="head-office-entry">
          <span className="card-title">{t('home.headOffice.title')}</span>
          <span className="card-meta">{t('home.headOffice.hint')}</span>
        </Link>
      ) : null}
      <p className="button-row">
        <Link href="/incidents/new" className="button primary" data-testid="new-incident">
          {tIncident('incident.new')}
        </Link>
        <Link href="/duty-log" className="button">
          {tDuty('duty.title')}
        </Link>
        <Link href="/handover" className="button" data-testid="home-receive-handover">
          {t('home.receiveHandover')}
        </Link>
      </p>
      {children}
    </section>
  );
}

export function NoIncidents() {
  const t = useText(messages);
  return (
    <p className="empty" data-testid="no-incidents">
      {t('home.incidents.empty')}
    </p>
  );
}

/** "Playbooks", with `children` (the cards). */
export function PlaybooksSection({ children }: { children: ReactNode }) {
  const t = useText(playbookListMessages);
  return (
    <section aria-labelledby="playbooks-heading">
      <h2 id="playbooks-heading">{t('library.title')}</h2>
      {children}
    </section>
  );
}
