import { useText } from '../../ui/text';
import type { Preparation as PreparationData } from '../../domain/playbook/schema';
import type { Round } from '../../domain/playbook/schema-rounds';
import { ItemList } from './ItemList';
import { messages } from './messages';

const periodKey: Record<string, keyof typeof messages> = {
  day: 'reader.period.day',
  week: 'reader.period.week',
  month: 'reader.period.month',
  quarter: 'reader.period.quarter',
  'half-year': 'reader.period.halfYear',
  year: 'reader.period.year',
};

/** Preparation and prevention: tasks, key protected areas, inspections and drills. */
export function Preparation({ preparation, names }: { preparation: PreparationData; names: Map<string, string> }) {
  const t = useText(messages);
  return (
    <>
      <ItemList items={preparation.tasks} names={names} testId="preparation-tasks" />
      {preparation.keyAreas ? (
        <>
          <h3>{t('reader.preparation.keyAreas')}</h3>
          <p>{preparation.keyAreas.text}</p>
          {preparation.keyAreas.owner ? (
            <p className="card-meta">{t('reader.preparation.keyAreasOwner', { owner: names.get(preparation.keyAreas.owner) ?? preparation.keyAreas.owner })}</p>
          ) : null}
          <ul className="chips">
            {preparation.keyAreas.areas.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
          <p className="label">{t('reader.preparation.requirements')}</p>
          <ItemList items={preparation.keyAreas.requirements} names={names} />
        </>
      ) : null}
      {preparation.schedule?.length ? (
        <>
          <h3>{t('reader.preparation.schedule')}</h3>
          <ul className="cards" data-testid="schedule">
            {preparation.schedule.map((s) => (
              <li key={s.id} className="card">
                <span className="card-title">{s.text}</span>
                <span className="card-meta">
                  {t('reader.schedule.cadence', { times: s.times, period: t(periodKey[s.per] ?? 'reader.period.year') })}
                  {s.owner ? ` · ${names.get(s.owner) ?? s.owner}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {preparation.rounds?.length ? <Rounds rounds={preparation.rounds} names={names} /> : null}
    </>
  );
}

/** The inspection rounds the playbook prescribes: who does each, how often, which areas, what is checked, what a finding needs. */
function Rounds({ rounds, names }: { rounds: readonly Round[]; names: Map<string, string> }) {
  const t = useText(messages);
  return (
    <>
      <h3>{t('reader.preparation.rounds')}</h3>
      <ul className="cards" data-testid="preparation-rounds">
        {rounds.map((r) => (
          <li key={r.id} className="card">
            <span className="card-title">{r.title}</span>
            <span className="card-meta">
              {r.every
                ? t('reader.schedule.cadence', { times: r.every.times, period: t(periodKey[r.every.per] ?? 'reader.period.year') })
                : r.beforeSeason
                  ? t('reader.round.season', { season: r.beforeSeason.season, days: r.beforeSeason.daysBefore })
                  : null}
              {' · '}
              {t('reader.round.owner', { owner: names.get(r.owner) ?? r.owner })}
            </span>
            {r.areas?.length ? (
              <>
                <span className="label">{t('reader.round.areas')}</span>
                <ul className="chips">
                  {r.areas.map((a) => (
                    <li key={a.id}>{a.name}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <span className="label">{t('reader.round.items')}</span>
            <ol className="items">
              {r.items.map((i) => (
                <li key={i.id}>{i.text}</li>
              ))}
            </ol>
            <span className="card-meta">
              {r.finding.owner
                ? t('reader.round.findingOwner', { owner: names.get(r.finding.owner) ?? r.finding.owner, days: r.finding.days })
                : t('reader.round.finding', { days: r.finding.days })}
              {r.finding.text ? ` ${r.finding.text}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
