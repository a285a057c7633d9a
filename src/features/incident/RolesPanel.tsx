import { useState } from 'react';
import { useText } from '../../ui/text';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import type { Group, Team } from '../../domain/playbook/schema-command';
import { PhoneLink } from '../playbooks';
import { assignRole } from './commands';
import { messages } from './messages';

/** Every post the playbook names, in chart order: headquarters, groups, their teams, other roles. */
export function playbookPosts(playbook: Playbook): { id: string; group: string; title: string }[] {
  const out: { id: string; group: string; title: string }[] = [];
  const walk = (g: Group | Team) => {
    for (const p of [...(g.leader ? [g.leader] : []), ...(g.deputies ?? []), ...(g.members ?? [])])
      out.push({ id: p.id, group: g.name, title: p.heldBy ? `${p.title} (${p.heldBy})` : p.title });
    if ('teams' in g) g.teams?.forEach(walk);
  };
  walk(playbook.command.headquarters);
  playbook.command.groups.forEach(walk);
  playbook.command.roles?.forEach((r) => out.push({ id: r.id, group: '', title: r.title }));
  return out;
}

function AssignForm({ incidentId, roleId }: { incidentId: string; roleId: string }) {
  const t = useText(messages);
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
        aria-label={t('roles.person')}
        placeholder={t('roles.person')}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        maxLength={120}
        required
      />
      <input
        aria-label={t('roles.phone')}
        placeholder={t('roles.phone')}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        inputMode="tel"
        pattern="\+?[\d ()\-]{2,30}"
        maxLength={30}
      />
      <button type="submit" className="button">
        {t('roles.assign')}
      </button>
    </form>
  );
}

/** Fill each post of the playbook with a person and a phone number (tap to call). */
export function RolesPanel({ incident, playbook, readOnly }: { incident: IncidentState; playbook: Playbook; readOnly: boolean }) {
  const t = useText(messages);
  const [open, setOpen] = useState<string | null>(null);
  return (
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
  );
}
