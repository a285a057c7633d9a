import { useLiveQuery } from 'dexie-react-hooks';
import { appDb } from '../../storage';
import type { MusterDb, PlaybookDraft } from '../../storage/db';
import { listDrafts } from '../../storage/drafts';
import { formatDateTime } from '../../ui/date-time';
import { Link } from '../../ui/router';
import { useLanguage, useText } from '../../ui/text';
import { messages } from './messages';

/** One draft per playbook and language on a device: editing it again continues it. */
export function draftIdFor(playbookId: string, language: string): string {
  return `${playbookId}:${language}`;
}

export function editPath(playbookId: string, language: string): string {
  return `/playbooks/${encodeURIComponent(playbookId)}/edit?lang=${encodeURIComponent(language)}`;
}

/** The drafts on this device, newest change first; re-renders when one is saved. */
export function useDrafts(db: MusterDb = appDb()): PlaybookDraft[] | undefined {
  return useLiveQuery(() => listDrafts(db), [db]);
}

/** "Edit this playbook", for the reader. */
export function EditPlaybookLink({ playbookId, language }: { playbookId: string; language: string }) {
  const t = useText(messages);
  return (
    <Link className="button" href={editPath(playbookId, language)} data-testid="edit-playbook">
      {t('editor.editPlaybook')}
    </Link>
  );
}

/** The drafts on this device and "New playbook", for the library. Drafts are never run as playbooks. */
export function DraftList() {
  const t = useText(messages);
  const language = useLanguage();
  const drafts = useDrafts();
  return (
    <section className="ed-drafts" aria-labelledby="ed-drafts-title" data-testid="drafts">
      <h2 id="ed-drafts-title">{t('editor.drafts.title')}</h2>
      {drafts && drafts.length > 0 ? (
        <ul className="cards">
          {drafts.map((d) => (
            <li key={d.draftId} className="card">
              <Link className="card-link" href={editPath(d.playbookId, d.language)}>
                <span className="card-title">{d.title || t('editor.untitled')}</span>
              </Link>
              <p className="card-meta">
                {d.playbookId} · {d.language} · {t('editor.drafts.edited', { time: formatDateTime(language, d.updatedAt) })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <Link className="button" href="/playbooks/new" data-testid="new-playbook">
        {t('editor.drafts.new')}
      </Link>
    </section>
  );
}
