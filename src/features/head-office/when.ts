import { format } from 'date-fns';
import type { Language } from '../../domain/text';
import { dateLocale } from '../../ui/date-time';

// date-fns with the app's locales (ui/date-time.ts), 24-hour clock in both languages. A table
// of two hundred branches has no room for seconds; the full date and time is in each title.
// Days and years are compared through `format`, which the first screens load anyway: a date-fns
// helper used only here and by a first-load chunk would be split into a chunk of its own.

/** "14 Jul, 02:05" / "7月14日 02:05"; the year too when it is not this year's. */
export function shortDateTime(language: Language, ms: number, now: number): string {
  const sameYear = format(ms, 'yyyy') === format(now, 'yyyy');
  const pattern = language === 'zh-CN' ? (sameYear ? 'M月d日 HH:mm' : 'yyyy年M月d日 HH:mm') : sameYear ? 'd MMM, HH:mm' : 'd MMM yyyy, HH:mm';
  return format(ms, pattern, { locale: dateLocale(language) });
}

/** "as of" a moment: the time alone today, else the date and time. */
export function asOfTime(language: Language, ms: number, now: number): string {
  return format(ms, 'yyyy-MM-dd') === format(now, 'yyyy-MM-dd') ? format(ms, 'HH:mm') : shortDateTime(language, ms, now);
}

/** How long ago, in whole units: minutes up to two hours, hours up to two days, then days. */
export function howLongAgo(ms: number, now: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(0, Math.floor((now - ms) / 60_000));
  if (minutes < 120) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? { unit: 'hours', count: hours } : { unit: 'days', count: Math.floor(hours / 24) };
}
