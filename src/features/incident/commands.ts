import type { EventPayloads, EventType } from '../../domain/event';
import type { HandoverBriefing } from '../../domain/events/command';
import type { EndOverride } from '../../domain/events/incident';
import { uuidv7 } from '../../domain/ids';
import { record as recordIn } from '../../ui/record';
import { incidentStore } from './incident-store';

/**
 * Every user intent on an incident is one function here: buttons call these, never the
 * database. Each writes one event; the screen changes only after the write is committed.
 */
const record = <K extends EventType>(streamId: string, type: K, payload: EventPayloads[K]) => recordIn(incidentStore, streamId, type, payload);

export function newIncidentId(): string {
  return `inc-${uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)))}`;
}

export const declareIncident = (id: string, p: EventPayloads['incident.declared']) => record(id, 'incident.declared', p);
export const assignRole = (id: string, roleId: string, person: string, phone?: string) =>
  record(id, 'role.assigned', { roleId, person, ...(phone ? { phone } : {}) });
/** Command passes to `to`, with the briefing they read before taking it (recorded as shown). */
export const handOverCommand = (id: string, to: string, toRole?: string, note?: string, briefing?: HandoverBriefing) =>
  record(id, 'command.handedOver', { to, ...(toRole ? { toRole } : {}), ...(note ? { note } : {}), ...(briefing ? { briefing } : {}) });
export const startStep = (id: string, stepId: string) => record(id, 'step.started', { stepId });
export const markStepDone = (id: string, stepId: string) => record(id, 'step.done', { stepId });
export const skipStep = (id: string, stepId: string, reason: string) => record(id, 'step.skipped', { stepId, reason });
export const reopenStep = (id: string, stepId: string, reason?: string) => record(id, 'step.reopened', { stepId, ...(reason ? { reason } : {}) });
export const checkStepItem = (id: string, stepId: string, itemId: string, checked: boolean) => record(id, 'step.itemChecked', { stepId, itemId, checked });
export const addNote = (id: string, text: string, tags: string[]) => record(id, 'note.added', { text, ...(tags.length ? { tags } : {}) });
export const strikeEntry = (id: string, targetId: string, reason?: string) => record(id, 'entry.struck', { targetId, ...(reason ? { reason } : {}) });
export const addToRoster = (id: string, people: string[]) => record(id, 'roster.added', { people });
export const accountFor = (id: string, person: string, status: EventPayloads['person.accounted']['status']) =>
  record(id, 'person.accounted', { person, status });
export const recordLoss = (id: string, p: EventPayloads['loss.recorded']) => record(id, 'loss.recorded', p);
export const recordSuppliesUsed = (id: string, p: EventPayloads['supplies.used']) => record(id, 'supplies.used', p);
export const recordSuppliesToReplenish = (id: string, p: EventPayloads['supplies.toReplenish']) => record(id, 'supplies.toReplenish', p);
/** The on-site end; with `override` when people were unaccounted for or critical steps open (domain/ending.ts). */
export const confirmOnSiteEnd = (id: string, note?: string, override?: EndOverride) =>
  record(id, 'end.confirmed', { ...(note ? { note } : {}), ...(override ? { override } : {}) });
export const approveClosure = (id: string, approver: string, note?: string) => record(id, 'closure.approved', { approver, ...(note ? { note } : {}) });
export const setAfterAction = (id: string, field: EventPayloads['afterAction.set']['field'], text: string) => record(id, 'afterAction.set', { field, text });
export const addImprovement = (id: string, p: EventPayloads['improvement.added']) => record(id, 'improvement.added', p);
export const addPlanRevision = (id: string, text: string) => record(id, 'planRevision.added', { text });
