import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { validatePlaybook, type PlaybookIssue } from '../../domain/playbook/check';
import { playbookForm, formField } from '../../domain/playbook/form';
import { parsePath } from '../../domain/playbook/json-path';
import { textIn } from '../../domain/playbook/readable';
import { isRecord } from '../../domain/validation';
import type { PlaybookDraft } from '../../storage/db';
import { appDb } from '../../storage';
import { Loading } from '../../ui/Loading';
import { Link, navigate } from '../../ui/router';
import { formatDateTime } from '../../ui/date-time';
import { useLanguage, useText } from '../../ui/text';
import { useAsync } from '../../ui/use-async';
import { ErrorBoundary, ScreenError } from '../../ui/ScreenError';
import { fieldDomId, setAt, type Path } from './draft-ops';
import { openDraft, useDraftEditor, type DraftEditor } from './drafts';
import { EditorContext, Field, type EditorContextValue } from './Fields';
import { Preview, type PreviewFloor } from './Preview';
import { PublishPanel } from './PublishPanel';
import { isSectionId, itemsOnTheWay, sectionOf, SECTIONS, type SectionId } from './sections';
import { messages } from './messages';
import './editor.css';

/**
 * The safety officer's editor: `/playbooks/<id>/edit?lang=…`. Opens the device's draft of that
 * playbook (or starts one from the copy the device holds) and edits it section by section,
 * offline. The validator of `npm run validate` runs on every change; its messages sit at the
 * fields they concern and in a summary that links to each.
 */
export function PlaybookEditor({ playbookId, language, section }: { playbookId: string; language: string; section: string | null }) {
  const t = useText(messages);
  const uiLanguage = useLanguage();
  const lang = language || uiLanguage;
  const draft = useAsync(() => openDraft(appDb(), playbookId, lang, Date.now()), [playbookId, lang]);
  if (draft.status === 'loading') return <Loading />;
  if (draft.status === 'failed') return <ScreenError error={draft.error} />;
  if (!draft.value)
    return (
      <>
        <p role="alert" className="error-box">
          {t('editor.notFound')}
        </p>
        <Link className="button" href="/playbooks/new">
          {t('editor.new.title')}
        </Link>
      </>
    );
  return <DraftScreen key={draft.value.draftId} draft={draft.value} section={isSectionId(section) ? section : 'plan'} />;
}

