import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { messages } from './messages';

/** Where the roster and "My check-in code" are reached from (the settings screen). */
export function RosterLinks() {
  const t = useText(messages);
  return (
    <section className="roster-links" aria-labelledby="roster-links-title">
      <h2 id="roster-links-title">{t('roster.links.title')}</h2>
      <div className="button-row">
        <Link href="/check-in" className="button" data-testid="link-check-in">
          {t('checkin.title')}
        </Link>
        <Link href="/roster" className="button" data-testid="link-roster">
          {t('roster.title')}
        </Link>
      </div>
    </section>
  );
}
