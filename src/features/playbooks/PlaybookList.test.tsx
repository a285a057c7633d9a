import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../domain/text';
import type { LibraryEntry } from './library';
import { PlaybookCards } from './PlaybookList';

// 02:05:09 in the device's own time zone, as the list shows it.
const RECEIVED = new Date(2026, 6, 14, 2, 5, 9).getTime();

const library: LibraryEntry[] = [
  {
    id: 'fire-evacuation',
    language: 'en',
    version: '1.3.0',
    kind: 'fire',
    title: 'Head office fire plan',
    source: 'published',
    published: {
      revision: 4,
      note: 'Basement route now via stair B',
      publishedAt: '2026-07-14T01:00:00.000Z',
      publishedBy: "Safety officer's tablet",
      receivedAt: RECEIVED,
    },
  },
  { id: 'flood-emergency', language: 'en', version: '1.0.0', kind: 'flood', title: 'Flood plan', source: 'imported' },
  { id: 'typhoon', language: 'en', version: '2.0.0', kind: 'typhoon', title: 'Typhoon plan', source: 'shipped' },
];

/** Each card's lines, as staff read them in the library. */
function cards(language: Language): string[][] {
  const html = renderToStaticMarkup(<PlaybookCards library={library} language={language} />);
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((li) => [...(li[1] ?? '').matchAll(/<span[^>]*>(.*?)<\/span>/g)].map((s) => s[1] ?? ''));
}

describe('the playbook library', () => {
  it('says which published revision and version this device holds, since when, and what changed', () => {
    expect(cards('en')).toEqual([
      ['Head office fire plan', 'Fire · en · revision 4 · version 1.3.0 · received 14 Jul 2026, 02:05:09', 'What changed: Basement route now via stair B'],
      ['Flood plan', 'Flood · en · version 1.0.0 · imported'],
      ['Typhoon plan', 'Other hazard · en · version 2.0.0'],
    ]);
  });

  it('says the same in Chinese', () => {
    expect(cards('zh-CN')[0]).toEqual([
      'Head office fire plan',
      '消防 · en · 第 4 次发布 · 版本 1.3.0 · 2026年7月14日 02:05:09 收到',
      '修订说明：Basement route now via stair B',
    ]);
    expect(cards('zh-CN')[1]).toEqual(['Flood plan', '防汛 · en · 版本 1.0.0 · 已导入']);
  });
});
