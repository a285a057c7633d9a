import { useState } from 'react';
import { languageOfTag, speaker } from '../../domain/text';
import { appDb } from '../../storage';
import { navigate } from '../../ui/router';
import { useLanguage, useText } from '../../ui/text';
import { Loading } from '../../ui/Loading';
import { playbookMessages, usePlaybookLibrary } from '../playbooks';
import { draftFromCopy, draftFromTemplate } from './drafts';
import { DraftList } from './links';
import { messages } from './messages';
import './editor.css';

/** The kinds a blank template exists for; a campaign starts as a copy of a shipped one. */
const TEMPLATE_KINDS = ['flood', 'fire', 'other'] as const;

/** "New playbook": from the blank template, or as a copy of a playbook on the device to adapt. */
export function NewPlaybook() {
  const t = useText(messages, playbookMessages);
  const language = useLanguage();
  const library = usePlaybookLibrary();
  const [failed, setFailed] = useState<string | null>(null);
  const go = (made: Promise<string | undefined>) =>
    void made.then(
      (to) => (to ? navigate(to) : setFailed(t('editor.notFound'))),
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
  return (
    <>
      <h1>{t('editor.new.title')}</h1>
      <p>{t('editor.new.hint')}</p>
      {failed ? (
        <p role="alert" className="error-box">
          {failed}
        </p>
      ) : null}
      <h2>{t('editor.new.template')}</h2>
      <div className="button-row">
        {TEMPLATE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button"
            data-testid={`new-from-template-${kind}`}
            onClick={() => go(draftFromTemplate(appDb(), kind, language, Date.now()))}
          >
            {t('editor.new.fromTemplate', { kind: t(`playbook.kind.${kind}`) })}
          </button>
        ))}
      </div>
      <h2>{t('editor.new.copies')}</h2>
      {library === undefined ? (
        <Loading />
      ) : (
        <ul className="ed-copies">
          {library.map((p) => (
            <li key={`${p.id}:${p.language}`}>
              <button
                type="button"
                className="link-button"
                lang={p.language}
                onClick={() =>
                  go(
                    draftFromCopy(
                      appDb(),
                      p.id,
                      p.language,
                      (title) => speaker(languageOfTag(p.language), messages)('editor.new.copyTitle', { title }),
                      Date.now(),
                    ),
                  )
                }
              >
                {t('editor.new.copy', { title: p.title })}
              </button>{' '}
              <span className="card-meta">
                {p.id} · {p.language} · {p.version}
              </span>
            </li>
          ))}
        </ul>
      )}
      <DraftList />
    </>
  );
}
