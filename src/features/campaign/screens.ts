// The campaigns' screens, one chunk: the list (and starting one) and one campaign.
export { CampaignList, CampaignPage } from './stub';
