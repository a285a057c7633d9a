import jsQR from 'jsqr';

/**
 * Decodes QR codes off the main thread for browsers without BarcodeDetector (Firefox, desktop
 * Chromium on Linux and Windows): the page posts a frame's RGBA pixels, the worker answers the
 * code's text or null. jsQR is a well-kept pure-JS decoder, so it works offline in any browser.
 *
 * Check-in codes are dark on light, so most frames are read only as they are; every fourth frame
 * is also read inverted (a code shown on a phone with its colours inverted still scans). Trying
 * both on every frame would double the time a frame without a code takes, and that is the time
 * a person's code waits when it comes into view. (jsQR's "onlyInvert" throws: it never makes the
 * inverted image; "invertFirst" does.) A frame that fails to decode answers null, never silence,
 * so the page's loop never waits for an answer that will not come.
 */
let frame = 0;
self.onmessage = (e: MessageEvent<{ pixels: ArrayBuffer; width: number; height: number }>) => {
  const { pixels, width, height } = e.data;
  frame += 1;
  try {
    const code = jsQR(new Uint8ClampedArray(pixels), width, height, { inversionAttempts: frame % 4 === 0 ? 'invertFirst' : 'dontInvert' });
    self.postMessage(code?.data ?? null);
  } catch {
    self.postMessage(null);
  }
};
