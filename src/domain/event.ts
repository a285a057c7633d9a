import { isStamp } from './hlc';
import { compareEvents, orderEvents } from './event-order';

export { compareEvents, orderEvents };
import { checkSeasonSet, type SeasonSet } from './events/calendar';
import {
  checkCampaignEntryRemoved,
  checkCampaignFindingsSet,
  checkCampaignLoanSet,
  checkCampaignPathSet,
  checkCampaignRiskSet,
  checkCampaignStarted,
  checkCampaignSubmitted,
  checkCampaignTriggerSet,
  checkCampaignUnitSet,
  checkCampaignUnitStatus,
  type CampaignEntryRemoved,
  type CampaignFindingsSet,
  type CampaignLoanSet,
  type CampaignPathSet,
  type CampaignRiskSet,
  type CampaignStarted,
  type CampaignSubmitted,
  type CampaignTriggerSet,
  type CampaignUnitSet,
  type CampaignUnitStatus,
} from './events/campaign';
import {
  checkFindingRecorded,
  checkRectificationClosed,
  checkRectificationReopened,
  checkRectificationUpdated,
  checkRoundCompleted,
  checkRoundItemChecked,
  checkRoundStarted,
  type FindingRecorded,
  type RectificationClosed,
  type RectificationReopened,
  type RectificationUpdated,
  type RoundCompleted,
  type RoundItemChecked,
  type RoundStarted,
} from './events/rounds';
import {
  checkAfterActionSet,
  checkImprovementAdded,
  checkPlanRevisionAdded,
  type AfterActionSet,
  type ImprovementAdded,
  type PlanRevisionAdded,
} from './events/afteraction';
import { checkCommandHandedOver, checkRoleAssigned, type CommandHandedOver, type RoleAssigned } from './events/command';
import { checkDutyEntry, checkShiftHandedOver, type DutyEntry, type ShiftHandedOver } from './events/duty';
import {
  checkClosureApproved,
  checkEndConfirmed,
  checkIncidentDeclared,
  type ClosureApproved,
  type EndConfirmed,
  type IncidentDeclared,
} from './events/incident';
import { TEXT_LIMITS } from './events/limits';
import { checkLossRecorded, checkSuppliesCounted, type LossRecorded, type SuppliesCounted } from './events/losses';
import { checkEntryStruck, checkNoteAdded, type EntryStruck, type NoteAdded } from './events/note';
import { checkMeasurementRecorded, type MeasurementRecorded } from './events/measure';
import { checkPersonAccounted, checkRosterAdded, checkRosterLinked, type PersonAccounted, type RosterAdded, type RosterLinked } from './events/people';
import { checkRosterPersonRemoved, checkRosterPersonSet, type RosterPerson, type RosterPersonRemoved } from './events/roster';
import {
  checkStepDone,
  checkStepItemChecked,
  checkStepReopened,
  checkStepSkipped,
  checkStepStarted,
  type StepDone,
  type StepItemChecked,
  type StepReopened,
  type StepSkipped,
  type StepStarted,
} from './events/step';
import { FieldChecker, isRecord, describe, malformedTextIssues, type Issue, type Validated } from './validation';

/** Version of the envelope and payload shapes below; stored in every event as `v`. */
export const EVENT_SCHEMA_VERSION = 1;

/** What each event type carries. One file per family under `events/`. */
export interface EventPayloads {
  'incident.declared': IncidentDeclared;
  'role.assigned': RoleAssigned;
  'command.handedOver': CommandHandedOver;
  'step.started': StepStarted;
  'step.done': StepDone;
  'step.skipped': StepSkipped;
  'step.reopened': StepReopened;
  'step.itemChecked': StepItemChecked;
  'note.added': NoteAdded;
  'entry.struck': EntryStruck;
  'roster.added': RosterAdded;
  'roster.linked': RosterLinked;
  'person.accounted': PersonAccounted;
  'measurement.recorded': MeasurementRecorded;
  'loss.recorded': LossRecorded;
  'supplies.used': SuppliesCounted;
  'supplies.toReplenish': SuppliesCounted;
  'end.confirmed': EndConfirmed;
  'closure.approved': ClosureApproved;
  'afterAction.set': AfterActionSet;
  'improvement.added': ImprovementAdded;
  'planRevision.added': PlanRevisionAdded;
  'duty.entry': DutyEntry;
  'shift.handedOver': ShiftHandedOver;
  'roster.personSet': RosterPerson;
  'roster.personRemoved': RosterPersonRemoved;
  'round.started': RoundStarted;
  'round.itemChecked': RoundItemChecked;
  'round.completed': RoundCompleted;
  'finding.recorded': FindingRecorded;
  'rectification.updated': RectificationUpdated;
  'rectification.closed': RectificationClosed;
  'rectification.reopened': RectificationReopened;
  'calendar.seasonSet': SeasonSet;
  'campaign.started': CampaignStarted;
  'campaign.unitSet': CampaignUnitSet;
  'campaign.loanSet': CampaignLoanSet;
  'campaign.riskSet': CampaignRiskSet;
  'campaign.triggerSet': CampaignTriggerSet;
  'campaign.pathSet': CampaignPathSet;
  'campaign.entryRemoved': CampaignEntryRemoved;
  'campaign.findingsSet': CampaignFindingsSet;
  'campaign.unitStatus': CampaignUnitStatus;
  'campaign.submitted': CampaignSubmitted;
}
export type EventType = keyof EventPayloads;

