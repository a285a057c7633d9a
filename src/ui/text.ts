import { useMemo } from 'react';
import { speaker, type Dictionary, type Language, type Speak } from '../domain/text';
import { useSession } from './session';

/** The current language; re-renders when the person switches it. */
export function useLanguage(): Language {
  return useSession((s) => s.language);
}

/**
 * The messages of one capability's dictionary in the current language: `const t = useText(messages)`.
 * The same function is returned until the language changes, so it can sit in effect dependencies.
 */
export function useText<D extends Dictionary>(dictionary: D): Speak<D> {
  const language = useLanguage();
  return useMemo(() => speaker(dictionary, language), [dictionary, language]);
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
