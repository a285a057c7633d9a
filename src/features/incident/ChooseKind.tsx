import { messages as reportMessages } from '../../domain/report/messages';
import { useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { stampTime } from '../../domain/hlc';
import { emergencyKinds } from '../../domain/playbook-choice';
import type { LibraryEntry } from '../playbooks';
import { useIncidentList } from './hooks';
import { messages } from './messages';
import { messages as listMessages } from './list.messages';
import './incident.css';

/** The words of each kind the start screen asks about; `other` covers any kind a playbook names. */
export const KIND_LABELS = {
  flood: 'incident.start.kind.flood',
  fire: 'incident.start.kind.fire',
  other: 'incident.start.kind.other',
} as const;
export type Kind = keyof typeof KIND_LABELS;

export function isKind(kind: string | null | undefined): kind is Kind {
  return kind !== null && kind !== undefined && Object.hasOwn(KIND_LABELS, kind);
}

/** The address of the start screen for one kind: a real link, so Back returns to the kind choice. */
export const kindHref = (kind: Kind) => `/incidents/new?kind=${kind}`;

/** The incidents still open on this device: resumed with one tap rather than started twice. */
function ResumeList() {
  const t = useText(messages, listMessages, reportMessages);
  const language = useSession((s) => s.language);
  const open = useIncidentList()?.filter((i) => !i.closed) ?? [];
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="resume-heading">
      <h2 id="resume-heading">{t('incident.start.open')}</h2>
      <ul className="resume-list" data-testid="resume-list">
        {open.map((i) => (
          <li key={i.id}>
            <Link className="resume-link" href={`/incidents/${encodeURIComponent(i.id)}`} data-testid={`resume-${i.id}`}>
              <span className="resume-title">
                <span className={`badge ${i.mode}`}>{t(i.mode === 'drill' ? 'mode.drill' : 'incident.mode.real')}</span>{' '}
                {t('incident.start.resume', { title: i.title })}
              </span>
              <span className="card-meta">{t('incident.start.resumeMeta', { time: formatDateTime(language, stampTime(i.hlc)), actor: i.actor })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The first question of the start screen: what is happening. Open incidents come first (to
 * resume), then one big button per kind — flood and fire always, and any other kind a
 * playbook on this device covers — so a flood is never started with the fire plan.
 */
export function ChooseKind({ library }: { library: readonly LibraryEntry[] }) {
  const t = useText(messages, listMessages, reportMessages);
  const kinds = emergencyKinds(library).filter(isKind);
  return (
    <div className="stack">
      <h1>{t('incident.start.title')}</h1>
      <ResumeList />
      <section aria-labelledby="kind-heading">
        <h2 id="kind-heading">{t('incident.start.kind')}</h2>
        <ul className="kind-choice">
          {kinds.map((kind) => (
            <li key={kind}>
              <Link className={`kind-button kind-${kind}`} href={kindHref(kind)} data-testid={`start-kind-${kind}`}>
                {t(KIND_LABELS[kind])}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
