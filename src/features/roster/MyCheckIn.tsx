import { useState } from 'react';
import { checkInCode } from '../../domain/roster';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { CheckInQr } from './CheckInQr';
import { useBranchRoster, useMyCheckIn } from './store';
import './roster.css';

/**
 * "My check-in code": a member of staff picks themself from the branch roster once, and the phone
 * then shows their code whenever it is opened — from the device's own copy of the roster, so it
 * works with no network at the assembly point.
 */
export function MyCheckIn() {
  const t = useText(messages);
  const roster = useBranchRoster();
  const personId = useMyCheckIn((s) => s.personId);
  const setPersonId = useMyCheckIn((s) => s.setPersonId);
  const [choice, setChoice] = useState('');
  if (roster.status === 'failed') return <p role="alert">{roster.error}</p>;
  if (!roster.state) return <Loading />;
  const people = roster.state.people;
  const me = personId ? roster.state.byId[personId] : undefined;
  if (me)
    return (
      <>
        <h1>{t('checkin.title')}</h1>
        <div className="checkin-card" data-testid="checkin-card">
          <p className="checkin-name" data-testid="checkin-name">
            {me.name}
          </p>
          {me.floor || me.team ? <p className="card-meta">{[me.floor, me.team].filter(Boolean).join(' · ')}</p> : null}
          <div className="checkin-qr" data-testid="checkin-qr" data-code={checkInCode(me.personId)}>
            <CheckInQr personId={me.personId} label={t('checkin.qrLabel', { name: me.name })} size={320} />
          </div>
          <p>{t('checkin.howTo')}</p>
          <p className="card-meta">{t('checkin.brightness')}</p>
        </div>
        <button type="button" className="link-button" onClick={() => setPersonId(null)} data-testid="checkin-not-me">
          {t('checkin.notMe')}
        </button>
      </>
    );
  return (
    <>
      <h1>{t('checkin.title')}</h1>
      {personId ? (
        <p className="error-box" role="alert">
          {t('checkin.removed')}
        </p>
      ) : null}
      {people.length === 0 ? (
        <p className="callout" data-testid="checkin-no-roster">
          {t('checkin.noRoster')}
        </p>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) setPersonId(choice);
          }}
        >
          <p>{t('checkin.pick')}</p>
          <label className="field">
            <span>{t('checkin.pick.label')}</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value)} required data-testid="checkin-pick">
              <option value="" disabled>
                —
              </option>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {[p.name, p.floor, p.team].filter(Boolean).join(' · ')}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary big" data-testid="checkin-show">
            {t('checkin.pick.submit')}
          </button>
        </form>
      )}
    </>
  );
}
