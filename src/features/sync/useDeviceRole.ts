import { useLiveQuery } from 'dexie-react-hooks';
import type { DeviceRole } from '../../domain/playbook-publish';
import { appDb } from '../../storage';
import type { MusterDb } from '../../storage/db';
import { readDeviceRole } from '../../storage/sync-state';

/**
 * What this device's token may do (`mayPublish(role)` says whether it may publish), as the
 * server last said; null while the device is not enrolled, the server has not said yet, or
 * the database is still being read. Works offline: it reads what the last sync stored, and
 * re-renders when a sync or a publish learns another role.
 */
export function useDeviceRole(db: MusterDb = appDb()): DeviceRole | null {
  return useLiveQuery(() => readDeviceRole(db), [db]) ?? null;
}
