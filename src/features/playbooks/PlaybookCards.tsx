import { formatDateTime } from '../../ui/date-time';
import { speaker, type Language } from '../../domain/text';
import { messages } from './list.messages';
import { Link } from '../../ui/router';
import type { LibraryEntry } from './merge';

const kindKey: Record<string, keyof typeof messages> = { flood: 'playbook.kind.flood', fire: 'playbook.kind.fire', campaign: 'playbook.kind.campaign' };

export function playbookKindKey(kind: string): keyof typeof messages {
  return kindKey[kind] ?? 'playbook.kind.other';
}

/**
 * One card per playbook. A published one says which revision and version this device holds,
 * when it arrived, and the change note, so staff can tell they have the organisation's latest;
 * an imported one is marked as such.
 */
export function PlaybookCards({ library, language }: { library: readonly LibraryEntry[]; language: Language }) {
  const t = speaker(language, messages);
  if (library.length === 0) return <p className="empty">{t('library.empty')}</p>;
  return (
    <ul className="cards" data-testid="playbook-list">
      {library.map((p) => (
        <li key={`${p.id}/${p.language}`}>
          <Link className={`card card-link kind-${p.kind}`} href={`/playbooks/${encodeURIComponent(p.id)}/${encodeURIComponent(p.language)}`}>
            <span className="card-title" lang={p.language}>
              {p.title}
            </span>
            {p.published ? (
              <>
                <span className="card-meta" data-testid="published-meta">
                  {t('library.published.meta', {
                    kind: t(playbookKindKey(p.kind)),
                    language: p.language,
                    revision: p.published.revision,
                    version: p.version,
                    received: formatDateTime(language, p.published.receivedAt),
                  })}
                </span>
                <span className="card-meta" data-testid="published-note">
                  {t('library.published.note', { note: p.published.note })}
                </span>
              </>
            ) : (
              <span className="card-meta">
                {t('playbook.meta', { kind: t(playbookKindKey(p.kind)), language: p.language, version: p.version })}
                {p.source === 'imported' ? ` · ${t('library.imported')}` : ''}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
