import { useText } from '../../ui/text';
import { Link } from '../../ui/router';
import { PlaybookList } from './PlaybookList';
import { DraftList } from '../editor';
import { messages } from './messages';
import { messages as listMessages } from './list.messages';

/** Every playbook on the device, shipped, imported and published by the organisation, each opening its reader. */
export function PlaybookLibrary() {
  const t = useText(messages, listMessages);
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>
        <Link href="/playbooks/import" className="button" data-testid="open-import">
          {t('library.import')}
        </Link>
      </p>
      <PlaybookList />
      <DraftList />
    </>
  );
}
