import { useState, type FormEvent, type ReactNode } from 'react';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { PhotoRef } from '../../domain/events/photo';
import type { Round } from '../../domain/playbook/schema-rounds';
import { rectificationStatus, ymdAt, type FindingState, type RectificationEntry, type RoundRun } from '../../domain/rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import type { TakenPhoto } from '../../storage/photos';
import { formatDateTime } from '../../ui/date-time';
import { messages as uiMessages } from '../../ui/messages';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { NotePhotos, PhotoPicker } from '../incident';
import { isYmd } from './calendar';
import { closeRectification, reopenRectification, updateRectification } from './commands';
import { useClock } from './hooks';
import { deviceTimeZone } from '../../ui/time-zone';
import { InspectorName } from './InspectorName';
import { messages } from './messages';
import { FindingBadges } from './shared';

type Action = 'progress' | 'close' | 'reopen' | null;

/**
 * A finding's rectification, followed until it is closed (seed plan 4, 三、2: 责令进行整改，并跟踪落实):
 * what was found, by whom and when, with its photos; who must rectify it and by when (overdue in
 * the alarm style); what was done so far; "Add progress", "Close with evidence", "Reopen".
 */
export function Rectification({ run, findingId, round }: { run: RoundRun; findingId: string; round: Round | null }) {
  const t = useText(messages, roundReportMessages);
  const language = useSession((s) => s.language);
  const now = useClock(60_000);
  const [timeZone] = useState(deviceTimeZone);
  const [action, setAction] = useState<Action>(null);
  const back = (
    <p>
      <Link href={`/rounds/${encodeURIComponent(run.streamId)}`} className="link-button">
        {t('rounds.rect.backToRound')}
      </Link>
    </p>
  );
  const f = run.findings.find((x) => x.findingId === findingId);
  if (!f)
    return (
      <div className="round-page">
        {back}
        <p className="callout" data-testid="finding-not-here">
          {t('rounds.rect.notHere')}
        </p>
      </div>
    );
  const today = ymdAt(now, timeZone);
  const status = rectificationStatus(f, today);
  const itemText = f.itemId === undefined ? undefined : round?.items.find((i) => i.id === f.itemId)?.text;
  const when = (ms: number) => formatDateTime(language, ms);
  return (
    <article className={`round-page rectification rect-${status}`} data-testid="rectification" data-status={status}>
      {back}
      <h1>{t('rounds.rect.title')}</h1>
      <p className="rect-description" data-testid="finding-description-shown">
        {f.description}
      </p>
      <FindingBadges severity={f.severity} status={status} />
      <p className="card-meta">
        {run.started.title} · {f.areaName ?? t('roundReport.wholeSite')}
        {itemText ? ` · ${itemText}` : ''}
      </p>
      <p className="card-meta">{t('rounds.rect.found', { name: f.found.actor, time: when(f.found.at) })}</p>
      {f.photos.length > 0 ? <NotePhotos photos={f.photos} text={f.description} /> : null}
      <p className={status === 'overdue' ? 'alarm-box' : 'rect-owner'} data-testid="finding-deadline">
        {t('rounds.finding.ownerIs', { owner: f.owner })}
        <br />
        {t('rounds.finding.deadline', { date: f.dueDate })}
      </p>
      <h2>{t('rounds.rect.history')}</h2>
      {f.history.length === 0 ? (
        <p className="empty">{t('rounds.rect.noHistory')}</p>
      ) : (
        <ol className="rect-history" data-testid="rect-history">
          {f.history.map((h) => (
            <HistoryEntry key={h.eventId} entry={h} when={when} />
          ))}
        </ol>
      )}
      <InspectorName />
      {action === null ? (
        <div className="button-row rect-actions">
          {f.status === 'open' ? (
            <>
              <button type="button" className="button" onClick={() => setAction('progress')} data-testid="rect-progress">
                {t('rounds.rect.addProgress')}
              </button>
              <button type="button" className="button primary" onClick={() => setAction('close')} data-testid="rect-close">
                {t('rounds.rect.close')}
              </button>
            </>
          ) : (
            <button type="button" className="button" onClick={() => setAction('reopen')} data-testid="rect-reopen">
              {t('rounds.rect.reopen')}
            </button>
          )}
        </div>
      ) : (
        <ActionForm action={action} run={run} finding={f} today={today} onClose={() => setAction(null)} />
      )}
    </article>
  );
}

