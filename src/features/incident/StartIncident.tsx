import { messages as reportMessages } from '../../domain/report/messages';
import { format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { appDb } from '../../storage';
import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { requestPersistentStorage } from '../offline';
import { Link, navigate, useQueryString } from '../../ui/router';
import { useSession } from '../../ui/session';
import type { Playbook } from '../../domain/playbook/schema';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { LANGUAGES } from '../../domain/text';
import { playbooksForKind, type PlaybookOffer } from '../../domain/playbook-choice';
import { loadPlaybook, playbookMessages, usePlaybook, usePlaybookLibrary, type LibraryEntry } from '../playbooks';
import { commandNames } from '../../domain/playbook/names';
import { ChooseKind, isKind, type Kind } from './ChooseKind';
import { declareIncident, newIncidentId } from './commands';
import { messages } from './messages';
import './incident.css';

function defaultTitle(entry: LibraryEntry | undefined, now: Date): string {
  const day = format(now, 'yyyy-MM-dd');
  return entry ? `${entry.title} ${day}` : day;
}

/** Who commands from the first minute: the interim on-duty leader (nights, rest days) or the leader. */
function commandChoices(playbook: Playbook | null): { interim?: { id: string; name: string }; leader?: { id: string; name: string } } {
  if (!playbook) return {};
  const names = commandNames(playbook);
  const interimId = playbook.command.interimCommand?.role;
  const leaderId = playbook.command.headquarters.leader?.id ?? playbook.command.headquarters.id;
  return {
    ...(interimId ? { interim: { id: interimId, name: names.get(interimId) ?? interimId } } : {}),
    leader: { id: leaderId, name: names.get(leaderId) ?? leaderId },
  };
}

const KIND_TITLES = {
  flood: 'incident.start.kindTitle.flood',
  fire: 'incident.start.kindTitle.fire',
  other: 'incident.start.kindTitle.other',
} as const;

/** The twin offered on request is named in its own words too, so whoever reads that language finds it. */
function TwinButton({ entry, onUse }: { entry: LibraryEntry; onUse: () => void }) {
  const t = useText(messages, reportMessages);
  const known = (LANGUAGES as readonly string[]).includes(entry.language);
  return (
    <button type="button" className="button wrap" onClick={onUse} data-testid={`use-twin-${entry.language}`}>
      {known
        ? t(entry.language === 'en' ? 'incident.start.twin.en' : 'incident.start.twin.zh-CN')
        : t('incident.start.twin.other', { language: entry.language })}
    </button>
  );
}

/** The playbooks of the chosen kind: one shown whole, several as a list; the twin of the chosen one on request. */
function PlanChoice({
  offers,
  chosen,
  shown,
  onChoose,
  onLanguage,
}: {
  offers: readonly PlaybookOffer<LibraryEntry>[];
  chosen: PlaybookOffer<LibraryEntry>;
  shown: LibraryEntry;
  onChoose: (id: string) => void;
  onLanguage: (language: string) => void;
}) {
  const t = useText(messages, reportMessages);
  const others = [chosen.plan, ...chosen.twins].filter((e) => e.language !== shown.language);
  return (
    <fieldset className="choice chosen-plan" data-testid="start-plan">
      <legend>{t('summary.playbook')}</legend>
      {offers.length > 1 ? (
        offers.map((o) => {
          const entry = o === chosen ? shown : o.plan;
          return (
            <label key={o.plan.id} lang={entry.language} data-testid={`plan-${o.plan.id}`}>
              <input type="radio" name="playbook" checked={o === chosen} onChange={() => onChoose(o.plan.id)} />
              {entry.title}
            </label>
          );
        })
      ) : (
        <p className="card-title" lang={shown.language} data-testid={`plan-${shown.id}`}>
          {shown.title}
        </p>
      )}
      {others.length ? (
        <div className="button-row">
          {others.map((e) => (
            <TwinButton key={e.language} entry={e} onUse={() => onLanguage(e.language)} />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * Start an incident: the kind of emergency first (ChooseKind), then the playbook of that kind
 * in the app's language — its twin in the other language only on request — real or drill, a
 * title, a place, who starts it. A link from a playbook (`?playbook=…&lang=…`) opens the form
 * with that playbook chosen; `&mode=drill` (the drill calendar's link) with Drill chosen.
 */
export function StartIncident({ preselect }: { preselect?: { id: string; language: string } }) {
  const library = usePlaybookLibrary();
  const query = new URLSearchParams(useQueryString());
  const kindParam = query.get('kind');
  const drill = query.get('mode') === 'drill';
  if (library === undefined) return <Loading />;
  const pre = preselect ? library.find((p) => p.id === preselect.id && p.language === preselect.language) : undefined;
  const kind = isKind(kindParam) ? kindParam : pre && isKind(pre.kind) ? pre.kind : null;
  if (!kind) return <ChooseKind library={library} />;
  return <StartForm key={kind} kind={kind} library={library} preselect={pre?.kind === kind ? pre : undefined} drill={drill} />;
}

function StartForm({ kind, library, preselect, drill }: { kind: Kind; library: readonly LibraryEntry[]; preselect: LibraryEntry | undefined; drill: boolean }) {
  const t = useText(messages, reportMessages);
  const tPlaybook = useText(playbookMessages);
  const actorName = useSession((s) => s.actorName);
  const setActorName = useSession((s) => s.setActorName);
  const uiLanguage = useSession((s) => s.language);
  const [chosenId, setChosenId] = useState(preselect?.id ?? '');
  // The language each playbook is shown in, where someone asked for its twin.
  const [languages, setLanguages] = useState<Record<string, string>>(preselect ? { [preselect.id]: preselect.language } : {});
  const [mode, setMode] = useState<'real' | 'drill'>(drill ? 'drill' : 'real');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [name, setName] = useState(actorName);
  const [command, setCommand] = useState<'interim' | 'leader'>('interim');
  const [commanderName, setCommanderName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const offers = playbooksForKind(library, kind, uiLanguage);
  const chosen = offers.find((o) => o.plan.id === chosenId) ?? offers[0];
  const shownLanguage = chosen ? (languages[chosen.plan.id] ?? chosen.plan.language) : '';
  const entry = chosen ? ([chosen.plan, ...chosen.twins].find((e) => e.language === shownLanguage) ?? chosen.plan) : undefined;
  const load = usePlaybook(entry?.id ?? '', entry?.language ?? '');
  const playbook = load.status === 'ready' ? load.playbook : null;
  const choices = commandChoices(playbook);
  const commandMode = choices.interim ? command : 'leader';

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!entry) return setProblem(t('incident.start.noPlaybook'));
    if (!name.trim()) return setProblem(t('incident.start.missingName'));
    setBusy(true);
    setActorName(name);
    // The playbook as loaded and run: the current-schema object the incident screen loads the same way.
    const shown = playbook?.id === entry.id && playbook.language === entry.language ? playbook : null;
    const pb = shown ?? (await loadPlaybook(appDb(), entry.id, entry.language))?.playbook;
    const role = commandMode === 'interim' ? choices.interim?.id : choices.leader?.id;
    const id = newIncidentId();
    const event = await declareIncident(id, {
      playbookId: entry.id,
      playbookVersion: pb?.version ?? entry.version,
      playbookLanguage: entry.language,
      // Which text the responders follow, so the report can tell if the device's copy changes later.
      ...(pb ? { playbookHash: playbookContentHash(pb) } : {}),
      mode,
      title: title.trim() || defaultTitle(entry, new Date()),
      place: place.trim(),
      commander: commandMode === 'interim' ? name.trim() : commanderName.trim() || name.trim(),
      ...(role ? { commanderRole: role } : {}),
    });
    setBusy(false);
    if (event) {
      // The first incident is when the device's data starts to matter: ask the browser to keep it.
      void requestPersistentStorage();
      navigate(`/incidents/${encodeURIComponent(id)}`);
    }
  }

  const head = (
    <div className="start-head">
      <h1>{t(KIND_TITLES[kind])}</h1>
      <Link href="/incidents/new" className="button" data-testid="start-other-kind">
        {t('incident.start.otherKind')}
      </Link>
    </div>
  );
  if (!chosen || !entry)
    return (
      <div className="stack">
        {head}
        <p className="callout" data-testid="no-plan-of-kind">
          {t('incident.start.noPlanOfKind')}
        </p>
        <p>
          <Link href="/playbooks/import" className="button">
            {tPlaybook('library.import')}
          </Link>
        </p>
      </div>
    );

  return (
    <form className="stack" onSubmit={(e) => void start(e)} data-kind={kind}>
      {head}
      <PlanChoice
        offers={offers}
        chosen={chosen}
        shown={entry}
        onChoose={setChosenId}
        onLanguage={(language) => setLanguages((l) => ({ ...l, [chosen.plan.id]: language }))}
      />
      <fieldset className="choice segmented">
        <legend>{t('summary.mode')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'real'} onChange={() => setMode('real')} />
          {t('mode.real')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'drill'} onChange={() => setMode('drill')} />
          {t('mode.drill')}
        </label>
      </fieldset>
      <label className="field">
        <span>{t('incident.start.name')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={defaultTitle(entry, new Date())} maxLength={TEXT_LIMITS.title} />
      </label>
      <label className="field">
        <span>{t('summary.place')}</span>
        <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder={t('incident.start.placeHint')} maxLength={TEXT_LIMITS.title} />
      </label>
      <label className="field">
        <span>{t('incident.start.you')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={TEXT_LIMITS.name} required data-testid="actor-name" />
      </label>
      <fieldset className="choice">
        <legend>{t('incident.start.commander')}</legend>
        {choices.interim ? (
          <label>
            <input type="radio" name="command" checked={commandMode === 'interim'} onChange={() => setCommand('interim')} />
            {t('incident.start.commandInterim', { role: choices.interim.name })}
          </label>
        ) : null}
        {choices.leader ? (
          <label>
            <input type="radio" name="command" checked={commandMode === 'leader'} onChange={() => setCommand('leader')} />
            {t('incident.start.commandLeader', { role: choices.leader.name })}
          </label>
        ) : null}
        {commandMode === 'leader' ? (
          <label className="field">
            <span>{t('incident.start.commanderName')}</span>
            <input value={commanderName} onChange={(e) => setCommanderName(e.target.value)} placeholder={name} maxLength={TEXT_LIMITS.name} />
          </label>
        ) : null}
      </fieldset>
      {problem ? (
        <p role="alert" className="error-box">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button primary big" disabled={busy} data-testid="start-incident">
        {t('incident.start.submit')}
      </button>
    </form>
  );
}
