import { describe, expect, it } from 'vitest';
import { formatDateTime, translate } from './i18n';
import { en, zh } from './messages';
import { languageFromBrowser } from '../ui/session';

describe('languages', () => {
  it('has every text in both languages, none left empty or untranslated', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(zh[key].trim(), key).not.toBe('');
    }
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === zh[k]);
    expect(same).toEqual([]);
  });

  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'home.incidents.started', { time: '02:00', actor: 'Wang' })).toBe('Started 02:00 by Wang');
    expect(translate('zh-CN', 'home.incidents.started', { time: '02:00', actor: '王' })).toBe('王 于 02:00 启动');
    expect(translate('en', 'home.incidents.started', { time: '02:00' })).toBe('Started 02:00 by {actor}');
  });

  it('starts in Chinese when the browser prefers any Chinese, else English', () => {
    expect(languageFromBrowser(['zh-TW', 'en'])).toBe('zh-CN');
    expect(languageFromBrowser(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['fr-FR'])).toBe('en');
    expect(languageFromBrowser([undefined])).toBe('en');
  });

  it('always shows the full date with the time', () => {
    const ms = Date.UTC(2026, 6, 14, 12, 5, 9);
    expect(formatDateTime('en', ms)).toMatch(/2026/);
    expect(formatDateTime('en', ms)).toMatch(/Jul/);
    expect(formatDateTime('zh-CN', ms)).toMatch(/2026年7月14日/);
  });
});
