import { useCallback, useState } from 'react';
import { useAsync } from '../../ui/use-async';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../offline';

interface StorageStatusView {
  /** undefined while the first reading is on its way. */
  status: StorageStatus | undefined;
  /** Whether the user asked and the browser said no (so the screen can explain). */
  refused: boolean;
  askToPersist: () => Promise<void>;
}

/** The device's storage figures, read when the settings screen opens and after each request. */
export function useStorageStatus(): StorageStatusView {
  const opened = useAsync(readStorageStatus, []);
  // Kept apart from the first reading so the figures stay on screen while the new ones are read.
  const [afterAsking, setAfterAsking] = useState<StorageStatus>();
  const [refused, setRefused] = useState(false);
  const askToPersist = useCallback(async () => {
    const granted = await requestPersistentStorage();
    setRefused(!granted);
    setAfterAsking(await readStorageStatus());
  }, []);
  const status = afterAsking ?? (opened.status === 'failed' ? UNKNOWN : opened.value);
  return { status, refused, askToPersist };
}

/** Shown when the browser would not say: "unknown" beats a screen that waits for ever. */
const UNKNOWN: StorageStatus = { persisted: null, usage: null, quota: null };