function HistoryEntry({ entry: h, when }: { entry: RectificationEntry; when: (ms: number) => string }) {
  const t = useText(messages);
  let head: string;
  let text: string;
  let photos: readonly PhotoRef[] = [];
  let extra: ReactNode = null;
  if (h.kind === 'updated') {
    head = t('rounds.rect.entry.updated', { time: when(h.at), name: h.actor });
    text = h.note;
    photos = h.photos;
    if (h.owner !== undefined || h.dueDate !== undefined)
      extra = <p className="card-meta">{t('rounds.rect.entry.changed', { owner: h.owner ?? '—', date: h.dueDate ?? '—' })}</p>;
  } else if (h.kind === 'closed') {
    head = t('rounds.rect.entry.closed', { time: when(h.at), name: h.closedBy });
    text = h.evidence;
    photos = h.photos;
  } else {
    head = t('rounds.rect.entry.reopened', { time: when(h.at), name: h.actor });
    text = h.reason;
  }
  return (
    <li className={`rect-entry rect-entry-${h.kind}`} data-kind={h.kind}>
      <p className="rect-entry-head">{head}</p>
      <p className="rect-entry-text">{text}</p>
      {extra}
      {photos.length > 0 ? <NotePhotos photos={photos} text={text} /> : null}
    </li>
  );
}

/** One of the three forms: progress (a note, photos, a new owner or deadline), closing with evidence, reopening with a reason. */
function ActionForm({
  action,
  run,
  finding: f,
  today,
  onClose,
}: {
  action: Exclude<Action, null>;
  run: RoundRun;
  finding: FindingState;
  today: string;
  onClose: () => void;
}) {
  const t = useText(messages, roundReportMessages, uiMessages);
  const actor = useSession((s) => s.actorName);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const [owner, setOwner] = useState(f.owner);
  const [dueDate, setDueDate] = useState(f.dueDate);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const label = action === 'progress' ? t('rounds.rect.progress') : action === 'close' ? t('rounds.rect.evidence') : t('rounds.rect.reason');
  const submit = action === 'progress' ? t('rounds.rect.addProgress') : action === 'close' ? t('rounds.rect.close') : t('rounds.rect.reopen');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body)
      return setProblem(
        t(action === 'progress' ? 'rounds.rect.problem.progress' : action === 'close' ? 'rounds.rect.problem.evidence' : 'rounds.rect.problem.reason'),
      );
    if (action === 'progress' && !owner.trim()) return setProblem(t('rounds.finding.problem.owner'));
    if (action === 'progress' && !isYmd(dueDate)) return setProblem(t('rounds.finding.problem.date'));
    setProblem(null);
    setBusy(true);
    let saved: unknown;
    if (action === 'progress') {
      saved = await updateRectification(run.streamId, f.findingId, {
        note: body,
        photos,
        ...(owner.trim() !== f.owner ? { owner: owner.trim() } : {}),
        ...(dueDate !== f.dueDate ? { dueDate } : {}),
      });
    } else if (action === 'close') {
      saved = await closeRectification(run.streamId, f.findingId, body, actor || t('record.actor.unknown'), photos);
    } else {
      saved = await reopenRectification(run.streamId, f.findingId, body);
    }
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <form className="rect-form stack" onSubmit={(e) => void save(e)} noValidate data-testid={`rect-form-${action}`}>
      <label className="field">
        <span>{label}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={action === 'reopen' ? TEXT_LIMITS.reason : TEXT_LIMITS.note}
          required
          autoFocus
          data-testid="rect-text"
        />
      </label>
      {action === 'progress' ? (
        <>
          <label className="field">
            <span>{t('roundReport.col.owner')}</span>
            <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={TEXT_LIMITS.name} required />
          </label>
          <label className="field">
            <span>{t('roundReport.col.dueDate')}</span>
            <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} min={today} required />
          </label>
        </>
      ) : null}
      {action !== 'reopen' ? (
        <div className="field">
          <span>{t('rounds.finding.photos')}</span>
          <PhotoPicker photos={photos} onChange={setPhotos} />
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="error-box">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy} data-testid="rect-save">
          {submit}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
