import { useMemo } from 'react';
import { useText } from '../../ui/text';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { PhoneLink, playbookMessages } from '../playbooks';
import { callList, type CallEntry } from './call-list';
import { messages } from './now.messages';

/**
 * One tap to call: 119, 110, 120, the commander, the duty phone, the plan's numbers and every post
 * holder with a phone. Each is a `tel:` link with the whole number on it (read aloud to a
 * dispatcher, checked against a poster); the bar wraps onto more lines rather than scroll sideways.
 */
export function CallBar({ incident, playbook, names }: { incident: IncidentState; playbook: Playbook; names: Map<string, string> }) {
  const t = useText(messages, playbookMessages);
  const calls = useMemo(() => callList(incident, playbook), [incident, playbook]);
  const label = (c: CallEntry): string => {
    switch (c.kind) {
      case 'fire':
      case 'police':
      case 'ambulance':
        return t(`call.${c.kind}`);
      case 'duty':
        return t('reader.dutyPhone');
      case 'emergency':
        return c.label;
      case 'commander':
        return t('call.commander', { person: c.person });
      case 'post':
        return t('call.post', { person: c.person, post: names.get(c.roleId) ?? c.roleId });
    }
  };
  return (
    <section className="call-bar" aria-labelledby="call-bar-heading" data-testid="call-bar">
      <h2 id="call-bar-heading">{t('call.title')}</h2>
      <ul>
        {calls.map((c) => (
          <li key={`${c.kind} ${c.number}`} className={`call-${c.kind}`}>
            <PhoneLink number={c.number} label={label(c)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
