import { useState, type ChangeEvent } from 'react';
import { CHANGE_NOTE_MAX, mayPublish, type PublishedPlaybook, type PublishedPlaybookInfo, type PublishRefusal } from '../../domain/playbook-publish';
import { diffPlaybooks } from '../../domain/playbook/diff';
import { textIn } from '../../domain/playbook/readable';
import { compareSemver } from '../../domain/semver';
import { isRecord } from '../../domain/validation';
import { publishPlaybook } from '../../sync';
import { appDb } from '../../storage';
import { Link, navigate } from '../../ui/router';
import { formatDateTime } from '../../ui/date-time';
import { useLanguage, useText } from '../../ui/text';
import { useDeviceRole } from '../sync';
import { hashOf, publishedBody, type DraftEditor } from './drafts';
import { messages } from './messages';

type Stage =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'done'; published: PublishedPlaybookInfo }
  | { step: 'refused'; refusal: PublishRefusal }
  | { step: 'failed'; message: string; offline: boolean };

/** The next patch version after `version` ("1.2.3" → "1.2.4"); a pre-release or build part is dropped. */
export function nextPatch(version: string): string {
  const [major = '1', minor = '0', patch = '0'] = version.split(/[-+]/)[0]?.split('.') ?? [];
  return `${major}.${minor}.${Number(patch) + 1}`;
}

/**
 * The version a draft is published as: its own when it is already above the version it must
 * pass, else the next patch after that one, so every phone's "newer version wins" picks it.
 */
export function publishVersion(draftVersion: unknown, mustPass: string | undefined): string {
  const own = typeof draftVersion === 'string' ? draftVersion : '1.0.0';
  if (mustPass === undefined) return own;
  try {
    return compareSemver(own, mustPass) > 0 ? own : nextPatch(mustPass);
  } catch {
    return nextPatch(mustPass);
  }
}

/**
 * Check and publish: what the validator still finds, whether this device may publish, the
 * change note, and the outcome. A publish from an old base is refused by the server and shown
 * here with what differs, so the officer decides knowingly. Also export, import and discard.
 */
