import { messages as reportMessages } from '../../domain/report/messages';
import { messages as uiMessages } from '../../ui/messages';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { VirtualList } from '../../ui/VirtualList';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { useSession } from '../../ui/session';
import { NOTE_TAGS } from '../../domain/events/note';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { stampTime } from '../../domain/hlc';
import { mayStrike, type IncidentState } from '../../domain/incident';
import type { MusterEvent } from '../../domain/event';
import { StrikeForm } from './StrikeForm';
import { addNoteWithPhotos } from './note-commands';
import { NotePhotos, PhotoPicker } from './NotePhotos';
import type { TakenPhoto } from '../../storage/photos';
import { messages as photoMessages } from './photos.messages';
import { describeEvent, tagLabel, TIMELINE_KINDS, timelineKind, type TimelineKind } from './describe';
import { messages } from './messages';
import { useHandoverOrigins } from './origins';

/** Above this many entries the timeline is windowed (VirtualList): a screenful is in the document, the rest scrolls in. */
const RENDER_ALL_UP_TO = 150;
/** A one-line entry's height at 100% text (two short lines and the gap), for the list's first layout. */
const ENTRY_HEIGHT = 72;

function NoteComposer({ incidentId }: { incidentId: string }) {
  const t = useText(messages, uiMessages, reportMessages);
  const language = useSession((s) => s.language);
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [photos, setPhotos] = useState<TakenPhoto[]>([]);
  const tPhoto = useText(photoMessages);
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        // A photo says enough on its own at 2 a.m.: a note of photos alone gets a plain caption.
        const said = text.trim() || (photos.length > 0 ? tPhoto('incident.photo.defaultText') : '');
        if (!said) return;
        void addNoteWithPhotos(incidentId, said, tags, photos).then((ok) => ok && (setText(''), setTags([]), setPhotos([])));
      }}
    >
      <label className="field">
        <span>{t('timeline.note')}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('timeline.note.placeholder')}
          rows={2}
          maxLength={TEXT_LIMITS.entry}
          data-testid="note-text"
        />
      </label>
      <div className="chips-row" role="group" aria-label={t('timeline.filter')}>
        {NOTE_TAGS.map((tag) => (
          <button
            key={tag}
            type="button"
            className="chip"
            aria-pressed={tags.includes(tag)}
            onClick={() => setTags((x) => (x.includes(tag) ? x.filter((y) => y !== tag) : [...x, tag]))}
          >
            {tagLabel(tag, language)}
          </button>
        ))}
      </div>
      <PhotoPicker photos={photos} onChange={setPhotos} />
      <button type="submit" className="button primary" data-testid="add-note">
        {t('timeline.note.submit')}
      </button>
    </form>
  );
}

/**
 * Every event in order, each with full date and time, person and device. Nothing is edited:
 * a correction strikes the original through and it stays visible.
 */
