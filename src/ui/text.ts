import { format, type Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { zhCN } from 'date-fns/locale/zh-CN';
import { speaker, type Dictionary, type Language, type Merged, type Speak } from '../domain/text';
import { useSession } from './session';

/** The current language; re-renders when the person switches it. */
export function useLanguage(): Language {
  return useSession((s) => s.language);
}

/**
 * The messages of one capability's dictionary in the current language: `const t = useText(messages)`,
 * or `useText(messages, reportMessages)` for a screen that also shows another capability's words.
 * The same function is returned until the language changes, so it can sit in effect dependencies.
 */
export function useText<const Ds extends readonly [Dictionary, ...Dictionary[]]>(...dictionaries: Ds): Speak<Merged<Ds>> {
  return speakerFor(useLanguage(), dictionaries);
}

// One speaker per language and list of dictionaries, made once: the dictionaries are module
// constants, so screens get the same function on every render until the language changes.
const dictionaryIds = new WeakMap<Dictionary, number>();
let nextId = 0;
const speakers = new Map<string, Speak<Dictionary>>();

function speakerFor(language: Language, dictionaries: readonly [Dictionary, ...Dictionary[]]): Speak<Dictionary> {
  const ids = dictionaries.map((d) => {
    let id = dictionaryIds.get(d);
    if (id === undefined) dictionaryIds.set(d, (id = nextId++));
    return id;
  });
  const key = `${language}:${ids.join(',')}`;
  let say = speakers.get(key);
  if (!say) speakers.set(key, (say = speaker(language, ...dictionaries)));
  return say;
}

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
