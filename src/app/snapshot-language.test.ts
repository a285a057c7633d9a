import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELD_PLAYBOOKS_KEY, markHeldPlaybook } from '../storage/held-playbooks';
import { SESSION_STORAGE_KEY, languageFromBrowser } from '../ui/session';
import { keepSnapshotLanguage } from './snapshot-language';

const READER = '/playbooks/fire-evacuation/zh-CN';

/**
 * A pre-rendered page's copies (the home screen's two, or a reader's two), and what the script
 * leaves of them. `stored` is localStorage as the app left it.
 */
function page(path: string, saved: string | null, languages: readonly string[], stored: Record<string, string> = {}, copiesOf = '/') {
  const copies = ['zh-CN', 'en'].map((lang) => ({
    dataset: { snapshotLang: lang, snapshotPath: copiesOf, ...(copiesOf === READER ? { snapshotPlaybook: 'fire-evacuation/zh-CN' } : {}) },
    removed: false,
    remove() {
      this.removed = true;
    },
  }));
  const root = { lang: 'zh-CN' };
  const items: Record<string, string | null> = { [SESSION_STORAGE_KEY]: saved, ...stored };
  vi.stubGlobal('window', { localStorage: { getItem: (key: string) => items[key] ?? null }, location: { pathname: path } });
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

describe('a shipped playbook’s pre-rendered reader', () => {
  it('reads the keys the app writes, by their names', () => {
    const source = keepSnapshotLanguage.toString();
    expect(source).toContain(JSON.stringify(SESSION_STORAGE_KEY).slice(1, -1));
    expect(source).toContain(JSON.stringify(HELD_PLAYBOOKS_KEY).slice(1, -1));
  });

  it('keeps the copy in the app’s language on its own page only', () => {
    expect(page(READER, null, ['zh-CN'], {}, READER)).toEqual({ kept: ['zh-CN'], lang: 'zh-CN' });
    expect(page(READER, JSON.stringify({ state: { language: 'en' } }), ['zh-CN'], {}, READER).kept).toEqual(['en']);
    expect(page('/playbooks/fire-evacuation/en', null, ['zh-CN'], {}, READER).kept).toEqual([]);
  });

  it('shows none when the device keeps another copy of that plan, as the app lists it', () => {
    const items = new Map<string, string>();
    const store = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
    markHeldPlaybook('flood-emergency', 'zh-CN', store);
    expect(page(READER, null, ['zh-CN'], Object.fromEntries(items), READER).kept).toEqual(['zh-CN']);
    markHeldPlaybook('fire-evacuation', 'zh-CN', store);
    expect(items.get(HELD_PLAYBOOKS_KEY)).toBe(JSON.stringify(['fire-evacuation/zh-CN', 'flood-emergency/zh-CN']));
    expect(page(READER, null, ['zh-CN'], Object.fromEntries(items), READER)).toEqual({ kept: [], lang: 'zh-CN' });
  });

  it('shows the copy when the list is unreadable: it names nothing', () => {
    expect(page(READER, null, ['zh-CN'], { [HELD_PLAYBOOKS_KEY]: '{broken' }, READER).kept).toEqual(['zh-CN']);
  });
});