export function Timeline({ incident, names, readOnly }: { incident: IncidentState; names: Map<string, string>; readOnly: boolean }) {
  const t = useText(messages, uiMessages, reportMessages);
  const common = useText(uiMessages);
  const language = useSession((s) => s.language);
  const [filter, setFilter] = useState<TimelineKind | 'all'>('all');
  const [striking, setStriking] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [jump, setJump] = useState<{ index: number; align: 'start' | 'end' } | null>(null);
  const wanted = useDeferredValue(query.trim().toLowerCase());
  const all = incident.timeline;
  const origins = useHandoverOrigins(incident.id, all.length);
  // Find-in-page cannot see entries scrolled out of the document: the search box finds them instead,
  // in what each entry says (as shown) and who recorded it.
  const events = useMemo(() => {
    const byKind = filter === 'all' ? all : all.filter((e) => timelineKind(e) === filter);
    if (!wanted) return byKind;
    return byKind.filter((e) => e.actor.toLowerCase().includes(wanted) || describeEvent(e, language, names).toLowerCase().includes(wanted));
  }, [all, filter, wanted, language, names]);
  const windowed = events.length > RENDER_ALL_UP_TO;
  const itemKey = useCallback((i: number) => events[i]?.id ?? String(i), [events]);
  const renderEntry = (e: MusterEvent) => {
    const struck = incident.struck[e.id];
    const ignored = incident.ignored[e.id];
    const origin = origins.get(e.id);
    return (
      <li className={struck ? 'struck' : undefined} data-type={e.type}>
        <p className="tl-when">
          <time dateTime={new Date(stampTime(e.hlc)).toISOString()}>{formatDateTime(language, stampTime(e.hlc))}</time> · {e.actor} ·{' '}
          <span className="tl-device">{t('timeline.device', { device: e.deviceId.slice(-6) })}</span>
        </p>
        <p className="tl-what">
          {e.type === 'entry.struck' ? t('event.entry.struckUnknown') + (e.payload.reason ? ` — ${e.payload.reason}` : '') : describeEvent(e, language, names)}
        </p>
        {origin ? (
          <p className="tl-note" data-testid="tl-origin">
            {t('incident.handover.origin', {
              sender: origin.sender.label,
              time: formatDateTime(language, origin.receivedAt),
              via: t(origin.via === 'scan' ? 'incident.handover.scan' : 'incident.handover.file'),
            })}
          </p>
        ) : null}
        {e.type === 'note.added' && e.payload.photos && e.payload.photos.length > 0 ? <NotePhotos photos={e.payload.photos} text={e.payload.text} /> : null}
        {struck ? (
          <p className="tl-note">
            {common('entry.struck', { actor: struck.actor, time: formatDateTime(language, struck.at) }) + (struck.reason ? `: ${struck.reason}` : '')}
          </p>
        ) : null}
        {ignored ? <p className="tl-note">{t('timeline.ignored', { reason: t(`ignored.${ignored}`) })}</p> : null}
        {!readOnly && mayStrike(incident, e) ? (
          striking === e.id ? (
            <StrikeForm incidentId={incident.id} eventId={e.id} onClose={() => setStriking(null)} />
          ) : (
            <button type="button" className="link-button" onClick={() => setStriking(e.id)}>
              {common('entry.strike')}
            </button>
          )
        ) : null}
      </li>
    );
  };
  return (
    <>
      {readOnly ? null : <NoteComposer incidentId={incident.id} />}
      <div className="chips-row" role="group" aria-label={t('timeline.filter')}>
        {(['all', ...TIMELINE_KINDS] as const).map((k) => (
          <button key={k} type="button" className="chip" aria-pressed={filter === k} onClick={() => setFilter(k)}>
            {t(`timeline.filter.${k}`)}
          </button>
        ))}
      </div>
      <label className="field timeline-search">
        <span>{t('timeline.search')}</span>
        <input
          type="search"
          value={query}
          onChange={(x) => setQuery(x.target.value)}
          placeholder={t('timeline.search.placeholder')}
          data-testid="timeline-search"
        />
      </label>
      <p className="card-meta" aria-live="polite" data-testid="timeline-count">
        {t('timeline.count', { count: events.length })}
      </p>
      {windowed ? (
        <div className="button-row timeline-jumps">
          <button type="button" className="button" onClick={() => setJump({ index: 0, align: 'start' })} data-testid="timeline-first">
            {t('timeline.jump.first')}
          </button>
          <button type="button" className="button" onClick={() => setJump({ index: events.length - 1, align: 'end' })} data-testid="timeline-latest">
            {t('timeline.jump.latest')}
          </button>
        </div>
      ) : null}
      {events.length === 0 ? <p className="empty">{t('timeline.empty')}</p> : null}
      <VirtualList
        count={events.length}
        itemKey={itemKey}
        renderItem={(i) => renderEntry(events[i]!)}
        estimateHeight={ENTRY_HEIGHT}
        renderAllUpTo={RENDER_ALL_UP_TO}
        className="timeline"
        testId="timeline"
        scrollTo={jump}
      />
    </>
  );
}
