import { speaker, type Dictionary, type Language, type Merged, type Speak } from '../domain/text';
import { useSession } from './session';

let renderLanguage: Language | null = null;

/**
 * At build time only (the home screen pre-rendered into index.html, in each language): the
 * language to render in. React's server renderer reads the session store's initial state, not
 * what was set on it, so the language is given here instead.
 */
export function renderInLanguage(language: Language | null): void {
  renderLanguage = language;
}

/** The current language; re-renders when the person switches it. */
export function useLanguage(): Language {
  const language = useSession((s) => s.language);
  return renderLanguage ?? language;
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
