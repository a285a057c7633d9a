import { messages as reportMessages } from '../../domain/report/messages';
import { useState } from 'react';
import { useText } from '../../ui/text';
import { HEADCOUNT_STATUSES } from '../../domain/events/people';
import { headcountTotals, missingPeople, type IncidentState } from '../../domain/incident';
import { accountFor, addToRoster } from './commands';
import { messages } from './messages';

/** People accounted for at the assembly point against the roster; those still missing come first. */
export function Headcount({ incident, readOnly }: { incident: IncidentState; readOnly: boolean }) {
  const t = useText(messages, reportMessages);
  const [names, setNames] = useState('');
  const missing = missingPeople(incident);
  const counts = headcountTotals(incident);
  const ordered = [...missing, ...incident.roster.filter((p) => !missing.includes(p))];
  return (
    <>
      {/* An empty roster is not "everyone accounted for": nobody has been counted yet, so it is never shown as all clear. */}
      <p className={missing.length || counts.total === 0 ? 'alarm-box' : 'ok-box'} role="status" data-testid="headcount-summary">
        {missing.length ? t('people.missing', { count: missing.length }) : counts.total === 0 ? t('people.noRoster') : t('people.allSafe')}
        <br />
        {t('people.summary', { safe: counts.safe, injured: counts.injured, missing: missing.length, total: counts.total })}
      </p>
      {readOnly ? null : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const people = [
              ...new Set(
                names
                  .split(/\n|,|，|、/)
                  .map((n) => n.trim())
                  .filter(Boolean),
              ),
            ];
            if (people.length) void addToRoster(incident.id, people).then((ok) => ok && setNames(''));
          }}
        >
          <label className="field">
            <span>{t('people.roster')}</span>
            <textarea rows={3} value={names} onChange={(e) => setNames(e.target.value)} placeholder={t('people.rosterHint')} data-testid="roster-input" />
          </label>
          <button type="submit" className="button">
            {t('people.add')}
          </button>
        </form>
      )}
      <ul className="people" data-testid="people">
        {ordered.map((person) => {
          const status = incident.headcount[person]?.status;
          return (
            <li key={person} className={`person status-${status ?? 'unknown'}`} data-testid={`person-${person}`}>
              <span className="person-name">{person}</span>
              <span className="person-status">{t(status ? `headcount.${status}` : 'people.status.unknown')}</span>
              {readOnly ? null : (
                <span className="button-row">
                  {HEADCOUNT_STATUSES.map((s) => (
                    <button key={s} type="button" className="button small" aria-pressed={status === s} onClick={() => void accountFor(incident.id, person, s)}>
                      {t(`headcount.${s}`)}
                    </button>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
