import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageFromBrowser } from '../ui/session';
import { keepSnapshotLanguage } from './snapshot-language';

/** index.html's two copies of the home screen, and what the script leaves of them. */
function page(path: string, saved: string | null, languages: readonly string[]) {
  const copies = ['zh-CN', 'en'].map((lang) => ({
    dataset: { snapshotLang: lang },
    removed: false,
    remove() {
      this.removed = true;
    },
  }));
  const root = { lang: 'zh-CN' };
  vi.stubGlobal('window', { localStorage: { getItem: (key: string) => (key === 'muster.session' ? saved : null) }, location: { pathname: path } });
  vi.stubGlobal('navigator', { languages, language: languages[0] });
  vi.stubGlobal('document', { querySelectorAll: () => copies, documentElement: root });
  keepSnapshotLanguage();
  return { kept: copies.filter((c) => !c.removed).map((c) => c.dataset.snapshotLang), lang: root.lang };
}

afterEach(() => vi.unstubAllGlobals());

describe('the pre-rendered home screen keeps the copy in the language the app will show', () => {
  const preferences: readonly (readonly string[])[] = [
    ['zh-CN'],
    ['zh-TW', 'en'],
    ['en-US'],
    ['en-GB', 'zh-CN'],
    ['fr-FR', 'zh-HK'],
    ['fr-FR', 'de'],
    [],
    ['ZH-cn'],
  ];
  it.each(preferences.map((p) => [p.join(',') || '(none)', p] as const))('from the browser, as the session decides: %s', (_, languages) => {
    const expected = languageFromBrowser(languages);
    expect(page('/', null, languages)).toEqual({ kept: [expected], lang: expected });
  });

  it('from the saved session first, whatever the browser prefers', () => {
    expect(page('/', JSON.stringify({ state: { language: 'en' }, version: 0 }), ['zh-CN']).kept).toEqual(['en']);
    expect(page('/', JSON.stringify({ state: { language: 'zh-CN' }, version: 0 }), ['en-US']).kept).toEqual(['zh-CN']);
  });

  it('from the browser when the saved session is unreadable or names no language it knows', () => {
    expect(page('/', '{not json', ['zh-CN']).kept).toEqual(['zh-CN']);
    expect(page('/', JSON.stringify({ state: { language: 'fr' } }), ['en-US']).kept).toEqual(['en']);
  });

  it('none on any other page (index.html answers every deep link), and the page language is left alone', () => {
    expect(page('/incidents/abc', null, ['zh-CN'])).toEqual({ kept: [], lang: 'zh-CN' });
    expect(page('/routes', JSON.stringify({ state: { language: 'en' } }), ['en'])).toEqual({ kept: [], lang: 'zh-CN' });
  });
});
