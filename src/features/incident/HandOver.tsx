import { useMemo, useState } from 'react';
import { buildBriefing } from '../../domain/briefing';
import { messages as reportMessages } from '../../domain/report/messages';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { currentCommander, type IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { commandNames } from '../../domain/playbook/names';
import { formatDateTime } from '../../ui/date-time';
import { messages as uiMessages } from '../../ui/messages';
import { useLanguage, useText } from '../../ui/text';
import { dutyLogMessages } from '../duty-log';
import { BriefingDialog, BriefingView } from './Briefing';
import { handOverCommand } from './commands';
import { messages } from './messages';
import { playbookPosts } from './RolesPanel';

interface Incoming {
  readonly to: string;
  readonly role: string;
  readonly note: string;
  /** When the briefing was opened: its "now" (overdue steps, today's times). */
  readonly shownAt: number;
}

/** The briefing the incoming commander reads: rebuilt as records arrive, recorded exactly as last shown. */
function BriefingBeforeTakeOver({
  incident,
  playbook,
  incoming,
  onBack,
  onDone,
}: {
  incident: IncidentState;
  playbook: Playbook;
  incoming: Incoming;
  onBack: () => void;
  onDone: () => void;
}) {
  const t = useText(messages, uiMessages);
  const language = useLanguage();
  const briefing = useMemo(
    () => buildBriefing(incident, playbook, { now: incoming.shownAt, language, timeZoneOffsetMinutes: -new Date(incoming.shownAt).getTimezoneOffset() }),
    [incident, playbook, incoming.shownAt, language],
  );
  const from = currentCommander(incident)?.person ?? '';
  const role = incoming.role ? commandNames(playbook).get(incoming.role) : undefined;
  const [busy, setBusy] = useState(false);
  return (
    <BriefingDialog
      testId="handover-briefing"
      title={t('handover.briefing.title', { to: incoming.to })}
      meta={`${role ? `${role} · ` : ''}${t('handover.briefing.meta', { from, time: formatDateTime(language, incoming.shownAt) })}`}
      onClose={onBack}
      actions={
        <>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            data-testid="handover-take"
            onClick={() => {
              setBusy(true);
              void handOverCommand(incident.id, incoming.to, incoming.role || undefined, incoming.note || undefined, briefing).then((ok) => {
                setBusy(false);
                if (ok) onDone();
              });
            }}
          >
            {t('handover.take')}
          </button>
          <button type="button" className="button" onClick={onBack}>
            {t('handover.back')}
          </button>
        </>
      }
    >
      <p className="briefing-intro">{t('handover.briefing.intro')}</p>
      <BriefingView briefing={briefing} />
    </BriefingDialog>
  );
}

/**
 * Handing command to the person who takes over (the branch leader who arrived, say): their name
 * and post, then a one-screen briefing (ICS 201) they read before "take command" records the
 * handover with the briefing, as shown.
 */
export function HandOver({ incident, playbook }: { incident: IncidentState; playbook: Playbook }) {
  const t = useText(messages, uiMessages, reportMessages, dutyLogMessages);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [role, setRole] = useState(playbook.command.headquarters.leader?.id ?? '');
  const [note, setNote] = useState('');
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  const reset = () => {
    setIncoming(null);
    setOpen(false);
    setTo('');
    setNote('');
  };
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="hand-over">
        {t('incident.handOver')}
      </button>
    );
  return (
    <>
      <form
        className="stack handover"
        onSubmit={(e) => {
          e.preventDefault();
          if (!to.trim()) return;
          setIncoming({ to: to.trim(), role, note: note.trim(), shownAt: Date.now() });
        }}
      >
        <label className="field">
          <span>{t('incident.handOver.to')}</span>
          <input value={to} onChange={(e) => setTo(e.target.value)} required maxLength={TEXT_LIMITS.name} autoFocus data-testid="handover-to" />
        </label>
        <label className="field">
          <span>{t('commander.role')}</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">—</option>
            {playbookPosts(playbook).map((p) => (
              <option key={p.id} value={p.id}>
                {p.group ? `${p.group} · ` : ''}
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('incident.handOver.note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={TEXT_LIMITS.note} />
        </label>
        <div className="button-row">
          <button type="submit" className="button primary" data-testid="handover-submit">
            {t('handover.briefing.show')}
          </button>
          <button type="button" className="button" onClick={reset}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
      {incoming ? <BriefingBeforeTakeOver incident={incident} playbook={playbook} incoming={incoming} onBack={() => setIncoming(null)} onDone={reset} /> : null}
    </>
  );
}
