// What other capabilities use of the campaigns: the campaigns open and their deadlines, for the home screen.
export { CampaignsDue } from './CampaignsDue';
