import { Link } from '../../ui/router';
import { useLanguage } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import type { SyncEngine } from '../../sync/controller';
import { enrolFromUrl, type EnrolOutcome } from '../../sync/enrol';
import { appSync } from './app-sync';
import { speaker, type Language } from '../../domain/text';
import { messages } from './messages';
import { PROGRESS_FROM_EVENTS } from './SyncBadge';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

interface EnrolProps {
  language: Language;
  engine?: SyncEngine;
  db?: MusterDb;
  /** The link the app was opened with; the current address by default. */
  url?: string;
  /** Where "Continue" leads; the home screen by default. */
  continueHref?: string;
}

// One enrolment per link even if React runs the effect twice (StrictMode) or the screen remounts.
const started = new Map<string, Promise<EnrolOutcome>>();
/** The address the page was opened with, read before the token is wiped from it. */
let openedWith: string | null = null;

/** The enrolment with this link, started on first call (a code works once); the secret is wiped from the address bar first. */
function enrolment(url: string | undefined, engine: SyncEngine | undefined, db: MusterDb | undefined): Promise<EnrolOutcome> {
  if (url === undefined && openedWith === null) {
    openedWith = window.location.href;
    // The token must not linger in the address bar, the history or a bookmark.
    if (window.location.hash !== '') window.history.replaceState(null, '', window.location.pathname);
  }
  const link = url ?? openedWith ?? window.location.href;
  let job = started.get(link);
  if (!job) {
    job = enrolFromUrl(engine ?? appSync(), db ?? appDb(), link);
    started.set(link, job);
  }
  return job;
}

/**
 * The /enrol screen: opened once from the link or QR code the administrator issued. Takes the
 * one-time code (or an old link's token) from the fragment, wipes it from the address bar and
 * history at once, trades the code for this device's token, stores it and syncs, then says
 * whether the device joined or why the link no longer works.
 */
export function Enrol({ language, engine, db, url, continueHref = '/' }: EnrolProps) {
  const job = useAsync(() => enrolment(url, engine, db), [url, engine, db]);
  const outcome: EnrolOutcome | null = job.status === 'ready' ? job.value : job.status === 'failed' ? { outcome: 'saved' } : null;

  // A first pull of many records: how far it has got, not "Joining…" the whole time.
  const status = useSyncStatus(engine ?? appSync());
  const pull = status.syncing && status.pullProgress !== null && status.pullProgress.total > PROGRESS_FROM_EVENTS ? status.pullProgress : null;

  const t = speaker(language, messages);
  const waiting = pull === null ? t('enrol.joining') : t('enrol.receiving', { done: pull.done, total: pull.total });
  return (
    <section className="enrol" aria-labelledby="enrol-title">
      <h1 id="enrol-title">{t('enrol.title')}</h1>
      <p role="status" aria-live="polite">
        {outcome === null ? waiting : outcome.outcome === 'joined' ? t('enrol.joined', { org: outcome.org.name }) : t(`enrol.${outcome.outcome}`)}
      </p>
      {outcome !== null && (
        <Link className="button primary" href={continueHref}>
          {t('enrol.continue')}
        </Link>
      )}
    </section>
  );
}

/** The /enrol screen, in the current language. */
export function EnrolScreen() {
  return <Enrol language={useLanguage()} />;
}
