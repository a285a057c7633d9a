import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import { listCampaigns, type CampaignListing } from '../../storage/campaigns';

// Apart from store.ts so the home screen's "campaigns due" loads without the campaign reducer and report builders.

/** The campaigns on this device (undefined while reading); re-renders when one starts or is handed in, here or on sync. */
export function useCampaignList(): CampaignListing[] | undefined {
  return useLiveQuery(() => listCampaigns(appDb()), []);
}