function DraftScreen({ draft, section }: { draft: PlaybookDraft; section: SectionId }) {
  const editor = useDraftEditor(draft);
  const language = useLanguage();
  const t = useText(messages);
  const doc = useDeferredValue(editor.body);
  const check = useMemo(() => validatePlaybook(doc, { language }), [doc, language]);
  const issues = useMemo(() => [...(check.ok ? [] : check.issues), ...check.warnings], [check]);
  const byPath = useMemo(() => {
    const map = new Map<string, PlaybookIssue[]>();
    for (const issue of issues) map.set(issue.path, [...(map.get(issue.path) ?? []), issue]);
    return map;
  }, [issues]);
  const errors = issues.filter((i) => i.severity === 'error');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = useState<string | null>(null);
  // Where the last "go to this issue" points; focused once the section and items are drawn.
  const focusTarget = useRef<string | null>(null);
  const [previewFloor, setPreviewFloor] = useState<PreviewFloor | null>(null);

  const toggle = (path: string, force?: boolean) => {
    setOpen((current) => {
      const next = new Set(current);
      const willOpen = force ?? !next.has(path);
      if (willOpen) next.add(path);
      else next.delete(path);
      return next;
    });
    const m = /^buildings\[(\d+)\]\.floors\[(\d+)\]$/.exec(path);
    if (m) setPreviewFloor({ b: Number(m[1]), f: Number(m[2]) });
  };

  const ctx: EditorContextValue = {
    doc: editor.body,
    language,
    t,
    set: (path: Path, value: unknown, typing = false) => {
      editor.change(setAt(editor.body, path, value), typing ? path : undefined);
      const floor = floorIn(path);
      if (floor) setPreviewFloor(floor);
    },
    replace: (next: unknown, note?: string) => {
      editor.change(next);
      setAnnounce(note ?? null);
    },
    issuesAt: (path) => byPath.get(path) ?? [],
    errorsUnder: (path) => errors.filter((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)).length,
    isOpen: (path) => open.has(path),
    toggle,
  };

  /** Opens the section and every list item on the way to an issue's field, then focuses it. */
  const goTo = (path: string) => {
    const target = sectionOf(path);
    for (const item of itemsOnTheWay(path)) toggle(item, true);
    focusTarget.current = path;
    setOpen((current) => new Set(current));
    if (target !== section) navigate(sectionHref(target), { replace: true });
  };

  useEffect(() => {
    if (focusTarget.current === null) return;
    // The field, or the nearest thing around it that is drawn (a field the form does not know).
    const segments = parsePath(focusTarget.current);
    focusTarget.current = null;
    for (let n = segments.length; n >= 0; n--) {
      const el = document.getElementById(fieldDomId(segments.slice(0, n)));
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        break;
      }
    }
  });

  const title = textIn(editor.body, 'title') || t('editor.untitled');
  const form = playbookForm();
  // The campaign section is for a playbook of kind campaign (or one that already holds the block).
  const hasCampaign = textIn(editor.body, 'kind') === 'campaign' || (isRecord(editor.body) && editor.body.campaign !== undefined);
  const sectionErrors = (id: SectionId) => errors.filter((i) => sectionOf(i.path) === id).length;
  return (
    <EditorContext.Provider value={ctx}>
      <div className={section === 'buildings' ? 'ed-screen with-preview' : 'ed-screen'}>
        <header className="ed-head">
          <h1>{t('editor.title', { title })}</h1>
          <p className="ed-note">{t('editor.draftNote')}</p>
          <div className="ed-toolbar">
            <SaveStatus editor={editor} />
            <span className="button-row">
              <button
                type="button"
                className="button"
                disabled={!editor.canUndo}
                onClick={() => {
                  editor.undo();
                  setAnnounce(null);
                }}
              >
                {t('editor.undo')}
              </button>
              <button type="button" className="button" disabled={!editor.canRedo} onClick={() => editor.redo()}>
                {t('editor.redo')}
              </button>
            </span>
          </div>
          {announce ? (
            <p className="ed-announce" role="status">
              {announce}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  editor.undo();
                  setAnnounce(null);
                }}
              >
                {t('editor.undo')}
              </button>
            </p>
          ) : null}
          <nav aria-label={t('editor.sections')} className="ed-sections">
            {[...SECTIONS.map((s) => s.id).filter((id) => id !== 'campaign' || hasCampaign), 'publish' as const].map((id) => {
              const count = id === 'publish' ? 0 : sectionErrors(id);
              return (
                <Link
                  key={id}
                  href={sectionHref(id)}
                  className={id === section ? 'ed-section current' : 'ed-section'}
                  aria-current={id === section ? 'page' : undefined}
                >
                  {t(`editor.section.${id}`)}
                  {count > 0 ? <span className="ed-section-errors"> · {t('editor.sectionErrors', { count })}</span> : null}
                </Link>
              );
            })}
          </nav>
          <IssueSummary issues={issues} onGo={goTo} />
        </header>
        <ErrorBoundary resetKey={section} fallback={(error) => <ScreenError error={error} level={2} />}>
          <div className="ed-main" data-testid={`editor-section-${section}`}>
            <h2>{t(`editor.section.${section}`)}</h2>
            {section === 'publish' ? (
              <PublishPanel editor={editor} errors={errors.length} />
            ) : (
              SECTIONS.find((s) => s.id === section)?.fields.map((name) => {
                const node = formField(form, name);
                return node ? <Field key={name} node={node} path={[name]} /> : null;
              })
            )}
          </div>
          {section === 'buildings' ? <Preview ctx={ctx} floor={previewFloor} onChoose={setPreviewFloor} /> : null}
        </ErrorBoundary>
      </div>
    </EditorContext.Provider>
  );

  function sectionHref(id: SectionId): string {
    const url = new URL(window.location.href);
    url.searchParams.set('section', id);
    return `${url.pathname}${url.search}`;
  }
}

function floorIn(path: Path): PreviewFloor | null {
  const [a, b, c, f] = path;
  return a === 'buildings' && typeof b === 'number' && c === 'floors' && typeof f === 'number' ? { b, f } : null;
}

function SaveStatus({ editor }: { editor: DraftEditor }) {
  const t = useText(messages);
  const language = useLanguage();
  const save = editor.save;
  return (
    <p className={save.state === 'failed' ? 'ed-save error-box' : 'ed-save'} role={save.state === 'failed' ? 'alert' : 'status'} data-testid="draft-save">
      {save.state === 'saving'
        ? t('editor.saving')
        : save.state === 'saved'
          ? t('editor.saved', { time: formatDateTime(language, save.at) })
          : t('editor.saveFailed', { detail: save.message })}
    </p>
  );
}

/** Every error and warning, each a button to its field. */
function IssueSummary({ issues, onGo }: { issues: readonly PlaybookIssue[]; onGo: (path: string) => void }) {
  const t = useText(messages);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  if (issues.length === 0)
    return (
      <p className="ok-box ed-summary" role="status" data-testid="editor-summary">
        {t('editor.summary.ok')}
      </p>
    );
  return (
    <details className={errors ? 'ed-summary error-box' : 'ed-summary callout'} data-testid="editor-summary">
      <summary>{errors ? t('editor.summary.errors', { errors, warnings }) : t('editor.summary.warnings', { count: warnings })}</summary>
      <ul className="ed-summary-list">
        {issues.map((issue, i) => (
          <li key={i}>
            <button type="button" className="link-button ed-goto" onClick={() => onGo(issue.path)}>
              <strong>{issue.severity === 'error' ? t('editor.issue.error') : t('editor.issue.warning')}</strong>
              {' · '}
              {issue.place ?? (issue.path || t('editor.issue.wholePlaybook'))}
            </button>
            <span className="ed-summary-message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
