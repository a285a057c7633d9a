import type { Language } from '../domain/text';
import type { Playbook } from '../domain/playbook/schema';
import { HomeSnapshot } from '../features/home/Home';
import { PlaybookBody } from '../features/playbooks/PlaybookReader';
import { renderInLanguage } from '../ui/text';
import { Frame } from './App';

/*
 * What build/prerender-plugin.ts writes into the pages it pre-renders, in each language, from the
 * same components the running app renders: the home screen (index.html) and each shipped
 * playbook's reader. A page script keeps the copy in the person's language
 * (snapshot-language.ts) and the app takes over once its own screen has its content
 * (src/app/main.tsx).
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

/** A shipped playbook in the reader, as `/playbooks/<id>/<language>` shows it. */
export function ReaderFrame({ playbook }: { playbook: Playbook }) {
  return (
    <Frame path={`/playbooks/${playbook.id}/${playbook.language}`}>
      <PlaybookBody playbook={playbook} />
    </Frame>
  );
}
