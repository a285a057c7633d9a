import { rosterByFloor } from '../../domain/roster';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { CheckInQr } from './CheckInQr';
import { messages } from './messages';
import { useBranchRoster } from './store';
import './roster.css';

/**
 * A printable sheet of check-in badges, one per person on the branch roster, floor by floor:
 * the name large, the floor and team, and the same QR code as the person's "My check-in code"
 * (for staff without a phone, or whose phone is flat). Made on the device, offline.
 */
export function Badges() {
  const t = useText(messages);
  const roster = useBranchRoster();
  if (roster.status === 'failed') return <p role="alert">{roster.error}</p>;
  if (!roster.state) return <Loading />;
  const people = rosterByFloor(roster.state.people).flatMap((g) => g.people);
  return (
    <>
      <div className="no-print">
        <h1>{t('badges.title')}</h1>
        <p>{t('badges.hint')}</p>
        {people.length === 0 ? <p className="empty">{t('roster.empty')}</p> : null}
        <button type="button" className="button primary" onClick={() => window.print()} disabled={people.length === 0}>
          {t('badges.print')}
        </button>
      </div>
      <ul className="badges" data-testid="badges">
        {people.map((p) => (
          <li key={p.personId} className="badge-card" data-testid={`badge-${p.personId}`}>
            <CheckInQr personId={p.personId} label={t('checkin.qrLabel', { name: p.name })} size={132} />
            <div className="badge-text">
              <p className="badge-name">{p.name}</p>
              {p.floor || p.team ? <p className="badge-meta">{[p.floor, p.team].filter(Boolean).join(' · ')}</p> : null}
              <p className="badge-meta">{t('badges.caption')}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
