import { useT } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { Link } from '../../ui/router';
import { usePlaybookLibrary } from './library';

const kindKey: Record<string, MessageKey> = { flood: 'playbook.kind.flood', fire: 'playbook.kind.fire' };

export function playbookKindKey(kind: string): MessageKey {
  return kindKey[kind] ?? 'playbook.kind.other';
}

/** The playbooks on this device (shipped and imported), with kind, language and version. */
export function PlaybookList() {
  const t = useT();
  const library = usePlaybookLibrary();
  if (library === undefined) return <p className="empty">{t('loading')}</p>;
  if (library.length === 0) return <p className="empty">{t('home.playbooks.empty')}</p>;
  return (
    <ul className="cards" data-testid="playbook-list">
      {library.map((p) => (
        <li key={`${p.id}/${p.language}`}>
          <Link className={`card card-link kind-${p.kind}`} href={`/playbooks/${encodeURIComponent(p.id)}/${encodeURIComponent(p.language)}`}>
            <span className="card-title" lang={p.language}>
              {p.title}
            </span>
            <span className="card-meta">
              {t('playbook.meta', { kind: t(playbookKindKey(p.kind)), language: p.language, version: p.version })}
              {p.source === 'imported' ? ` · ${t('library.imported')}` : ''}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
