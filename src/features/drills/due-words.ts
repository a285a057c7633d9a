import { format } from 'date-fns';
import type { DrillDue, DrillInterval } from '../../domain/drills';
import type { Language, Speak } from '../../domain/text';
import { dateLocale } from '../../ui/date-time';
import type { messages } from './messages';

type Say = Speak<typeof messages>;

/** "Due in 12 days", "Due today", "Overdue by 3 days", or "No drill recorded yet: due now". */
export function dueWords(t: Say, due: DrillDue): string {
  if (due.last === null) return t('drills.due.never');
  if (due.status === 'overdue') return t('drills.due.overdue', { days: due.daysOverdue });
  return due.daysLeft === 0 ? t('drills.due.today') : t('drills.due.in', { days: due.daysLeft });
}

/** A calendar date in the language's own order and month words: "2026年9月10日", "10 Sept 2026" (as `formatDateTime` writes dates). */
export function dateWords(language: Language, ms: number): string {
  return format(ms, DATE_PATTERNS[language], { locale: dateLocale(language) });
}

const DATE_PATTERNS: Record<Language, string> = { 'zh-CN': 'PPP', en: 'PP' };

/** "Every 6 months", "Every 15 days". */
export function intervalWords(t: Say, interval: DrillInterval): string {
  return interval.months > 0 ? t('drills.interval.months', { months: interval.months }) : t('drills.interval.days', { days: interval.days });
}
