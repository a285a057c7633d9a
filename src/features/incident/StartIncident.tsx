import { messages as reportMessages } from '../../domain/report/messages';
import { format } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { appDb } from '../../storage';
import { useText } from '../../ui/text';
import { requestPersistentStorage } from '../offline';
import { navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import type { Playbook } from '../../domain/playbook/schema';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { loadPlaybook, usePlaybook, usePlaybookLibrary, type LibraryEntry } from '../playbooks';
import { commandNames } from '../../domain/playbook/names';
import { declareIncident, newIncidentId } from './commands';
import { messages } from './messages';

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

/** Start an incident from any playbook on the device: real or drill, a title, a place, who starts it. */
export function StartIncident({ preselect }: { preselect?: { id: string; language: string } }) {
  const t = useText(messages, reportMessages);
  const library = usePlaybookLibrary();
  const actorName = useSession((s) => s.actorName);
  const setActorName = useSession((s) => s.setActorName);
  const uiLanguage = useSession((s) => s.language);
  const [choice, setChoice] = useState<string>(preselect ? `${preselect.id}/${preselect.language}` : '');
  const [mode, setMode] = useState<'real' | 'drill'>('real');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [name, setName] = useState(actorName);
  const [command, setCommand] = useState<'interim' | 'leader'>('interim');
  const [commanderName, setCommanderName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fallback = library?.find((p) => p.language === uiLanguage) ?? library?.[0];
  const selectedKey = choice || (fallback ? `${fallback.id}/${fallback.language}` : '');
  const entry = library?.find((p) => `${p.id}/${p.language}` === selectedKey);
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
    const pb = playbook ?? (await loadPlaybook(appDb(), entry.id, entry.language))?.playbook;
    const role = commandMode === 'interim' ? choices.interim?.id : choices.leader?.id;
    const id = newIncidentId();
    const event = await declareIncident(id, {
      playbookId: entry.id,
      playbookVersion: pb?.version ?? entry.version,
      playbookLanguage: entry.language,
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

  return (
    <form className="stack" onSubmit={(e) => void start(e)}>
      <h1>{t('incident.start.title')}</h1>
      <fieldset className="choice">
        <legend>{t('summary.playbook')}</legend>
        {(library ?? []).map((p) => (
          <label key={`${p.id}/${p.language}`} lang={p.language}>
            <input type="radio" name="playbook" checked={selectedKey === `${p.id}/${p.language}`} onChange={() => setChoice(`${p.id}/${p.language}`)} />
            {p.title} <span className="card-meta">({p.language})</span>
          </label>
        ))}
      </fieldset>
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
