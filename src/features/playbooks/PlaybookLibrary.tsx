import { useT } from '../../app/i18n';
import { Link } from '../../ui/router';
import { PlaybookList } from './PlaybookList';

/** Every playbook on the device, shipped and imported, each opening its reader. */
export function PlaybookLibrary() {
  const t = useT();
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>
        <Link href="/playbooks/import" className="button" data-testid="open-import">
          {t('library.import')}
        </Link>
      </p>
      <PlaybookList />
    </>
  );
}
