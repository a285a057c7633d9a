import type { Language } from '../domain/text';
import { HomeSnapshot } from '../features/home/Home';
import { renderInLanguage } from '../ui/text';
import { Frame } from './App';

/*
 * What build/prerender-plugin.ts writes into index.html: the home screen in the app's frame, in
 * each language, from the same components the running app renders. A page script keeps the one
 * in the person's language (prerender-language.ts) and the app takes over once its own home
 * screen has its lists (src/app/main.tsx).
 */

/** The language the snapshot is rendered in. */
export function snapshotLanguage(language: Language): void {
  renderInLanguage(language);
}

export function HomeFrame() {
  return (
    <Frame path="/">
      <HomeSnapshot />
    </Frame>
  );
}
