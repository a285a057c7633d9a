import { Loading } from '../../ui/Loading';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { Link } from '../../ui/router';
import { usePlaybookLibrary } from './library';

const kindKey: Record<string, keyof typeof messages> = { flood: 'playbook.kind.flood', fire: 'playbook.kind.fire' };

export function playbookKindKey(kind: string): keyof typeof messages {
  return kindKey[kind] ?? 'playbook.kind.other';
}

/** The playbooks on this device (shipped and imported), with kind, language and version. */
export function PlaybookList() {
  const t = useText(messages);
  const library = usePlaybookLibrary();
  if (library === undefined) return <Loading />;
  if (library.length === 0) return <p className="empty">{t('library.empty')}</p>;
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
