import { useT } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { shippedPlaybooks } from './catalogue';

const kindKey: Record<string, MessageKey> = { flood: 'playbook.kind.flood', fire: 'playbook.kind.fire' };

export function playbookKindKey(kind: string): MessageKey {
  return kindKey[kind] ?? 'playbook.kind.other';
}

/** The playbooks on this device, with kind, language and version. */
export function PlaybookList() {
  const t = useT();
  if (shippedPlaybooks.length === 0) return <p className="empty">{t('home.playbooks.empty')}</p>;
  return (
    <ul className="cards" data-testid="playbook-list">
      {shippedPlaybooks.map((p) => (
        <li key={p.file} className={`card kind-${p.kind}`}>
          <span className="card-title" lang={p.language}>
            {p.title}
          </span>
          <span className="card-meta">{t('playbook.meta', { kind: t(playbookKindKey(p.kind)), language: p.language, version: p.version })}</span>
        </li>
      ))}
    </ul>
  );
}
