import type { Translate } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import type { MusterEvent } from '../../domain/event';

export type TimelineKind = 'steps' | 'command' | 'notes' | 'people' | 'losses' | 'ending';

export const TIMELINE_KINDS: readonly TimelineKind[] = ['steps', 'command', 'notes', 'people', 'losses', 'ending'];

/** Which filter an event belongs to. */
export function timelineKind(e: MusterEvent): TimelineKind {
  switch (e.type) {
    case 'step.done':
    case 'step.skipped':
    case 'step.reopened':
    case 'step.itemChecked':
      return 'steps';
    case 'incident.declared':
    case 'role.assigned':
    case 'command.handedOver':
      return 'command';
    case 'roster.added':
    case 'person.accounted':
      return 'people';
    case 'loss.recorded':
    case 'supplies.used':
    case 'supplies.toReplenish':
      return 'losses';
    case 'end.confirmed':
    case 'closure.approved':
    case 'afterAction.set':
    case 'improvement.added':
    case 'planRevision.added':
      return 'ending';
    default:
      return 'notes';
  }
}

/** One line of plain text saying what an event recorded, in the reader's language (never HTML). */
export function describeEvent(e: MusterEvent, t: Translate, names: Map<string, string>): string {
  switch (e.type) {
    case 'incident.declared':
      return t('event.incident.declared', { title: e.payload.title, mode: t(e.payload.mode === 'drill' ? 'home.incidents.drill' : 'home.incidents.real'), place: e.payload.place || '—', commander: e.payload.commander ?? e.actor });
    case 'role.assigned':
      return t('event.role.assigned', { role: names.get(e.payload.roleId) ?? e.payload.roleId, person: e.payload.phone ? `${e.payload.person} (${e.payload.phone})` : e.payload.person });
    case 'command.handedOver':
      return t('event.command.handedOver', { to: e.payload.toRole ? `${e.payload.to} (${names.get(e.payload.toRole) ?? e.payload.toRole})` : e.payload.to }) + (e.payload.note ? ` — ${e.payload.note}` : '');
    case 'step.done':
      return t('event.step.done', { step: names.get(e.payload.stepId) ?? e.payload.stepId });
    case 'step.skipped':
      return t('event.step.skipped', { step: names.get(e.payload.stepId) ?? e.payload.stepId, reason: e.payload.reason });
    case 'step.reopened':
      return t('event.step.reopened', { step: names.get(e.payload.stepId) ?? e.payload.stepId }) + (e.payload.reason ? ` — ${e.payload.reason}` : '');
    case 'step.itemChecked':
      return t('event.step.itemChecked', { state: t(e.payload.checked ? 'event.item.checked' : 'event.item.unchecked'), item: names.get(`${e.payload.stepId} ${e.payload.itemId}`) ?? e.payload.itemId });
    case 'note.added': {
      const tags = (e.payload.tags ?? []).map((tag) => tagLabel(tag, t)).join(', ');
      return t('event.note.added', { text: e.payload.text }) + (tags ? ` [${tags}]` : '');
    }
    case 'entry.struck':
      return t('event.entry.struck') + (e.payload.reason ? ` — ${e.payload.reason}` : '');
    case 'roster.added':
      return t('event.roster.added', { people: e.payload.people.join('、') });
    case 'person.accounted':
      return t('event.person.accounted', { person: e.payload.person, status: t(`people.status.${e.payload.status}`) });
    case 'loss.recorded':
      return t('event.loss.recorded', { what: e.payload.what, quantity: `${e.payload.quantity}${e.payload.unit ?? ''}`, kind: t(`losses.kind.${e.payload.kind}`), where: e.payload.where || '—' });
    case 'supplies.used':
      return t('event.supplies.used', { item: e.payload.item, quantity: `${e.payload.quantity}${e.payload.unit ?? ''}` });
    case 'supplies.toReplenish':
      return t('event.supplies.toReplenish', { item: e.payload.item, quantity: `${e.payload.quantity}${e.payload.unit ?? ''}` });
    case 'end.confirmed':
      return t('event.end.confirmed') + (e.payload.note ? ` — ${e.payload.note}` : '');
    case 'closure.approved':
      return t('event.closure.approved', { approver: e.payload.approver }) + (e.payload.note ? ` — ${e.payload.note}` : '');
    case 'afterAction.set':
      return t('event.afterAction.set', { field: t(`afterAction.${e.payload.field}`) });
    case 'improvement.added':
      return t('event.improvement.added', { action: e.payload.action, owner: e.payload.owner, due: e.payload.due });
    case 'planRevision.added':
      return t('event.planRevision.added', { text: e.payload.text });
    case 'duty.entry':
      return t('event.duty.entry', { text: e.payload.text });
    case 'shift.handedOver':
      return t('event.shift.handedOver', { outgoing: e.payload.outgoing, incoming: e.payload.incoming });
  }
}

export function tagLabel(tag: string, t: Translate): string {
  const key = `tag.${tag}` as MessageKey;
  const text = t(key);
  return text === key ? tag : text;
}
