import { en, zh, type MessageKey } from './messages';
import { useSession, type Language } from '../ui/session';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

export function translate(language: Language, key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = (language === 'zh-CN' ? zh : en)[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function of the current language; re-renders when the language changes. */
export function useT(): Translate {
  const language = useSession((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}

/** Full date and time, never time alone (an incident can span midnight). */
export function formatDateTime(language: Language, ms: number): string {
  // Intl carries the locale data already in the browser; date-fns locales would add ~10 KB.
  return dateTimeFormats[language].format(ms);
}

const dateTimeFormats: Record<Language, Intl.DateTimeFormat> = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }),
};
