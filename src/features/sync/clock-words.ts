import { differenceInHours, differenceInMinutes } from 'date-fns';
import type { Language } from '../../domain/text';
import { speaker } from '../../domain/text';
import { messages } from './messages';

/** A clock difference in words, in the largest unit that keeps it readable: "7 min", "30 h", "3 days". */
export function clockDifference(language: Language, ms: number): string {
  const t = speaker(language, messages);
  const span = Math.abs(ms);
  const minutes = differenceInMinutes(span, 0, { roundingMethod: 'round' });
  if (minutes < 120) return t('sync.duration.minutes', { n: minutes });
  const hours = differenceInHours(span, 0, { roundingMethod: 'round' });
  if (hours < 48) return t('sync.duration.hours', { n: hours });
  // Not differenceInDays: it counts calendar days in the device's zone, and this is a plain duration.
  return t('sync.duration.days', { n: Math.round(hours / 24) });
}
