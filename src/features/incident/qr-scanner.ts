/**
 * The camera as a QR reader for the assembly point: the back camera's frames go to the
 * browser's own BarcodeDetector where it has one (Chrome on Android and macOS, Safari), else to
 * jsQR in a Web Worker, so the page stays responsive while a frame is decoded. One frame is
 * decoded at a time and the next is taken when that one is done, so a slow phone decodes fewer
 * frames rather than falling behind. Everything is on the device: no network is needed.
 */

interface DetectedBarcode {
  readonly rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** The largest frame width handed to jsQR: enough for a code held at arm's length, small enough to decode in tens of ms. */
const MAX_DECODE_WIDTH = 640;

export type Decoder = (video: HTMLVideoElement) => Promise<string[]>;

async function barcodeDetector(): Promise<Decoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video)).map((b) => b.rawValue);
  } catch {
    return null;
  }
}

function jsQrWorker(): { decode: Decoder; close: () => void } {
  const worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let pending: ((text: string | null) => void) | null = null;
  const answer = (text: string | null) => {
    pending?.(text);
    pending = null;
  };
  worker.onmessage = (e: MessageEvent<string | null>) => answer(e.data);
  // A worker that failed (its script could not load) answers "nothing read" from then on, so the loop never hangs.
  let failed = false;
  worker.onerror = () => {
    failed = true;
    answer(null);
  };
  const decode: Decoder = async (video) => {
    if (!ctx || failed || video.videoWidth === 0) return [];
    const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    ctx.drawImage(video, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height).data.buffer;
    const text = await new Promise<string | null>((resolve) => {
      pending = resolve;
      worker.postMessage({ pixels, width, height }, [pixels]);
    });
    return text ? [text] : [];
  };
  return { decode, close: () => worker.terminate() };
}

/** Calls `next` when the video has a new frame (requestVideoFrameCallback), or on the next animation frame. */
function onNextFrame(video: HTMLVideoElement, next: () => void): () => void {
  if ('requestVideoFrameCallback' in video) {
    const handle = video.requestVideoFrameCallback(next);
    return () => video.cancelVideoFrameCallback(handle);
  }
  const handle = requestAnimationFrame(next);
  return () => cancelAnimationFrame(handle);
}

/**
 * Opens the back camera into `video` and calls `onCode` with the text of every QR code seen, frame
 * after frame (the caller ignores repeats). Resolves to a function that stops the camera and
 * the decoding; rejects when the camera cannot be opened (refused, absent, in use).
 */
export async function startQrScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  let stopped = false;
  let cancelFrame: () => void = () => undefined;
  const native = await barcodeDetector();
  const fallback = native ? null : jsQrWorker();
  const decode: Decoder = native ?? fallback?.decode ?? (() => Promise.resolve([]));
  const stop = () => {
    stopped = true;
    cancelFrame();
    fallback?.close();
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
  } catch (err) {
    stop();
    throw err;
  }
  const loop = () => {
    if (stopped) return;
    decode(video).then(
      (texts) => {
        if (stopped) return;
        for (const text of texts) onCode(text);
        cancelFrame = onNextFrame(video, loop);
      },
      () => {
        if (!stopped) cancelFrame = onNextFrame(video, loop);
      },
    );
  };
  cancelFrame = onNextFrame(video, loop);
  return stop;
}

/**
 * A short confirmation the counter hears and feels without looking: a high beep and one buzz for
 * a person marked safe, two low beeps and a double buzz for a code that was refused. The audio
 * context is made on the tap that opened the scanner (browsers allow sound only after a tap).
 */
export interface Signal {
  play: (kind: 'ok' | 'refused') => void;
  close: () => void;
}

export function makeSignal(): Signal {
  const Context = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  let audio: AudioContext | null = null;
  try {
    audio = Context ? new Context() : null;
  } catch {
    audio = null;
  }
  const tone = (frequency: number, start: number, length: number) => {
    if (!audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = frequency;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + start);
    osc.stop(audio.currentTime + start + length);
  };
  return {
    play: (kind) => {
      if (kind === 'ok') tone(1320, 0, 0.12);
      else {
        tone(330, 0, 0.1);
        tone(330, 0.16, 0.1);
      }
      if (typeof navigator.vibrate === 'function') navigator.vibrate(kind === 'ok' ? 120 : [60, 60, 60]);
    },
    close: () => void audio?.close().catch(() => undefined),
  };
}
