import { format, type Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Language } from '../domain/text';

// Apart from the texts (ui/text.ts) so the date-fns locales load with the screens that show
// dates, not with the first screen.

/** Full date and time, never time alone (an incident can span midnight). */
export function formatDateTime(language: Language, ms: number): string {
  return format(ms, dateTimePatterns[language], { locale: dateLocale(language) });
}

/** The date-fns locale of a language, for screens that format dates their own way. */
export function dateLocale(language: Language): Locale {
  return language === 'zh-CN' ? zhCN : enGB;
}

// The locale's own date order and month words, with a 24-hour clock in both languages
// (zhCN's time formats are 12-hour): "2026年7月14日 12:05:09", "14 Jul 2026, 12:05:09".
const dateTimePatterns: Record<Language, string> = {
  'zh-CN': 'PPP HH:mm:ss',
  en: 'PP, HH:mm:ss',
};
