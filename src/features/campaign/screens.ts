// The campaigns' screens, one chunk: the list (and starting one) and one campaign.
export { CampaignList } from './CampaignList';
export { CampaignPage } from './CampaignPage';
