// Placeholder until the campaign feature lands.
export function CampaignList() {
  return null;
}
export function CampaignPage(_: { id: string; tab: string | null }) {
  return null;
}
export function CampaignsDue() {
  return null;
}
