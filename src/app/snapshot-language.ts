/**
 * Runs inline in index.html, right after the pre-rendered home screens and before the first
 * paint (build/prerender-plugin.ts inlines its source, so it must stay self-contained): keeps the
 * copy in the language the app will show — the one saved in the session, else the browser's
 * preference, as src/ui/session.ts decides (snapshot-language.test.ts holds the two together) —
 * and removes the other. index.html answers every deep link, so on any page but the home
 * screen it removes both.
 */
export function keepSnapshotLanguage(): void {
  let language: string;
  try {
    const saved = JSON.parse(window.localStorage.getItem('muster.session') ?? 'null') as { state?: { language?: unknown } } | null;
    language = typeof saved?.state?.language === 'string' ? saved.state.language : '';
  } catch {
    language = '';
  }
  if (language !== 'zh-CN' && language !== 'en') {
    language = 'en';
    for (const tag of [...(navigator.languages ?? []), navigator.language]) {
      const t = (tag ?? '').toLowerCase();
      if (t.startsWith('zh') || t.startsWith('en')) {
        language = t.startsWith('zh') ? 'zh-CN' : 'en';
        break;
      }
    }
  }
  const home = window.location.pathname === '/';
  for (const copy of document.querySelectorAll<HTMLElement>('[data-snapshot-lang]')) {
    if (!home || copy.dataset.snapshotLang !== language) copy.remove();
  }
  if (home) document.documentElement.lang = language;
}
