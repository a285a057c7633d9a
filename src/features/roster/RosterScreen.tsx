import { useState } from 'react';
import type { RosterPerson } from '../../domain/events/roster';
import { rosterByFloor, type RosterEntry } from '../../domain/roster';
import { Loading } from '../../ui/Loading';
import { messages as uiMessages } from '../../ui/messages';
import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { PersonForm } from './PersonForm';
import { newPersonId, removeRosterPerson, setRosterPerson, useBranchRoster } from './store';
import './roster.css';

const save = async (p: RosterPerson) => (await setRosterPerson(p)) !== null;

function PersonRow({ person }: { person: RosterEntry }) {
  const t = useText(messages);
  const common = useText(uiMessages);
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  if (mode === 'edit')
    return (
      <li className="roster-person editing" data-testid={`roster-person-${person.personId}`}>
        <PersonForm
          person={person}
          newId={newPersonId}
          onSave={async (p) => {
            const ok = await save(p);
            if (ok) setMode('view');
            return ok;
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  const details = [person.team, person.phone, person.assemblyPoint].filter(Boolean).join(' · ');
  return (
    <li className="roster-person" data-testid={`roster-person-${person.personId}`}>
      <div className="roster-person-text">
        <span className="person-name">{person.name}</span>
        {details ? <span className="card-meta">{details}</span> : null}
      </div>
      {mode === 'remove' ? (
        <div className="confirm-box" role="alertdialog" aria-label={t('roster.remove.label', { name: person.name })}>
          <p>{t('roster.remove.confirm', { name: person.name })}</p>
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => void removeRosterPerson(person.personId)}>
              {t('roster.remove.yes')}
            </button>
            <button type="button" className="button" onClick={() => setMode('view')}>
              {common('form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <span className="button-row">
          <button type="button" className="button small" aria-label={t('roster.edit.label', { name: person.name })} onClick={() => setMode('edit')}>
            {t('roster.edit')}
          </button>
          <button type="button" className="button small" aria-label={t('roster.remove.label', { name: person.name })} onClick={() => setMode('remove')}>
            {t('roster.remove')}
          </button>
        </span>
      )}
    </li>
  );
}

/** The branch roster, by floor: add, change or remove a person; import the branch's CSV; print badges. */
export function RosterScreen() {
  const t = useText(messages);
  const view = useBranchRoster();
  const [adding, setAdding] = useState(false);
  if (view.status === 'failed') return <p role="alert">{view.error}</p>;
  if (!view.state) return <Loading />;
  const people = view.state.people;
  return (
    <>
      <h1>{t('roster.title')}</h1>
      <p>{t('roster.intro')}</p>
      <div className="button-row roster-actions">
        <Link href="/roster/import" className="button primary">
          {t('roster.import')}
        </Link>
        <Link href="/roster/badges" className="button">
          {t('roster.badges')}
        </Link>
        <Link href="/check-in" className="button">
          {t('checkin.title')}
        </Link>
      </div>
      {adding ? (
        <PersonForm newId={newPersonId} onSave={save} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)} data-testid="roster-add">
          {t('roster.add')}
        </button>
      )}
      <p className="card-meta" data-testid="roster-count">
        {t('roster.count', { count: people.length })}
      </p>
      {people.length === 0 ? <p className="empty">{t('roster.empty')}</p> : null}
      {rosterByFloor(people).map((g) => (
        <section key={g.floor ?? ''} className="roster-floor" aria-labelledby={`floor-${g.floor ?? ''}`}>
          <h2 id={`floor-${g.floor ?? ''}`}>{t('roster.floor.heading', { floor: g.floor ?? t('roster.floor.none'), count: g.people.length })}</h2>
          <ul className="plain-list" data-testid="roster-people">
            {g.people.map((p) => (
              <PersonRow key={p.personId} person={p} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
