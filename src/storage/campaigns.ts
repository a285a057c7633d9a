import { orderEvents, type MusterEvent } from '../domain/event';
import type { CampaignStarted } from '../domain/events/campaign';
import type { MusterDb } from './db';

/** A campaign as the list and the home screen show it, without reading its whole stream. */
export interface CampaignListing {
  readonly streamId: string;
  /** What the campaign was started with: its first `campaign.started` in (hlc, id) order. */
  readonly started: CampaignStarted;
  readonly actor: string;
  readonly hlc: string;
  /** The report was handed in (a `campaign.submitted` is held for the stream). */
  readonly submitted: boolean;
}

/**
 * Every campaign on this device, newest first: the streams holding a `campaign.started`, each
 * with whether its report was handed in. Two lookups on the `type` index, never a scan of the
 * events. Reads only the device's own copy, so it answers offline; a campaign or a hand-in
 * pulled from another device counts as soon as it is stored.
 */
export async function listCampaigns(db: MusterDb): Promise<CampaignListing[]> {
  const [starts, submissions] = await Promise.all([
    db.events.where('type').equals('campaign.started').toArray() as Promise<MusterEvent<'campaign.started'>[]>,
    db.events.where('type').equals('campaign.submitted').toArray(),
  ]);
  const handedIn = new Set(submissions.map((e) => e.streamId));
  const firstPerStream = new Map<string, MusterEvent<'campaign.started'>>();
  for (const e of orderEvents(starts)) if (!firstPerStream.has(e.streamId)) firstPerStream.set(e.streamId, e);
  return [...firstPerStream.values()].reverse().map((e) => ({
    streamId: e.streamId,
    started: e.payload,
    actor: e.actor,
    hlc: e.hlc,
    submitted: handedIn.has(e.streamId),
  }));
}
