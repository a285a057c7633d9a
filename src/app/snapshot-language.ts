/**
 * Runs inline in every pre-rendered page (index.html's home screen, a shipped playbook's reader),
 * right after the copies and before the first paint; build/prerender-plugin.ts inlines its
 * source, so it must stay self-contained. Of the copies (`data-snapshot-lang`, each for the page
 * at `data-snapshot-path`), it keeps only the one in the language the app will show — the one
 * saved in the session, else the browser's preference, as src/ui/session.ts decides
 * (snapshot-language.test.ts holds the two together) — and only on its own page: index.html
 * answers every deep link. A reader's copy is the shipped plan: it goes too when this device
 * keeps another copy of that plan (imported, or published by the organisation), listed under
 * `muster.heldPlaybooks` (src/storage/held-playbooks.ts), so an older plan never shows first.
 */
export function keepSnapshotLanguage(): void {
  const read = (key: string): unknown => {
    try {
      return JSON.parse(window.localStorage.getItem(key) ?? 'null') as unknown;
    } catch {
      return null;
    }
  };
  const saved = read('muster.session') as { state?: { language?: unknown } } | null;
  let language = typeof saved?.state?.language === 'string' ? saved.state.language : '';
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
  const held = read('muster.heldPlaybooks');
  const heldPlaybooks = Array.isArray(held) ? held : [];
  let kept = false;
  for (const copy of document.querySelectorAll<HTMLElement>('[data-snapshot-lang]')) {
    const playbook = copy.dataset.snapshotPlaybook;
    const keep =
      copy.dataset.snapshotLang === language &&
      copy.dataset.snapshotPath === window.location.pathname &&
      (playbook === undefined || !heldPlaybooks.includes(playbook));
    if (keep) kept = true;
    else copy.remove();
  }
  if (kept) document.documentElement.lang = language;
}
