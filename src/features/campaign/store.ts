import { reduceCampaign, type CampaignState } from '../../domain/campaign';
import type { MusterEvent } from '../../domain/event';
import { StreamStore, useStreamView, type StreamView } from '../../ui/stream-store';

/** One campaign as its screens need it: the reduced state, and the events themselves (the report prints their hash chain). */
export interface CampaignView {
  readonly events: readonly MusterEvent[];
  /** Null while the stream holds no `campaign.started` (not yet pulled, or no such campaign). */
  readonly state: CampaignState | null;
}

// A campaign is a few hundred entries at most: reducing it again on each tap costs nothing
// noticeable, and one reducer (the domain's) is the only place its rules live.
export const campaignStore = new StreamStore<CampaignView>({
  reduce: (_, events) => ({ events, state: reduceCampaign(events) }),
  apply: (view, event) => {
    const events = [...view.events, event];
    return { events, state: reduceCampaign(events) };
  },
});

/** One campaign as this device holds it; follows taps here and events pulled by sync. */
export function useCampaign(streamId: string): StreamView<CampaignView> {
  return useStreamView(campaignStore, streamId);
}
