import { useEffect, useRef, useState, type RefObject } from 'react';
import { startQrScanner } from './qr-scanner';

/** The camera's state for a screen that reads QR codes: opening, reading, or why it could not open. */
export type CameraState = 'starting' | 'on' | { readonly failed: string };

/**
 * Opens the camera into `video` while the screen is up and hands every code read to `onCode`
 * (the latest one given, so it sees the screen's current state), with a `stop` that closes the
 * camera early (a handover that has all its frames). The camera closes when the screen goes.
 */
export function useQrScanner(video: RefObject<HTMLVideoElement | null>, onCode: (text: string, stop: () => void) => void): CameraState {
  const [camera, setCamera] = useState<CameraState>('starting');
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  });
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopCamera: (() => void) | null = null;
    let closed = false;
    const stop = () => {
      closed = true;
      stopCamera?.();
    };
    startQrScanner(element, (text) => latest.current(text, stop)).then(
      (s) => {
        if (closed) s();
        else {
          stopCamera = s;
          setCamera('on');
        }
      },
      (err: unknown) => {
        if (!closed) setCamera({ failed: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      },
    );
    return stop;
  }, [video]);
  return camera;
}