export function PublishPanel({ editor, errors }: { editor: DraftEditor; errors: number }) {
  const t = useText(messages);
  const language = useLanguage();
  const role = useDeviceRole();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const base = editor.base;
  const version = publishVersion(textIn(editor.body, 'version'), base?.version);

  async function publish(overBase = base) {
    if (note.trim() === '') {
      setNoteMissing(true);
      document.getElementById('ed-publish-note')?.focus();
      return;
    }
    setStage({ step: 'busy' });
    const body = { ...(isRecord(editor.body) ? editor.body : {}), version: publishVersion(textIn(editor.body, 'version'), overBase?.version) };
    const outcome = await publishPlaybook({ playbook: body, baseRevision: overBase?.revision ?? null, note: note.trim(), language });
    if (outcome.ok) {
      await editor.discard();
      setStage({ step: 'done', published: outcome.published });
    } else if ('refusal' in outcome) setStage({ step: 'refused', refusal: outcome.refusal });
    else
      setStage({
        step: 'failed',
        offline: outcome.problem === 'offline',
        message:
          outcome.problem === 'not-enrolled'
            ? t('editor.publish.notEnrolled')
            : outcome.problem === 'offline'
              ? t('editor.publish.offline')
              : t('editor.publish.failed', { detail: outcome.message }),
      });
  }

  if (stage.step === 'done') {
    const p = stage.published;
    return (
      <div className="ok-box" role="status" data-testid="publish-done">
        <p>{t('editor.publish.done', { title: p.title, revision: p.revision, version: p.version })}</p>
        <Link className="button primary" href={`/playbooks/${encodeURIComponent(p.id)}/${encodeURIComponent(p.language)}`}>
          {t('editor.publish.open')}
        </Link>
      </div>
    );
  }

  return (
    <>
      <section className="ed-publish" aria-labelledby="ed-publish-title">
        <h3 id="ed-publish-title">{t('editor.publish.title')}</h3>
        {errors > 0 ? (
          <p className="error-box" role="status">
            {t('editor.publish.fixFirst', { count: errors })}
          </p>
        ) : null}
        {role === 'member' ? (
          <p className="callout" role="status" data-testid="publish-not-editor">
            {t('editor.publish.notEditor')}
          </p>
        ) : null}
        <p>{base ? t('editor.publish.as', { version, base: `${base.version} (#${base.revision})` }) : t('editor.publish.asNew', { version })}</p>
        <div className="field">
          <label htmlFor="ed-publish-note">{t('editor.publish.note')}</label>
          <p className="ed-hint" id="ed-publish-note-hint">
            {t('editor.publish.noteHint')}
          </p>
          <textarea
            id="ed-publish-note"
            rows={2}
            maxLength={CHANGE_NOTE_MAX}
            value={note}
            aria-describedby={noteMissing ? 'ed-publish-note-hint ed-publish-note-missing' : 'ed-publish-note-hint'}
            aria-invalid={noteMissing || undefined}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteMissing(false);
            }}
          />
          {noteMissing ? (
            <p className="ed-issue error" id="ed-publish-note-missing">
              {t('editor.publish.noteMissing')}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="button primary"
          data-testid="publish"
          disabled={errors > 0 || stage.step === 'busy' || (role !== null && !mayPublish(role))}
          onClick={() => void publish()}
        >
          {stage.step === 'busy' ? t('editor.publish.busy') : t('editor.publish.button')}
        </button>
        <div aria-live="polite" data-testid="publish-result">
          {stage.step === 'failed' ? (
            <p className="error-box" role="alert">
              {stage.message}
            </p>
          ) : null}
          {stage.step === 'refused' ? <Refusal refusal={stage.refusal} editor={editor} onPublishOver={(over) => void publish(over)} /> : null}
        </div>
      </section>
      <FileTools editor={editor} />
      <Discard editor={editor} />
    </>
  );

  function Refusal({ refusal, onPublishOver }: { refusal: PublishRefusal; editor: DraftEditor; onPublishOver: (base: DraftEditor['base']) => void }) {
    if (refusal.code === 'not-editor')
      return (
        <p className="error-box" role="alert">
          {t('editor.publish.notEditor')}
        </p>
      );
    if (refusal.code === 'invalid')
      return (
        <div className="error-box" role="alert">
          <p>{t('editor.publish.invalid')}</p>
          <ul className="issues">
            {refusal.issues.map((issue, i) => (
              <li key={i}>
                <code>{issue.path}</code> {issue.place ? `· ${issue.place}` : null}
                <br />
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      );
    return <Stale current={refusal.current} onPublishOver={onPublishOver} />;
  }

  function Stale({ current, onPublishOver }: { current: PublishedPlaybook; onPublishOver: (base: DraftEditor['base']) => void }) {
    const changes = diffPlaybooks(current.playbook, editor.body, 100);
    const currentBase = { revision: current.revision, version: current.version, hash: current.hash };
    const show = (v: unknown): string => (v === undefined ? t('editor.stale.absent') : typeof v === 'string' ? v : JSON.stringify(v));
    return (
      <div className="confirm-box" role="alert" data-testid="publish-stale">
        <p>
          {t('editor.stale.title', {
            by: current.publishedBy,
            revision: current.revision,
            version: current.version,
            time: formatDateTime(language, Date.parse(current.publishedAt)),
          })}
        </p>
        <p>{t('editor.stale.note', { note: current.note })}</p>
        <p>{t('editor.stale.differs', { count: changes.length, more: changes.length >= 100 })}</p>
        <ul className="ed-diff">
          {changes.map((c, i) => {
            return (
              <li key={i}>
                <code>{c.path}</code>
                <dl>
                  <dt>{t('editor.stale.theirs')}</dt>
                  <dd>{show(c.before)}</dd>
                  <dt>{t('editor.stale.mine')}</dt>
                  <dd>{show(c.after)}</dd>
                </dl>
              </li>
            );
          })}
        </ul>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            data-testid="publish-over"
            onClick={() => {
              editor.rebase(currentBase);
              onPublishOver(currentBase);
            }}
          >
            {t('editor.stale.publishMine')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              editor.rebase(currentBase);
              editor.change(current.playbook);
              setStage({ step: 'idle' });
            }}
          >
            {t('editor.stale.takeTheirs')}
          </button>
        </div>
      </div>
    );
  }
}

function download(name: string, body: unknown): void {
  const blob = new Blob([`${JSON.stringify(body, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Export the draft or the published version as the file `npm run validate` checks; import a file into the draft. */
function FileTools({ editor }: { editor: DraftEditor }) {
  const t = useText(messages);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = textIn(editor.body, 'id') ?? editor.draft.playbookId;
  const lang = textIn(editor.body, 'language') ?? editor.draft.language;
  const base = editor.base;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      setMessage({ ok: false, text: t('editor.file.notPlaybook', { file: file.name, detail: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    if (!isRecord(parsed)) {
      setMessage({ ok: false, text: t('editor.file.notPlaybook', { file: file.name, detail: t('editor.file.notObject') }) });
      return;
    }
    const { $schema: _pointer, ...body } = parsed;
    editor.change(body);
    setMessage({ ok: true, text: t('editor.file.imported', { file: file.name }) });
  }

  return (
    <section className="ed-file" aria-labelledby="ed-file-title">
      <h3 id="ed-file-title">{t('editor.file.title')}</h3>
      <div className="button-row">
        <button type="button" className="button" data-testid="export-draft" onClick={() => download(`${id}.${lang}.json`, editor.body)}>
          {t('editor.file.export')}
        </button>
        {base ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void publishedBody(appDb(), editor.draft.playbookId, editor.draft.language).then(
                (body) => body !== undefined && download(`${id}.${lang}.r${base.revision}.json`, body),
              )
            }
          >
            {t('editor.file.exportPublished', { revision: base.revision })}
          </button>
        ) : null}
        <label className="file-pick button">
          <input className="visually-hidden" type="file" accept=".json,application/json" data-testid="import-into-draft" onChange={(e) => void onFile(e)} />
          {t('editor.file.import')}
        </label>
      </div>
      {message ? (
        <p className={message.ok ? 'ok-box' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      {/* The hash lets someone compare the file with what a phone holds. */}
      <p className="ed-hash">
        SHA-256: <code>{hashOf(editor.body)}</code>
      </p>
    </section>
  );
}

function Discard({ editor }: { editor: DraftEditor }) {
  const t = useText(messages);
  const [asking, setAsking] = useState(false);
  return (
    <section className="ed-discard">
      {asking ? (
        <div className="confirm-box" role="alertdialog" aria-labelledby="ed-discard-q">
          <p id="ed-discard-q">{t('editor.discard.confirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              data-testid="discard-confirm"
              onClick={() => void editor.discard().then(() => navigate('/playbooks'))}
            >
              {t('editor.discard.yes')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('editor.discard.no')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" data-testid="discard" onClick={() => setAsking(true)}>
          {t('editor.discard.button')}
        </button>
      )}
    </section>
  );
}
