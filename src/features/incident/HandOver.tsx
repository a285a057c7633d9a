import { useState } from 'react';
import { messages as reportMessages } from '../../domain/report/messages';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { dutyLogMessages } from '../duty-log';
import { handOverCommand } from './commands';
import { messages } from './messages';
import { playbookPosts } from './RolesPanel';

/** Handing command to the person who takes over (the branch leader who arrived, say). */
export function HandOver({ incident, playbook }: { incident: IncidentState; playbook: Playbook }) {
  const t = useText(messages, uiMessages, reportMessages, dutyLogMessages);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [role, setRole] = useState(playbook.command.headquarters.leader?.id ?? '');
  const [note, setNote] = useState('');
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="hand-over">
        {t('incident.handOver')}
      </button>
    );
  return (
    <form
      className="stack handover"
      onSubmit={(e) => {
        e.preventDefault();
        if (!to.trim()) return;
        void handOverCommand(incident.id, to.trim(), role || undefined, note.trim() || undefined).then((ok) => ok && (setOpen(false), setTo(''), setNote('')));
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
          {t('incident.handOver.submit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
