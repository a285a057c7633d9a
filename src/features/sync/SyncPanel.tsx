import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { MAX_DRIFT_MS } from '../../domain/hlc';
import type { MusterDb } from '../../storage/db';
import type { RejectedEvent } from '../../storage/sync-state';
import type { SyncEngine } from '../../sync/controller';
import { speaker, type Language } from '../../domain/text';
import { useLanguage } from '../../ui/text';
import { dateLocale } from '../../ui/date-time';
import { clockDifference } from './clock-words';
import { messages } from './messages';
import { useRejectedRecords } from './useRejectedRecords';
import { useSyncStatus } from './useSyncStatus';
import { PROGRESS_FROM_EVENTS } from './SyncBadge';
import { Followers } from './Followers';
import { appDb } from '../../storage';
import { closedStreamIds, listIncidentStreams } from '../../storage/events';
import './sync.css';

/** The /sync screen's h1. */
const SYNC_TITLE_ID = 'sync-title';

interface SyncPanelProps {
  language: Language;
  /** The id of the heading that names the panel: the screen's own h1, so the title is said once. */
  titleId?: string;
  /** The app's engine and database unless given (tests, stories). */
  engine?: SyncEngine;
  db?: MusterDb;
}

/**
 * What the user needs to know about sync, at a glance: how many records wait to be sent,
 * when the last sync succeeded, whether the live connection is up and when the server was
 * last heard, why the last sync failed, and one big "Sync now" button.
 * Every text is plain React text: nothing a person typed is ever rendered as HTML.
 */
export function SyncPanel({ language, titleId = SYNC_TITLE_ID, engine, db }: SyncPanelProps) {
  const status = useSyncStatus(engine);
  const rejected = useRejectedRecords(db);
  const t = speaker(language, messages);
  const time = (ms: number) => formatTime(language, ms);

  if (!status.enrolled) {
    return (
      <section className="sync-panel" aria-labelledby={titleId}>
        <p>{t('sync.notEnrolled')}</p>
      </section>
    );
  }

  const offset = status.clockOffsetMs;
  return (
    <section className="sync-panel" aria-labelledby={titleId}>
      <p className="sync-waiting" role="status" aria-live="polite">
        {status.syncing && status.pullProgress !== null && status.pullProgress.total > PROGRESS_FROM_EVENTS
          ? t('sync.pulling', { done: status.pullProgress.done, total: status.pullProgress.total })
          : status.syncing
            ? t('sync.syncing')
            : status.waiting === 0
              ? t('sync.allSent')
              : status.waiting === 1
                ? t('sync.waitingOne')
                : t('sync.waiting', { count: status.waiting })}
      </p>
      <p className="sync-last">{status.lastSuccessAt === null ? t('sync.never') : t('sync.lastSuccess', { time: time(status.lastSuccessAt) })}</p>
      <p className="sync-stream" data-stream={status.stream}>
        {t(status.stream === 'open' ? 'sync.stream.open' : status.stream === 'connecting' ? 'sync.stream.connecting' : 'sync.stream.down')}{' '}
        {status.lastHeardAt === null ? t('sync.neverHeard') : t('sync.lastHeard', { time: time(status.lastHeardAt) })}
      </p>
      {status.lastError && !status.syncing && (
        <p className="sync-error" role="alert">
          {t(messageKey(`sync.error.${status.lastError.kind}`, 'sync.error.unexpected'))}
          {status.nextAttemptAt !== null && <> {t('sync.nextAttempt', { time: time(status.nextAttemptAt) })}</>}
        </p>
      )}
      {offset !== null && Math.abs(offset) > MAX_DRIFT_MS && (
        <p className="sync-warning" role="alert">
          {t(offset > 0 ? 'sync.clock.ahead' : 'sync.clock.behind', { amount: clockDifference(language, offset) })}
        </p>
      )}
      {status.flagged > 0 && <p className="sync-warning">{t('sync.flagged', { count: status.flagged })}</p>}
      <div className="button-row">
        <button type="button" className="button primary sync-now" disabled={status.syncing} onClick={() => void status.syncNow()}>
          {t('sync.now')}
        </button>
      </div>
      {rejected !== undefined && rejected.length > 0 && (
        <details className="sync-rejected" open>
          <summary>{t('sync.rejected.title', { count: rejected.length })}</summary>
          <p>{t('sync.rejected.hint')}</p>
          <ul>
            {rejected.map((r) => (
              <RejectedItem key={r.eventId} record={r} language={language} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function RejectedItem({ record, language }: { record: RejectedEvent; language: Language }) {
  const event = (typeof record.event === 'object' && record.event !== null ? record.event : {}) as { type?: unknown; actor?: unknown; payload?: unknown };
  const text = typeof event.payload === 'object' && event.payload !== null ? (event.payload as { text?: unknown }).text : undefined;
  const t = speaker(language, messages);
  return (
    <li className="sync-rejected-item">
      <strong>{t(messageKey(`sync.rejected.code.${record.code}`, 'sync.rejected.code.invalid'))}</strong>
      {record.direction === 'pull' && <span> · {t('sync.rejected.fromServer')}</span>}
      <div>
        {typeof event.type === 'string' && <span className="sync-type">{event.type}</span>}
        {typeof event.actor === 'string' && <span> · {event.actor}</span>}
        {typeof text === 'string' && <span> · {text.length > 120 ? `${text.slice(0, 120)}…` : text}</span>}
      </div>
      <small className="sync-reason" lang="en">
        {record.reason}
      </small>
    </li>
  );
}

/** `key` if it is a known text, else `fallback` (a status saved by another app version may name a kind this one lacks). */
function messageKey(key: string, fallback: keyof typeof messages): keyof typeof messages {
  return key in messages ? (key as keyof typeof messages) : fallback;
}

// Without the year, which a sync status never needs: "7月14日 12:05:09", "14 Jul, 12:05:09".
const timePatterns: Record<Language, string> = {
  'zh-CN': 'MMMdo HH:mm:ss',
  en: 'd MMM, HH:mm:ss',
};

/** Date and time, never time alone: an outage can span midnight. */
function formatTime(language: Language, ms: number): string {
  return format(ms, timePatterns[language], { locale: dateLocale(language) });
}

/** The /sync screen: its one heading, which names the panel below it, and the panel, in the current language. */
export function SyncScreen() {
  const language = useLanguage();
  const t = speaker(language, messages);
  return (
    <>
      <h1 id={SYNC_TITLE_ID}>{t('sync.title')}</h1>
      <SyncPanel language={language} />
      <OpenIncidentFollowers language={language} />
    </>
  );
}

/** For each incident open on this device: which devices have received it. */
function OpenIncidentFollowers({ language }: { language: Language }) {
  const t = speaker(language, messages);
  const open = useLiveQuery(async () => {
    const db = appDb();
    const [declared, closed] = await Promise.all([listIncidentStreams(db), closedStreamIds(db)]);
    return declared.filter((e) => !closed.has(e.streamId)).map((e) => ({ id: e.streamId, title: e.payload.title }));
  });
  if (!open || open.length === 0) return null;
  return (
    <>
      {open.map((incident) => (
        <section key={incident.id} className="sync-incident" aria-label={t('sync.followers.incident', { title: incident.title })}>
          <p className="sync-incident-title">{t('sync.followers.incident', { title: incident.title })}</p>
          <Followers incidentId={incident.id} />
        </section>
      ))}
    </>
  );
}
