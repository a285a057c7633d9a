import { format, isSameDay } from 'date-fns';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { Follower, FollowersResponse } from '../../domain/sync-protocol';
import { speaker, type Language } from '../../domain/text';
import { dateLocale } from '../../ui/date-time';
import { useLanguage } from '../../ui/text';
import { appSync } from './app-sync';
import { watchFollowers, type FollowersProblem, type FollowersSource, type FollowersState } from './followers-watch';
import { messages } from './messages';
import './followers.css';

interface FollowersProps {
  incidentId: string;
  /** The app's sync engine unless given (tests). */
  source?: FollowersSource;
}

/**
 * Who has received this incident: each device of the organisation that has it open, whether it
 * has every record of it the server holds or since when it is behind, and when it was last
 * heard. Asked of the server on mount, every 10 s while visible and after each sync round.
 */
export function Followers({ incidentId, source }: FollowersProps) {
  const language = useLanguage();
  const engine = source ?? appSync();
  const [settled, setSettled] = useState<{ incidentId: string; engine: FollowersSource; state: FollowersState }>();
  useEffect(() => watchFollowers(incidentId, engine, (state) => setSettled({ incidentId, engine, state }), { documentTarget: document }), [incidentId, engine]);
  const waiting = useSyncExternalStore(engine.subscribe, () => engine.getStatus().waiting);
  // A list loaded for another incident never shows for this one, not even for one frame.
  const state = settled && settled.incidentId === incidentId && settled.engine === engine ? settled.state : null;
  return <FollowersList language={language} state={state} waiting={waiting} />;
}

const PROBLEM_TEXT = {
  offline: 'followers.offline',
  notEnrolled: 'followers.notEnrolled',
  revoked: 'followers.revoked',
  failed: 'followers.failed',
} as const satisfies Record<FollowersProblem, keyof typeof messages>;

interface FollowersListProps {
  language: Language;
  /** null until the first answer or failure. */
  state: FollowersState | null;
  /** Records made on this device and not yet sent: no other device can have them. */
  waiting: number;
}

/** The list itself, for a state: what the screen shows, apart from when it asks. */
export function FollowersList({ language, state, waiting }: FollowersListProps) {
  const t = speaker(language, messages);
  const titleId = useId();
  const answer = state === null ? null : state.kind === 'known' ? state.answer : state.last;
  return (
    <section className="followers" aria-labelledby={titleId} data-testid="followers">
      <h2 id={titleId}>{t('followers.title')}</h2>
      <p className="card-meta">{t('followers.hint')}</p>
      {waiting > 0 ? <p className="followers-warning">{t('followers.waiting')}</p> : null}
      {state === null ? <p role="status">{t('followers.checking')}</p> : null}
      {state?.kind === 'failed' ? (
        <p className="followers-problem" role="alert">
          {t(PROBLEM_TEXT[state.problem])}
        </p>
      ) : null}
      {state && answer ? <FollowerDevices language={language} answer={answer} stale={state.kind === 'failed'} today={state.at} /> : null}
    </section>
  );
}

function FollowerDevices({ language, answer, stale, today }: { language: Language; answer: FollowersResponse; stale: boolean; today: number }) {
  const t = speaker(language, messages);
  const checked = checkedTime(language, answer.serverTime, today);
  const onServer = answer.latestSeq !== null;
  const behind = (d: Follower) => onServer && !d.hasEverything;
  // Those behind first: they are what the commander must not miss. Otherwise the server's order.
  const devices = [...answer.devices].sort((a, b) => Number(behind(b)) - Number(behind(a)));
  const behindCount = devices.filter(behind).length;
  return (
    <div className={stale ? 'followers-known stale' : 'followers-known'}>
      <p className="card-meta">{stale ? t('followers.lastKnown', { time: checked }) : t('followers.checkedAt', { time: checked })}</p>
      {onServer ? null : <p className="followers-warning">{t('followers.nothingOnServer')}</p>}
      {devices.length === 0 ? (
        <p className="empty">{t('followers.none')}</p>
      ) : (
        <>
          {onServer ? (
            <p className={behindCount > 0 ? 'followers-summary behind' : 'followers-summary'} role="status">
              {behindCount > 0 ? t('followers.summary.behind', { behind: behindCount, total: devices.length }) : t('followers.summary.allCurrent')}
            </p>
          ) : null}
          <ul className="followers-list">
            {devices.map((d) => (
              <li key={d.tokenId} className={behind(d) ? 'follower behind' : onServer ? 'follower current' : 'follower'} data-testid="follower">
                <p className="follower-label">
                  {d.label}
                  {d.you ? <span className="follower-you"> {t('followers.you')}</span> : null}
                </p>
                {onServer ? (
                  // The mark sits with the words it stands for, so a narrow screen keeps the full width for them.
                  <p className="follower-state">
                    <span className="follower-mark" aria-hidden="true">
                      {behind(d) ? '!' : '✓'}
                    </span>
                    {!behind(d)
                      ? t('followers.hasEverything')
                      : d.behindSince !== null
                        ? t('followers.behindSince', { time: followerTime(language, d.behindSince, today) })
                        : t('followers.behind')}
                  </p>
                ) : null}
                {/* "Live" was true when the list was answered; a list kept from before says when instead. */}
                <p className={d.live && !stale ? 'follower-seen live' : 'follower-seen'}>
                  {d.live && !stale
                    ? t('followers.live')
                    : d.lastSeenAt !== null
                      ? t('followers.lastSeen', { time: followerTime(language, d.lastSeenAt, today) })
                      : t('followers.neverSeen')}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

// Local time, with the date only when it is not today: an incident can span midnight.
const otherDay: Record<Language, { minutes: string; seconds: string }> = {
  'zh-CN': { minutes: 'MMMdo HH:mm', seconds: 'MMMdo HH:mm:ss' },
  en: { minutes: 'd MMM, HH:mm', seconds: 'd MMM, HH:mm:ss' },
};

/** A device's time in the list: "14:02" today, "7月13日 23:58" / "13 Jul, 23:58" another day. */
export function followerTime(language: Language, iso: string, today: number): string {
  return localTime(language, iso, today, 'minutes');
}

/** When the list was answered, to the second: it changes every 10 s. */
function checkedTime(language: Language, iso: string, today: number): string {
  return localTime(language, iso, today, 'seconds');
}

function localTime(language: Language, iso: string, today: number, precision: 'minutes' | 'seconds'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '?';
  const pattern = isSameDay(ms, today) ? (precision === 'minutes' ? 'HH:mm' : 'HH:mm:ss') : otherDay[language][precision];
  return format(ms, pattern, { locale: dateLocale(language) });
}
