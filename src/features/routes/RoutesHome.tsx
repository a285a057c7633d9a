import { useT } from '../../app/i18n';
import { shippedPlaybooks } from '../playbooks/catalogue';

/** Entry to the route finder: the sites (playbooks) this device knows. */
export function RoutesHome() {
  const t = useT();
  const sites = shippedPlaybooks.filter((p) => p.kind === 'fire');
  return (
    <>
      <h1>{t('routes.title')}</h1>
      <p className="rule-banner" role="note">
        {t('routes.never')}
      </p>
      <h2>{t('routes.pickSite')}</h2>
      {sites.length === 0 ? (
        <p className="empty">{t('routes.none')}</p>
      ) : (
        <ul className="cards">
          {sites.map((p) => (
            <li key={p.file} className="card">
              <span className="card-title" lang={p.language}>
                {p.title}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
