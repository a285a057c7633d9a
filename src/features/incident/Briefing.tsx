import { useEffect, useRef, type ReactNode } from 'react';
import type { HandoverBriefing } from '../../domain/events/command';
import { messages as reportMessages } from '../../domain/report/messages';
import { useText } from '../../ui/text';
import { messages } from './messages';
import './briefing.css';

const LISTS = [
  ['situation', 'handover.section.situation'],
  ['objectives', 'handover.section.objectives'],
  ['done', 'handover.section.done'],
  ['open', 'handover.section.open'],
] as const;
const LATER_LISTS = [
  ['resources', 'handover.section.resources'],
  ['losses', 'handover.section.losses'],
  ['messages', 'handover.section.messages'],
] as const;

/**
 * A handover briefing as the incoming commander reads it, in the order of an ICS 201: situation,
 * objectives, actions done and open, people, resources, losses, the latest messages. It shows a
 * recorded briefing exactly as recorded, so reopening one later reads what was read then. The
 * people not accounted for are all named, in the alarm style, never cut.
 */
export function BriefingView({ briefing }: { briefing: HandoverBriefing }) {
  const t = useText(messages, reportMessages);
  const section = (key: keyof HandoverBriefing, heading: (typeof LISTS)[number][1] | (typeof LATER_LISTS)[number][1]) => {
    const lines = briefing[key] as readonly string[];
    return (
      <section key={key} className="briefing-section" aria-labelledby={`briefing-${key}`} data-testid={`briefing-${key}`}>
        <h3 id={`briefing-${key}`}>{t(heading)}</h3>
        {lines.length ? (
          <ul>
            {lines.map((line, i) => (
              <li key={i} className={line.startsWith('⚠') ? 'briefing-warning' : undefined}>
                {line}
              </li>
            ))}
          </ul>
        ) : (
          <p className="briefing-none">{t('handover.none')}</p>
        )}
      </section>
    );
  };
  const noHeadcount = briefing.accounted === 0 && briefing.missing.length === 0;
  return (
    <div className="briefing">
      {LISTS.map(([key, heading]) => section(key, heading))}
      <section className="briefing-section" aria-labelledby="briefing-people" data-testid="briefing-people">
        <h3 id="briefing-people">{t('handover.section.people')}</h3>
        <p>{t('handover.people.accounted', { count: briefing.accounted })}</p>
        {briefing.missing.length ? (
          <div className="alarm-box briefing-missing" role="alert" data-testid="briefing-missing">
            <p>{t('handover.people.missing', { count: briefing.missing.length })}</p>
            <ul className="briefing-names">
              {briefing.missing.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          </div>
        ) : noHeadcount ? (
          <p className="alarm-box" role="alert">
            {t('incident.noHeadcount')}
          </p>
        ) : (
          <p className="ok-box">{t('handover.people.allAccounted')}</p>
        )}
      </section>
      {LATER_LISTS.map(([key, heading]) => section(key, heading))}
    </div>
  );
}

/**
 * The briefing on a screen of its own: a modal dialog (the page behind is inert, Escape or the
 * close button leaves it), with the briefing's actions kept in reach at the bottom.
 */
export function BriefingDialog({
  title,
  meta,
  onClose,
  actions,
  children,
  testId,
}: {
  title: string;
  meta: string;
  onClose: () => void;
  actions: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="briefing-dialog"
      aria-labelledby={`${testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      <div className="briefing-head">
        {/* The title takes the focus: reading starts at the top, and no button is one hurried Enter away. */}
        <h2 id={`${testId}-title`} tabIndex={-1} autoFocus>
          {title}
        </h2>
        <p className="card-meta">{meta}</p>
      </div>
      {children}
      <div className="briefing-actions">{actions}</div>
    </dialog>
  );
}