const payloadCheckers: { [K in EventType]: (p: Record<string, unknown>) => Issue[] } = {
  'incident.declared': checkIncidentDeclared,
  'role.assigned': checkRoleAssigned,
  'command.handedOver': checkCommandHandedOver,
  'step.started': checkStepStarted,
  'step.done': checkStepDone,
  'step.skipped': checkStepSkipped,
  'step.reopened': checkStepReopened,
  'step.itemChecked': checkStepItemChecked,
  'note.added': checkNoteAdded,
  'entry.struck': checkEntryStruck,
  'roster.added': checkRosterAdded,
  'roster.linked': checkRosterLinked,
  'person.accounted': checkPersonAccounted,
  'measurement.recorded': checkMeasurementRecorded,
  'loss.recorded': checkLossRecorded,
  'supplies.used': checkSuppliesCounted,
  'supplies.toReplenish': checkSuppliesCounted,
  'end.confirmed': checkEndConfirmed,
  'closure.approved': checkClosureApproved,
  'afterAction.set': checkAfterActionSet,
  'improvement.added': checkImprovementAdded,
  'planRevision.added': checkPlanRevisionAdded,
  'duty.entry': checkDutyEntry,
  'shift.handedOver': checkShiftHandedOver,
  'roster.personSet': checkRosterPersonSet,
  'roster.personRemoved': checkRosterPersonRemoved,
  'round.started': checkRoundStarted,
  'round.itemChecked': checkRoundItemChecked,
  'round.completed': checkRoundCompleted,
  'finding.recorded': checkFindingRecorded,
  'rectification.updated': checkRectificationUpdated,
  'rectification.closed': checkRectificationClosed,
  'rectification.reopened': checkRectificationReopened,
  'calendar.seasonSet': checkSeasonSet,
  'campaign.started': checkCampaignStarted,
  'campaign.unitSet': checkCampaignUnitSet,
  'campaign.loanSet': checkCampaignLoanSet,
  'campaign.riskSet': checkCampaignRiskSet,
  'campaign.triggerSet': checkCampaignTriggerSet,
  'campaign.pathSet': checkCampaignPathSet,
  'campaign.entryRemoved': checkCampaignEntryRemoved,
  'campaign.findingsSet': checkCampaignFindingsSet,
  'campaign.unitStatus': checkCampaignUnitStatus,
  'campaign.submitted': checkCampaignSubmitted,
};
const EVENT_TYPES = Object.keys(payloadCheckers) as EventType[];

/**
 * The one source of truth: an append-only record of something a person did on a device;
 * every state the app shows is computed from these. `id` is made on the device (UUIDv7), `hlc` orders it.
 */
export type MusterEvent<K extends EventType = EventType> = {
  [T in K]: {
    readonly id: string;
    readonly streamId: string;
    readonly deviceId: string;
    readonly actor: string;
    readonly hlc: string;
    readonly type: T;
    readonly payload: EventPayloads[T];
    readonly v: number;
  };
}[K];

/** What an event id and a stream (incident) id may be. */
export const ID_PATTERN = /^[A-Za-z0-9_.:~-]{1,64}$/;
const ENVELOPE_KEYS = ['id', 'streamId', 'deviceId', 'actor', 'hlc', 'type', 'payload', 'v'];

/**
 * Checks that `input` is a well-formed event and names each wrong field. Used on the device
 * before a write, on every pulled event, and by the server on every pushed event.
 */
export function validateEvent(input: unknown): Validated<MusterEvent> {
  if (!isRecord(input)) return { ok: false, issues: [{ path: '', message: `expected an event object, got ${describe(input)}` }] };
  const c = new FieldChecker(input, '');
  c.string('id', { pattern: ID_PATTERN, hint: 'an id of 1-64 letters, digits or -_.:~' });
  c.string('streamId', { pattern: ID_PATTERN, hint: 'an id of 1-64 letters, digits or -_.:~' });
  c.string('deviceId', { pattern: ID_PATTERN, hint: 'an id of 1-64 letters, digits or -_.:~' });
  c.string('actor', { min: 1, max: TEXT_LIMITS.name });
  if (c.string('hlc') && !isStamp(input.hlc)) {
    c.issues.push({ path: 'hlc', message: `expected a clock stamp like 001732600000000-0000-device, got ${JSON.stringify(input.hlc)}` });
  }
  c.integer('v', { min: 1, max: EVENT_SCHEMA_VERSION });
  c.noOtherKeys(ENVELOPE_KEYS);
  if (c.oneOf('type', EVENT_TYPES)) {
    const payload = input.payload;
    if (!isRecord(payload)) c.issues.push({ path: 'payload', message: `expected an object, got ${describe(payload)}` });
    else c.issues.push(...payloadCheckers[input.type as EventType](payload));
  }
  // Every text, wherever it sits (ids, actor, payload): one with a lone surrogate cannot be stored as UTF-8 unchanged.
  c.issues.push(...malformedTextIssues(input, ''));
  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  return { ok: true, value: input as unknown as MusterEvent };
}
