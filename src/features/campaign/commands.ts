import type { EventPayloads, EventType } from '../../domain/event';
import { CAMPAIGN_STREAM_PREFIX, type CampaignStarted, type UNIT_STATUSES } from '../../domain/events/campaign';
import { uuidv7 } from '../../domain/ids';
import { record as recordIn } from '../../ui/record';
import { campaignStore } from './store';

/**
 * Every intent on a campaign is one function here, each writing one event to the campaign's
 * stream (`campaign-<uuid>`); the screen changes only after the write is committed. An entry is
 * set again under the same entryId to correct it: the last word wins on every device.
 */
const record = <K extends EventType>(streamId: string, type: K, payload: EventPayloads[K]) => recordIn(campaignStore, streamId, type, payload);

const random = () => crypto.getRandomValues(new Uint8Array(10));

export function newCampaignId(): string {
  return `${CAMPAIGN_STREAM_PREFIX}${uuidv7(Date.now(), random())}`;
}

/** An entry's id: made once, kept through every correction, on whichever device corrects it. */
export function newEntryId(): string {
  return `e-${uuidv7(Date.now(), random())}`;
}

/** A unit added after the start: its id never clashes with the playbook's or another device's. */
export function newUnitId(): string {
  return `u-${uuidv7(Date.now(), random()).slice(-12)}`;
}

export const startCampaign = (streamId: string, p: CampaignStarted) => record(streamId, 'campaign.started', p);
export const setUnit = (streamId: string, p: EventPayloads['campaign.unitSet']) => record(streamId, 'campaign.unitSet', p);
export const setUnitStatus = (streamId: string, unitId: string, status: (typeof UNIT_STATUSES)[number]) =>
  record(streamId, 'campaign.unitStatus', { unitId, status });
export const setLoan = (streamId: string, p: EventPayloads['campaign.loanSet']) => record(streamId, 'campaign.loanSet', p);
export const setRisk = (streamId: string, p: EventPayloads['campaign.riskSet']) => record(streamId, 'campaign.riskSet', p);
export const setTrigger = (streamId: string, p: EventPayloads['campaign.triggerSet']) => record(streamId, 'campaign.triggerSet', p);
export const setPath = (streamId: string, p: EventPayloads['campaign.pathSet']) => record(streamId, 'campaign.pathSet', p);
export const removeEntry = (streamId: string, entryId: string, reason: string) => record(streamId, 'campaign.entryRemoved', { entryId, reason });
export const setFindings = (streamId: string, sectionId: string, text: string) => record(streamId, 'campaign.findingsSet', { sectionId, text });
export const handIn = (streamId: string, to: string, note?: string) => record(streamId, 'campaign.submitted', { to, ...(note ? { note } : {}) });
