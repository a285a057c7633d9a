import { useCallback, useEffect, useState } from 'react';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../offline';

export interface StorageStatusView {
  /** undefined while the first reading is on its way. */
  status: StorageStatus | undefined;
  /** Whether the user asked and the browser said no (so the screen can explain). */
  refused: boolean;
  askToPersist: () => Promise<void>;
}

/** The device's storage figures, read when the settings screen opens and after each request. */
export function useStorageStatus(): StorageStatusView {
  const [status, setStatus] = useState<StorageStatus | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    let live = true;
    void readStorageStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  const askToPersist = useCallback(async () => {
    const granted = await requestPersistentStorage();
    setRefused(!granted);
    setStatus(await readStorageStatus());
  }, []);
  return { status, refused, askToPersist };
}
