import { messages as reportMessages } from '../../domain/report/messages';
import { useMemo, useState } from 'react';
import { useText } from '../../ui/text';
import { useSession } from '../../ui/session';
import { stampTime } from '../../domain/hlc';
import type { Playbook } from '../../domain/playbook/schema';
import {
  buildReport,
  comparePlaybookRun,
  describeFileProblem,
  describeIntact,
  formatDateTime,
  readReportFile,
  renderReportHtml,
  REPORT_LANGUAGES,
  reportLabels,
  type ReportFileCheck,
  type ReportInput,
  type ReportLanguage,
} from '../../domain/report';
import { usePlaybook } from '../playbooks';
import { downloadFile, printHtml } from './deliver';
import { exportFile, type ExportKind } from './exports';
import { ExportList } from './ExportList';
import { PlaybookRunSummary } from './PlaybookRunSummary';
import { loadReportPhotos, photoHashesOf } from './sources';
import { useAsync } from '../../ui/use-async';
import './report.css';
import { messages } from './messages';

/** A report file larger than this is refused before it is read: 10,000 events are about 3 MB. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

type Opened = Extract<ReportFileCheck, { ok: true }>;

/** The playbook to word the report with: the file's own copy in the report's language, else this device's. */
function useViewerPlaybook(file: Opened | null, language: ReportLanguage): Playbook | null {
  const local = usePlaybook(file?.file.playbook.id ?? '', language);
  if (!file) return null;
  if (file.playbook && file.playbook.language === language) return file.playbook;
  if (local.status === 'ready') return local.playbook;
  return file.playbook;
}

/**
 * Opens an incident exported as JSON from any device and shows its report read-only, after
 * checking the file against its hash chain. The report is shown in a sandboxed frame that
 * runs nothing; it can be printed or exported again in either language. Offline.
 */
export function ReportViewer() {
  const t = useText(messages, reportMessages);
  const ui = useSession((s) => s.language);
  const [language, setLanguage] = useState<ReportLanguage>(ui);
  const [check, setCheck] = useState<ReportFileCheck | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const opened = check?.ok ? check : null;
  const playbook = useViewerPlaybook(opened, language);
  // The photos the file's notes name that this device holds (the file carries their hashes, not the images).
  const photos = useAsync(() => loadReportPhotos(opened ? photoHashesOf(opened.events) : []), [opened]);

  const input = useMemo((): ReportInput | null => {
    if (!opened || !playbook || photos.status === 'loading') return null;
    const { file, events } = opened;
    return {
      incidentId: file.incidentId,
      events,
      dutyEvents: events,
      playbook,
      language,
      timeZoneOffsetMinutes: file.timeZoneOffsetMinutes,
      generatedAt: Date.parse(file.exportedAt) || 0,
      // The file's own countersignature (or why it has none), so the report shown says it too.
      ...(opened.countersign === undefined ? {} : { countersign: opened.countersign }),
      ...(photos.status === 'ready' ? { photos: photos.value } : {}),
    };
  }, [opened, playbook, language, photos]);
  const view = useMemo(() => {
    if (!input) return null;
    try {
      return { html: renderReportHtml(buildReport(input)) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [input]);

  async function open(file: File | undefined): Promise<void> {
    setCheck(null);
    setReadError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setReadError(t('report.viewer.readFailed', { detail: `${file.size} bytes` }));
    try {
      setCheck(readReportFile(await file.text()));
    } catch (e) {
      setReadError(t('report.viewer.readFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  const labels = reportLabels(ui);
  const started = opened?.events.find((e) => e.type === 'incident.declared');
  const run = started?.type === 'incident.declared' && playbook ? comparePlaybookRun(started.payload, playbook) : null;
  const save = (kind: ExportKind) => input && downloadFile(exportFile(kind, input, started ? stampTime(started.hlc) : input.generatedAt));
  return (
    <section className="stack report-viewer" data-testid="report-viewer">
      <h1>{t('report.viewer.title')}</h1>
      <p>{t('report.viewer.intro')}</p>
      <label className="field">
        <span>{t('report.viewer.pick')}</span>
        <input type="file" accept="application/json,.json" data-testid="report-file" onChange={(e) => void open(e.target.files?.[0])} />
      </label>
      {readError ? <p role="alert">{readError}</p> : null}
      {check ? (
        <p role="status" className={`callout report-status ${check.ok ? 'ok' : 'bad'}`} data-testid="report-integrity">
          {check.ok ? describeIntact(check, labels).join(' ') : describeFileProblem(check.problem, labels)}
        </p>
      ) : null}
      {opened ? (
        <>
          <p className="card-meta">
            {t('report.viewer.exported', {
              id: opened.file.incidentId,
              playbook: opened.file.playbook.id,
              version: opened.file.playbook.version,
              time: formatDateTime(Date.parse(opened.file.exportedAt) || 0, opened.file.timeZoneOffsetMinutes),
            })}
          </p>
          {run ? <PlaybookRunSummary run={run} language={ui} /> : null}
          <p className="callout">{t('report.viewer.readOnly')}</p>
          {playbook ? null : <p role="alert">{t('report.viewer.noPlaybook', { id: opened.file.playbook.id })}</p>}
          <label className="field">
            <span>{t('report.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
              {REPORT_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`report.language.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      {view && 'error' in view ? <p role="alert">{t('report.failed', { detail: view.error ?? '' })}</p> : null}
      {view && 'html' in view && view.html ? (
        <>
          <div className="button-row">
            <button type="button" className="button primary" onClick={() => printHtml(view.html, t('title.real'))}>
              {t('report.print')}
            </button>
          </div>
          <ExportList kinds={['html', 'md', 'csv']} onDownload={save} />
          {/* sandbox="" : the report document runs no script and reaches nothing, whatever a forged file holds. */}
          <iframe className="report-frame" sandbox="" srcDoc={view.html} title={t('report.viewer.frame')} data-testid="report-view" />
        </>
      ) : null}
    </section>
  );
}
