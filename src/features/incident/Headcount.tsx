import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { useState } from 'react';
import { useLanguage, useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { HEADCOUNT_STATUSES, PERSON_KINDS, type HeadcountStatus, type PersonKind } from '../../domain/events/people';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { headcountTotals, missingPeople, personName, type IncidentState } from '../../domain/incident';
import {
  floorChoices,
  headcountGroups,
  lastSeen,
  possibleDuplicates,
  reportedTwice,
  visitorsAndContractors,
  type GroupBy,
} from '../../domain/roster-headcount';
import { floorsInOrder } from '../../domain/playbook/routes';
import type { RosterState } from '../../domain/roster';
import type { Playbook } from '../../domain/playbook/schema';
import type { Merged, Speak } from '../../domain/text';
import { useBranchRoster } from '../roster';
import { messages } from './people.messages';
import { addPeople, linkBranchRoster, reportPerson } from './people-commands';
import { makeSignal, type Signal } from './qr-scanner';
import { ScanCheckIn } from './ScanCheckIn';
import './people.css';

type Say = Speak<Merged<[typeof messages, typeof reportMessages, typeof uiMessages]>>;

/** The floors of the playbook's buildings, bottom up, each label once: offered for "last seen on floor …". */
function playbookFloors(playbook: Playbook | undefined): string[] {
  const labels = (playbook?.buildings ?? []).flatMap((b) => floorsInOrder(b).map((f) => f.label));
  return [...new Set(labels)];
}

function statusText(t: Say, status: HeadcountStatus | undefined): string {
  return t(status ? `headcount.${status}` : 'people.status.unknown');
}

/** One person at the assembly point: their status, where last seen, a double count, and the buttons that report them. */
function PersonRow({
  incident,
  personKey,
  readOnly,
  floors,
  sameAs,
}: {
  incident: IncidentState;
  personKey: string;
  readOnly: boolean;
  floors: readonly string[];
  sameAs: readonly string[] | undefined;
}) {
  const t = useText(messages, reportMessages, uiMessages);
  const language = useLanguage();
  const [pickingFloor, setPickingFloor] = useState(false);
  const person = incident.people[personKey];
  const name = personName(incident, personKey);
  const latest = incident.headcount[personKey];
  const seen = lastSeen(incident, personKey);
  const twice = reportedTwice(incident, personKey);
  const report = (status: HeadcountStatus, floor?: string) => {
    setPickingFloor(false);
    void reportPerson(incident.id, {
      person: name,
      ...(person?.personId ? { personId: person.personId } : {}),
      status,
      ...(floor ? { floor } : {}),
      via: 'list',
    });
  };
  const details = [person?.team, person?.kind === 'staff' ? undefined : t(`headcount.kind.${person?.kind ?? 'visitor'}`)].filter(Boolean).join(' · ');
  return (
    <li className={`person status-${latest?.status ?? 'unknown'}`} data-testid={`person-${personKey}`} data-status={latest?.status ?? 'unknown'}>
      <div className="person-head">
        <span className="person-name">{name}</span>
        <span className="person-status">{statusText(t, latest?.status)}</span>
      </div>
      {details ? <p className="person-line card-meta">{details}</p> : null}
      {latest ? (
        <p className="person-line card-meta">
          {t(latest.via === 'scan' ? 'people.reported.scan' : 'people.reported', { actor: latest.actor, time: formatDateTime(language, latest.at) })}
        </p>
      ) : null}
      {seen?.floor ? (
        <p className="person-line person-seen" data-testid="last-seen">
          {t('people.lastSeen', { floor: seen.floor, actor: seen.actor, time: formatDateTime(language, seen.at) })}
        </p>
      ) : null}
      {twice.length ? (
        <p className="person-line person-warn" data-testid="reported-twice">
          {t('people.twice', { reports: twice.map((r) => `${r.actor} ${formatDateTime(language, r.at)}`).join('; ') })}
        </p>
      ) : null}
      {sameAs?.length ? (
        <p className="person-line person-warn" data-testid="possible-duplicate">
          {t('people.duplicate', {
            names: sameAs.map((k) => personName(incident, k) + (incident.people[k]?.floor ? ` (${incident.people[k]?.floor})` : '')).join(', '),
          })}
        </p>
      ) : null}
      {readOnly ? null : (
        <span className="button-row">
          {HEADCOUNT_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="button small"
              aria-pressed={latest?.status === s}
              onClick={() => (s === 'missing' && floors.length ? setPickingFloor(true) : report(s))}
            >
              {t(`headcount.${s}`)}
            </button>
          ))}
        </span>
      )}
      {pickingFloor ? (
        <div className="floor-pick" role="group" aria-label={t('people.lastSeen.pick', { name })}>
          <p className="person-line">{t('people.lastSeen.pick', { name })}</p>
          <div className="chips-row">
            {floors.map((f) => (
              <button key={f} type="button" className="chip" onClick={() => report('missing', f)}>
                {f}
              </button>
            ))}
            <button type="button" className="chip" onClick={() => report('missing')}>
              {t('people.lastSeen.unknown')}
            </button>
            <button type="button" className="link-button" onClick={() => setPickingFloor(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

/** Names typed at the assembly point: staff one per line, or a visitor or contractor with their kind. */
function AddPeople({ incidentId }: { incidentId: string }) {
  const t = useText(messages, reportMessages, uiMessages);
  const [names, setNames] = useState('');
  return (
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
        if (people.length) void addPeople(incidentId, people).then((ok) => ok && setNames(''));
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
  );
}

function AddVisitor({ incidentId }: { incidentId: string }) {
  const t = useText(messages, reportMessages, uiMessages);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PersonKind>('visitor');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const n = name.trim();
        if (n) void addPeople(incidentId, [n], kind).then((ok) => ok && setName(''));
      }}
    >
      <label className="field grow">
        <span>{t('people.visitor.name')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={TEXT_LIMITS.name} required data-testid="visitor-name" />
      </label>
      <label className="field">
        <span>{t('people.visitor.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as PersonKind)} data-testid="visitor-kind">
          {PERSON_KINDS.filter((k) => k !== 'staff').map((k) => (
            <option key={k} value={k}>
              {t(`headcount.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" data-testid="visitor-add">
        {t('people.visitor.add')}
      </button>
    </form>
  );
}

/**
 * People accounted for at the assembly point. The totals stay on screen; the branch roster is
 * one tap away from being the list; scanning check-in codes marks people safe one after another;
 * people are grouped by floor or assembly point with those not accounted for first; a person
 * counted twice, a name that may be a roster person, and where someone was last seen all show.
 * `playbook` (when given) offers its floors for "last seen on floor …".
 */
export function Headcount({ incident, readOnly, playbook }: { incident: IncidentState; readOnly: boolean; playbook?: Playbook }) {
  const branch = useBranchRoster();
  return <HeadcountView incident={incident} readOnly={readOnly} playbook={playbook} roster={branch.state} />;
}

/** The headcount for a given branch roster (null: none on this device yet). */
export function HeadcountView({
  incident,
  readOnly,
  playbook,
  roster,
}: {
  incident: IncidentState;
  readOnly: boolean;
  playbook?: Playbook | undefined;
  roster: RosterState | null;
}) {
  const t = useText(messages, reportMessages, uiMessages);
  const [groupBy, setGroupBy] = useState<GroupBy>('floor');
  const [scanner, setScanner] = useState<Signal | null>(null);
  const missing = missingPeople(incident);
  const counts = headcountTotals(incident);
  const toLink = roster ? roster.people.filter((p) => !incident.people[p.personId]) : [];
  const linkedAlready = incident.roster.some((k) => incident.people[k]?.personId !== undefined);
  const groups = headcountGroups(incident, groupBy);
  const groupable = incident.roster.some((k) => incident.people[k]?.floor || incident.people[k]?.assemblyPoint);
  const visitors = visitorsAndContractors(incident);
  const duplicates = possibleDuplicates(incident);
  const floors = floorChoices(incident, playbookFloors(playbook));
  const row = (key: string) => <PersonRow key={key} incident={incident} personKey={key} readOnly={readOnly} floors={floors} sameAs={duplicates[key]} />;
  const startScanning = () => {
    // The sound is made ready on this tap: browsers play audio only after one.
    const signal = makeSignal();
    if (toLink.length && roster) void linkBranchRoster(incident.id, roster.people);
    setScanner(signal);
  };
  return (
    <>
      <div className="headcount-totals">
        {/* An empty roster is not "everyone accounted for": nobody has been counted yet, so it is never shown as all clear. */}
        <p className={missing.length || counts.total === 0 ? 'alarm-box' : 'ok-box'} role="status" data-testid="headcount-summary">
          {missing.length ? t('people.missing', { count: missing.length }) : counts.total === 0 ? t('people.noRoster') : t('people.allSafe')}
          <br />
          {t('people.summary', { safe: counts.safe, injured: counts.injured, missing: missing.length, total: counts.total })}
        </p>
      </div>
      {readOnly || toLink.length === 0 || !roster ? null : (
        <button type="button" className="button primary big" data-testid="link-roster" onClick={() => void linkBranchRoster(incident.id, roster.people)}>
          {linkedAlready ? t('people.linkMore', { count: toLink.length }) : t('people.link', { count: roster.people.length })}
        </button>
      )}
      {readOnly ? null : scanner ? (
        <ScanCheckIn
          incident={incident}
          branch={roster}
          signal={scanner}
          onClose={() => {
            scanner.close();
            setScanner(null);
          }}
        />
      ) : (
        <button type="button" className="button big scan-button" data-testid="scan-start" onClick={startScanning}>
          {t('people.scan')}
        </button>
      )}
      {groupable ? (
        <div className="chips-row" role="group" aria-label={t('people.groupBy')}>
          {(['floor', 'assemblyPoint'] as const).map((g) => (
            <button key={g} type="button" className="chip" aria-pressed={groupBy === g} onClick={() => setGroupBy(g)}>
              {t(`people.groupBy.${g}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div data-testid="people">
        {groups.map((g) => (
          <section key={g.label ?? ''} className="people-group" data-testid={`group-${g.label ?? ''}`}>
            {groupable ? (
              <h2>
                {g.label ?? (groupBy === 'floor' ? t('people.group.noFloor') : t('people.group.noPoint'))}{' '}
                <span className={g.missing ? 'group-count missing' : 'group-count'}>
                  {t('people.group.count', { missing: g.missing, count: g.keys.length })}
                </span>
              </h2>
            ) : null}
            <ul className="people">{g.keys.map(row)}</ul>
          </section>
        ))}
      </div>
      {readOnly ? null : <AddPeople incidentId={incident.id} />}
      <section className="people-group" aria-labelledby="visitors-title" data-testid="visitors">
        <h2 id="visitors-title">{t('people.visitors')}</h2>
        {visitors.length ? <ul className="people">{visitors.map(row)}</ul> : <p className="empty">{t('people.visitors.none')}</p>}
        {readOnly ? null : <AddVisitor incidentId={incident.id} />}
      </section>
      {/* The totals again at the foot of the screen, so they stay in sight however far down the list the counter is. */}
      <p className={`headcount-bar ${missing.length || counts.total === 0 ? 'missing' : 'clear'}`} data-testid="headcount-bar">
        {t('people.summary', { safe: counts.safe, injured: counts.injured, missing: missing.length, total: counts.total })}
      </p>
    </>
  );
}
