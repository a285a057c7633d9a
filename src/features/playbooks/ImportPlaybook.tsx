import { messages as uiMessages } from '../../ui/messages';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { speaker, type Language } from '../../domain/text';
import { useLanguage, useText } from '../../ui/text';
import { Link, navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import type { PlaybookIssue } from '../../domain/playbook/check';
import type { OtherFile } from '../../domain/playbook/other-file';
import { acceptImport, checkImport, downloadPlaybook, DownloadError, type ImportCheck } from './importPlaybook';
import { messages } from './messages';

type Stage =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'checked'; check: ImportCheck }
  | { step: 'failed'; message: string }
  | { step: 'saved'; title: string; id: string; language: string; warnings: PlaybookIssue[] };

/**
 * The validator's findings, one a line: where in the file (line and column, for the editor the
 * file was written in), the JSON path, the place in the file's own words, and what is wrong.
 * In the app's current language unless given (tests).
 */
export function IssueList({ issues, testId, language }: { issues: readonly PlaybookIssue[]; testId?: string; language?: Language }) {
  const current = useLanguage();
  const t = speaker(language ?? current, messages);
  return (
    <ul className="issues" data-testid={testId}>
      {issues.map((issue, i) => (
        <li key={i}>
          {issue.line !== undefined && issue.column !== undefined ? (
            <span className="issue-at">{t('import.issues.at', { line: issue.line, column: issue.column })} · </span>
          ) : null}
          <code>{issue.path || t('import.issues.wholeFile')}</code>
          {issue.place ? <span className="issue-place"> · {issue.place}</span> : null}
          <br />
          <span className="issue-message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** What each kind of other file is called in "it looks like …". */
const LOOKS_LIKE = {
  events: 'import.looksLike.events',
  'json-schema': 'import.looksLike.jsonSchema',
  html: 'import.looksLike.html',
  csv: 'import.looksLike.csv',
  markdown: 'import.looksLike.markdown',
  pdf: 'import.looksLike.pdf',
  image: 'import.looksLike.image',
  zip: 'import.looksLike.zip',
} as const;

/** The address of the screen that opens an exported incident record (App.tsx). */
const REPORT_VIEWER = '/reports/view';

/**
 * A file that is clearly something else than a playbook, said in one line instead of the
 * fields a playbook would need: an exported incident report with the way to the report
 * viewer, anything else as "it looks like …". In the app's language unless given (tests).
 */
export function NotAPlaybook({ fileName, other, language }: { fileName: string; other: OtherFile; language?: Language }) {
  const current = useLanguage();
  const t = speaker(language ?? current, messages);
  const what =
    other.kind === 'incident-report'
      ? null
      : other.kind === 'muster-file'
        ? t('import.looksLike.musterFile', { format: other.format })
        : other.kind === 'events' && other.duty
          ? t('import.looksLike.dutyLog')
          : t(LOOKS_LIKE[other.kind]);
  return (
    <div role="alert" className="error-box" data-testid="import-not-a-playbook" data-kind={other.kind}>
      {what === null ? (
        <>
          <p>{t('import.notAPlaybook.report', { file: fileName })}</p>
          <p>
            <Link className="button primary" href={REPORT_VIEWER} data-testid="open-report-viewer">
              {t('import.notAPlaybook.openViewer')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('import.notAPlaybook', { file: fileName, what })}</p>
          <p>{t('import.notAPlaybook.hint')}</p>
        </>
      )}
      <p>{t('import.nothingChanged')}</p>
    </div>
  );
}

/** Warnings beside an import: the file is (or may be) imported all the same. */
function ImportWarnings({ warnings, saved }: { warnings: readonly PlaybookIssue[]; saved?: boolean }) {
  const t = useText(messages);
  if (warnings.length === 0) return null;
  return (
    <div className="callout" role="status" data-testid="import-warnings">
      <p className="label">
        {saved ? t('import.issues.savedWithWarnings', { count: warnings.length }) : t('import.issues.warnings', { count: warnings.length })}
      </p>
      <IssueList issues={warnings} />
    </div>
  );
}

/**
 * Import a playbook from a file on the device or from a URL. It is validated first; an invalid
 * file is refused with the validator's messages, and a newer version of a playbook already on
 * the device replaces it only after the user confirms. Warnings never stop an import: they are
 * listed apart from the errors, before the user decides and after the file is stored.
 */
export function ImportPlaybook() {
  const t = useText(messages, uiMessages);
  const tIssues = useText(messages);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [url, setUrl] = useState('');

  async function check(bytes: Uint8Array, fileName: string) {
    const result = await checkImport(bytes, fileName, useSession.getState().language);
    if (result.kind === 'new') await save(result.playbook, result.warnings);
    else setStage({ step: 'checked', check: result });
  }

  async function save(playbook: Extract<ImportCheck, { playbook: unknown }>['playbook'], warnings: PlaybookIssue[]) {
    try {
      await acceptImport(playbook);
      setStage({ step: 'saved', title: playbook.title, id: playbook.id, language: playbook.language, warnings });
    } catch (e) {
      setStage({ step: 'failed', message: t('import.error.store', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setStage({ step: 'busy' });
    await check(new Uint8Array(await file.arrayBuffer()), file.name);
  }

  async function onUrl(e: FormEvent) {
    e.preventDefault();
    setStage({ step: 'busy' });
    try {
      const { bytes, fileName } = await downloadPlaybook(url.trim());
      await check(bytes, fileName);
    } catch (err) {
      const reason = err instanceof DownloadError ? err.reason : 'network';
      const detail = err instanceof Error ? err.message : String(err);
      const key =
        reason === 'status'
          ? 'import.error.status'
          : reason === 'too-large'
            ? 'import.error.tooLarge'
            : reason === 'bad-url'
              ? 'import.error.badUrl'
              : 'import.error.network';
      setStage({ step: 'failed', message: t(key, { detail: err instanceof DownloadError ? err.detail : detail }) });
    }
  }

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p>{t('import.hint')}</p>
      {/* The native picker's own label is in the browser's language, so it is hidden behind ours. */}
      <label className="file-pick button primary">
        <input className="visually-hidden" type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void onFile(e)} />
        {t('import.fromFile')}
      </label>
      <form className="url-form" onSubmit={(e) => void onUrl(e)}>
        <label htmlFor="import-url">{t('import.fromUrl')}</label>
        <div className="url-row">
          <input
            id="import-url"
            type="url"
            inputMode="url"
            required
            placeholder="https://…/playbook.json"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button">
            {t('form.download')}
          </button>
        </div>
      </form>

      <div aria-live="polite" data-testid="import-result">
        {stage.step === 'busy' ? <p>{t('import.checking')}</p> : null}
        {stage.step === 'failed' ? (
          <p role="alert" className="error-box">
            {stage.message}
          </p>
        ) : null}
        {stage.step === 'saved' ? (
          <div className="ok-box" role="status">
            <p>{t('import.saved', { title: stage.title })}</p>
            <Link href={`/playbooks/${encodeURIComponent(stage.id)}/${encodeURIComponent(stage.language)}`}>{t('import.open')}</Link>
          </div>
        ) : null}
        {stage.step === 'saved' ? <ImportWarnings warnings={stage.warnings} saved /> : null}
        {stage.step === 'checked' && stage.check.kind === 'invalid' ? (
          <>
            <div role="alert" className="error-box" data-testid="import-errors">
              <p>{t('import.invalid', { file: stage.check.fileName, count: stage.check.issues.length })}</p>
              <p className="label">{tIssues('import.issues.errors', { count: stage.check.issues.length })}</p>
              <IssueList issues={stage.check.issues} />
              <p>{t('import.nothingChanged')}</p>
            </div>
            <ImportWarnings warnings={stage.check.warnings} />
          </>
        ) : null}
        {stage.step === 'checked' && stage.check.kind === 'not-a-playbook' ? <NotAPlaybook fileName={stage.check.fileName} other={stage.check.other} /> : null}
        {stage.step === 'checked' && stage.check.kind === 'newer' ? (
          <div className="confirm-box" role="alertdialog" aria-labelledby="replace-q">
            <p id="replace-q">
              {t('import.confirmReplace', { title: stage.check.playbook.title, from: stage.check.currentVersion, to: stage.check.playbook.version })}
            </p>
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                data-testid="import-confirm"
                onClick={() => stage.check.kind === 'newer' && void save(stage.check.playbook, stage.check.warnings)}
              >
                {t('import.replace')}
              </button>
              <button type="button" className="button" onClick={() => setStage({ step: 'idle' })}>
                {t('form.cancel')}
              </button>
            </div>
            <ImportWarnings warnings={stage.check.warnings} />
          </div>
        ) : null}
        {stage.step === 'checked' && stage.check.kind === 'not-newer' ? (
          <p role="alert" className="error-box">
            {t('import.notNewer', { title: stage.check.playbook.title, version: stage.check.playbook.version, current: stage.check.currentVersion })}
          </p>
        ) : null}
      </div>
      <p>
        <button type="button" className="link-button" onClick={() => navigate('/playbooks')}>
          {t('reader.backToLibrary')}
        </button>
      </p>
    </>
  );
}
