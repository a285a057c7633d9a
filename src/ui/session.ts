import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Language } from '../domain/text';

/** UI and session state only: incident data lives in IndexedDB. */
interface SessionState {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The person using this device, as they entered it; remembered for the next incident. */
  actorName: string;
  setActorName: (name: string) => void;
  /** "My floor": the floor chosen with "This is my floor" on its route page, offered first by the route finder (viewing a floor does not change it). */
  myFloor: { playbookId: string; buildingId: string; floorId: string; label: string } | null;
  setMyFloor: (floor: SessionState['myFloor']) => void;
  /** The site whose duty log (值班日记) this device keeps. */
  dutySite: string;
  setDutySite: (site: string) => void;
  /** The last write that failed (quota, blocked database): shown until dismissed. */
  writeError: string | null;
  setWriteError: (message: string | null) => void;
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

/** Where the session is kept (localStorage); index.html's inline script reads it by name (src/app/snapshot-language.ts). */
export const SESSION_STORAGE_KEY = 'muster.session';

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      language: initialLanguage(),
      setLanguage: (language) => set({ language }),
      actorName: '',
      setActorName: (actorName) => set({ actorName: actorName.trim() }),
      myFloor: null,
      setMyFloor: (myFloor) => set({ myFloor }),
      dutySite: '',
      setDutySite: (dutySite) => set({ dutySite: dutySite.trim() }),
      writeError: null,
      setWriteError: (writeError) => set({ writeError }),
    }),
    { name: SESSION_STORAGE_KEY, partialize: (s) => ({ language: s.language, actorName: s.actorName, dutySite: s.dutySite, myFloor: s.myFloor }) },
  ),
);
