import { CampaignsDue } from '../campaign';
import { DrillsDue } from '../drills';
import { RoundsDue } from '../rounds';

/**
 * Between emergencies: the inspection rounds due today and overdue, the drills due, and the
 * campaigns open with their deadlines (seed plan 4, 三、2; 二、(3); seed plan 2). Each part is
 * its capability's own component; this only places them on the home screen.
 */
export function BetweenEmergencies() {
  return (
    <>
      <RoundsDue />
      <DrillsDue />
      <CampaignsDue />
    </>
  );
}
