import { Suspense, lazy } from 'react';
import { useUpdates } from './updates';
import './pwa.css';

const UpdateNotice = lazy(() => import('./UpdateNotice').then((m) => ({ default: m.UpdateNotice })));

/**
 * Offers a new version; never applies one by itself: a reload nobody asked for could lose what
 * someone was typing. While an incident is open on this device it says so, and the update
 * still waits for the user.
 */
export function UpdateBanner() {
  const phase = useUpdates((s) => s.phase);
  const dismissed = useUpdates((s) => s.dismissed);
  // The live region is always there, so a screen reader announces the notice when it appears.
  return (
    <div aria-live="polite" className="update-slot">
      {phase !== 'none' && !dismissed ? (
        <Suspense fallback={null}>
          <UpdateNotice phase={phase} />
        </Suspense>
      ) : null}
    </div>
  );
}
