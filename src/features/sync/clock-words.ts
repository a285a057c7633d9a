import type { Language } from '../../domain/text';
import { speaker } from '../../domain/text';
import { messages } from './messages';

/** A clock difference in words, in the largest unit that keeps it readable: "7 min", "30 h", "3 days". */
export function clockDifference(language: Language, ms: number): string {
  const t = speaker(messages, language);
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 120) return t('sync.duration.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('sync.duration.hours', { n: hours });
  return t('sync.duration.days', { n: Math.round(hours / 24) });
}
