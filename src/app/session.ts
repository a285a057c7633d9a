import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type Language = 'zh-CN' | 'en';

/** UI and session state only (STYLE.md): incident data lives in IndexedDB. */
interface SessionState {
  language: Language;
  setLanguage: (language: Language) => void;
}

/** The language to start with: the browser's, if it prefers Chinese, else English. */
export function languageFromBrowser(preferred: readonly (string | undefined)[]): Language {
  for (const tag of preferred) {
    const t = tag?.toLowerCase() ?? '';
    if (t.startsWith('zh')) return 'zh-CN';
    if (t.startsWith('en')) return 'en';
  }
  return 'en';
}

function initialLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  return languageFromBrowser([...(navigator.languages ?? []), navigator.language]);
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      language: initialLanguage(),
      setLanguage: (language) => set({ language }),
    }),
    { name: 'muster.session', partialize: (s) => ({ language: s.language }) },
  ),
);
