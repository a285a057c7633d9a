import { messages as reportMessages } from '../../domain/report/messages';
import { useState } from 'react';
import { useLanguage, useText } from '../../ui/text';
import { formatDateTime } from '../../ui/date-time';
import type { IncidentState } from '../../domain/incident';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { PHONE_MAX_LENGTH, PHONE_PATTERN } from '../../domain/phone';
import type { Playbook } from '../../domain/playbook/schema';
import { assignablePosts, type AssignablePost } from '../../domain/playbook/command-tree';
import { commandNames } from '../../domain/playbook/names';
import { PhoneLink } from '../playbooks';
import { Followers } from '../sync';
import { BriefingDialog, BriefingView } from './Briefing';
import { assignRole } from './commands';
import { messages } from './messages';

/** Every post the playbook names, in chart order, and every team that names no leader post. */
export function playbookPosts(playbook: Playbook): AssignablePost[] {
  return assignablePosts(playbook.command);
}

function AssignForm({ incidentId, roleId }: { incidentId: string; roleId: string }) {
  const t = useText(messages, reportMessages);
  const [person, setPerson] = useState('');
  const [phone, setPhone] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!person.trim()) return;
        void assignRole(incidentId, roleId, person.trim(), phone.trim() || undefined).then((ok) => ok && (setPerson(''), setPhone('')));
      }}
    >
      <input
        aria-label={t('signature.name')}
        placeholder={t('signature.name')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        maxLength={TEXT_LIMITS.name}
        required
      />
      <input
        aria-label={t('roles.phone')}
        placeholder={t('roles.phone')}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        inputMode="tel"
        pattern={PHONE_PATTERN.source}
        maxLength={PHONE_MAX_LENGTH}
      />
      <button type="submit" className="button">
        {t('roles.assign')}
      </button>
    </form>
  );
}

/**
 * Fill each post of the playbook with a person and a phone number (tap to call). Above the
 * posts, while the incident is open: which devices have received all its records, so the
 * commander who gave an order sees whose phone has not, and calls that person from here.
 */
export function RolesPanel({ incident, playbook, readOnly }: { incident: IncidentState; playbook: Playbook; readOnly: boolean }) {
  const t = useText(messages, reportMessages);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {readOnly ? null : <Followers incidentId={incident.id} />}
      <ul className="roles" data-testid="roles">
        {playbookPosts(playbook).map((post) => {
          const holder = incident.roles[post.id];
          return (
            <li key={post.id} className="role-row" data-testid={`role-${post.id}`}>
              <div>
                <p className="card-title">
                  {post.group ? `${post.group} · ` : ''}
                  {post.title}
                </p>
                <p className={holder ? 'role-holder' : 'post-vacant'}>{holder ? holder.person : t('roles.unassigned')}</p>
                {holder?.phone ? <PhoneLink number={holder.phone} label={t('roles.call', { person: holder.person })} /> : null}
              </div>
              {readOnly ? null : open === post.id ? (
                <AssignForm incidentId={incident.id} roleId={post.id} />
              ) : (
                <button type="button" className="button" onClick={() => setOpen(post.id)}>
                  {t('roles.assign')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <Handovers incident={incident} playbook={playbook} />
    </>
  );
}

/**
 * Every handover of command, oldest first, each with the briefing the incoming commander read
 * (read only, as recorded). The first commander took command when the incident was declared.
 */
function Handovers({ incident, playbook }: { incident: IncidentState; playbook: Playbook }) {
  const t = useText(messages, reportMessages);
  const language = useLanguage();
  const [shown, setShown] = useState<number | null>(null);
  const names = commandNames(playbook);
  const turns = incident.commanders.map((turn, i) => ({ turn, from: incident.commanders[i - 1]?.person })).slice(1);
  const open = shown === null ? undefined : turns[shown];
  return (
    <section aria-labelledby="handovers-h" data-testid="handovers">
      <h2 id="handovers-h">{t('roles.handovers')}</h2>
      {turns.length ? (
        <ul className="plain-list handover-list">
          {turns.map(({ turn, from }, i) => (
            <li key={turn.eventId} data-testid={`handover-${i}`}>
              <span>
                {t('roles.handover.item', {
                  time: formatDateTime(language, turn.at),
                  from: from ?? '',
                  to: turn.role ? `${turn.person} (${names.get(turn.role) ?? turn.role})` : turn.person,
                })}
              </span>{' '}
              {turn.briefing ? (
                <button type="button" className="button small" onClick={() => setShown(i)} data-testid={`handover-${i}-briefing`}>
                  {t('roles.handover.briefing')}
                </button>
              ) : (
                <span className="card-meta">{t('roles.handover.noBriefing')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('roles.handovers.none')}</p>
      )}
      {open?.turn.briefing ? (
        <BriefingDialog
          testId="past-briefing"
          title={t('handover.briefing.title', { to: open.turn.person })}
          meta={t('roles.handover.recorded', { from: open.from ?? '', actor: open.turn.actor, time: formatDateTime(language, open.turn.at) })}
          onClose={() => setShown(null)}
          actions={
            <button type="button" className="button" onClick={() => setShown(null)}>
              {t('handover.close')}
            </button>
          }
        >
          <BriefingView briefing={open.turn.briefing} />
        </BriefingDialog>
      ) : null}
    </section>
  );
}
