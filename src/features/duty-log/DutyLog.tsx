import { messages as uiMessages } from '../../ui/messages';
import { useState } from 'react';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { messages } from './messages';
import { speaker } from '../../domain/text';
import { messages as reportMessages } from '../../domain/report/messages';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { dutyStreamId, entriesDuring, mayStrikeEntry, type DutyLogEntry, type DutyLogState } from '../../domain/duty-log';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { handOverShift, strikeDutyEntry, useDutyLog, writeDutyEntry } from './store';

function EntryList({ entries, log, site }: { entries: readonly DutyLogEntry[]; log: DutyLogState; site?: string }) {
  const t = useText(messages);
  const common = useText(uiMessages);
  const language = useSession((s) => s.language);
  if (entries.length === 0) return <p className="empty">{t('duty.empty')}</p>;
  return (
    <ol className="timeline" data-testid="duty-entries">
      {entries.map((e) => {
        const struck = log.struck[e.eventId];
        return (
          <li key={e.eventId} className={struck ? 'struck' : undefined}>
            <p className="tl-when">
              {formatDateTime(language, e.at)} · {e.actor}
            </p>
            <p className="tl-what">{e.text}</p>
            {struck ? <p className="tl-note">{common('entry.struck', { actor: struck.actor, time: formatDateTime(language, struck.at) })}</p> : null}
            {site && mayStrikeEntry(log, e.eventId) ? (
              <button type="button" className="link-button" onClick={() => void strikeDutyEntry(site, e.eventId)}>
                {common('entry.strike')}
              </button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The standing duty log of a site (值班日记): entries and shift handovers, not tied to an incident. */
export function DutyLog() {
  const t = useText(messages);
  const common = useText(uiMessages);
  const language = useSession((s) => s.language);
  const site = useSession((s) => s.dutySite);
  const setSite = useSession((s) => s.setDutySite);
  const actor = useSession((s) => s.actorName);
  const [siteDraft, setSiteDraft] = useState(site);
  const [text, setText] = useState('');
  const [incoming, setIncoming] = useState('');
  const [outgoing, setOutgoing] = useState('');
  const [items, setItems] = useState('');
  const [note, setNote] = useState('');
  const view = useDutyLog(dutyStreamId(site || '-'));
  const log = view.state;
  return (
    <>
      <h1>{t('duty.title')}</h1>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSite(siteDraft);
        }}
      >
        <label className="field grow">
          <span>{t('duty.site')}</span>
          <input
            value={siteDraft}
            onChange={(e) => setSiteDraft(e.target.value)}
            placeholder={t('duty.siteHint')}
            required
            maxLength={120}
            data-testid="duty-site"
          />
        </label>
        <button type="submit" className="button">
          {common('form.save')}
        </button>
      </form>
      {site && log ? (
        <>
          <p className="callout" data-testid="on-duty">
            {log.onDuty ? t('duty.onDuty', { name: log.onDuty }) : t('duty.nobody')}
            {log.openItems.length ? (
              <>
                <br />
                {t('duty.carriedOver')}: {log.openItems.join('；')}
              </>
            ) : null}
          </p>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) void writeDutyEntry(site, text.trim()).then((ok) => ok && setText(''));
            }}
          >
            <label className="field">
              <span>{t('duty.newEntry')}</span>
              <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={TEXT_LIMITS.entry} required data-testid="duty-text" />
            </label>
            <button type="submit" className="button primary" data-testid="duty-submit">
              {t('duty.entry.submit')}
            </button>
          </form>
          <EntryList entries={log.entries} log={log} site={site} />
          <h2>{t('duty.shiftHandover')}</h2>
          <form
            className="grid-form"
            data-testid="handover-form"
            onSubmit={(e) => {
              e.preventDefault();
              const out = outgoing.trim() || actor;
              if (!out || !incoming.trim()) return;
              const openItems = items
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean);
              void handOverShift(site, { outgoing: out, incoming: incoming.trim(), openItems, ...(note.trim() ? { note: note.trim() } : {}) }).then(
                (ok) => ok && (setIncoming(''), setOutgoing(''), setItems(''), setNote('')),
              );
            }}
          >
            <label className="field">
              <span>{t('duty.handover.outgoing')}</span>
              <input value={outgoing} onChange={(e) => setOutgoing(e.target.value)} placeholder={actor} maxLength={TEXT_LIMITS.name} />
            </label>
            <label className="field">
              <span>{t('duty.handover.incoming')}</span>
              <input value={incoming} onChange={(e) => setIncoming(e.target.value)} required maxLength={TEXT_LIMITS.name} />
            </label>
            <label className="field">
              <span>{t('duty.handover.items')}</span>
              <textarea rows={3} value={items} onChange={(e) => setItems(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('duty.handover.note')}</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={TEXT_LIMITS.note} />
            </label>
            <button type="submit" className="button">
              {t('duty.handover.submit')}
            </button>
          </form>
          <ul className="plain-list" data-testid="handovers">
            {log.handovers.map((h) => (
              <li key={h.eventId}>
                {formatDateTime(language, h.at)} · {speaker(language, reportMessages)('event.shift.handedOver', { outgoing: h.outgoing, incoming: h.incoming })}
                {h.openItems.length ? ` — ${h.openItems.join('；')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** In an incident: the duty-log entries written while it was open. */
export function DutyLogDuring({ from, to }: { from: number; to: number | null }) {
  const t = useText(messages);
  const site = useSession((s) => s.dutySite);
  const view = useDutyLog(dutyStreamId(site || '-'));
  return (
    <>
      <h2>{t('duty.duringIncident')}</h2>
      {view.state ? <EntryList entries={entriesDuring(view.state, from, to)} log={view.state} /> : null}
      <Link href="/duty-log" className="button">
        {t('duty.openBook')}
      </Link>
    </>
  );
}
