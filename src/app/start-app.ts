/**
 * Runs inline at the end of every page the build writes (index.html, a floor's route, a shipped
 * playbook's reader) in place of the entry's `<script type="module">` and its module preloads;
 * build/prerender-plugin.ts inlines its source, so it must stay self-contained. The page already
 * shows its content (pre-rendered), so the app's scripts are asked for only once the browser has
 * painted it: nothing the app fetches or evaluates can hold the first paint back (a script
 * cached by the service worker would otherwise run before the page is first drawn, and a first
 * visit would wait on every preload).
 */
export function startAppAfterFirstPaint(entry: string, preloads: readonly string[]): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const href of preloads) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.append(script);
  };
  // Nothing pre-rendered to show (index.html answering a deep link keeps no copy), or a page
  // opened in the background, which paints nothing: the app starts at once.
  if (document.visibilityState === 'hidden' || !document.querySelector('.prerendered')) {
    start();
    return;
  }
  // Once the browser says the page's content was painted (the paint entry comes when the frame
  // is on screen, not when it is drawn).
  if ('PerformanceObserver' in window && PerformanceObserver.supportedEntryTypes.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      start();
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(start, 0));
  }
  // Hidden before its first paint, or no paint reported within three seconds (a slow phone's
  // first layout takes a few hundred milliseconds; this is for a browser that never says): the
  // app starts anyway.
  document.addEventListener('visibilitychange', start, { once: true });
  setTimeout(start, 3000);
}
