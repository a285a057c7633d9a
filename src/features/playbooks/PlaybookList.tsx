import { Loading } from '../../ui/Loading';
import { useLanguage } from '../../ui/text';
import { usePlaybookLibrary } from './library';
import { PlaybookCards } from './PlaybookCards';

export { PlaybookCards, playbookKindKey } from './PlaybookCards';

/** The playbooks on this device (shipped, imported and published), with kind, language and version. */
export function PlaybookList() {
  const language = useLanguage();
  const library = usePlaybookLibrary();
  if (library === undefined) return <Loading />;
  return <PlaybookCards library={library} language={language} />;
}
