import { messages as reportMessages } from '../../domain/report/messages';
import { useMemo, useState } from 'react';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import type { IncidentState } from '../../domain/incident';
import type { Playbook } from '../../domain/playbook/schema';
import { buildReport, REPORT_LANGUAGES, sealOf, type Report, type ReportInput, type ReportLanguage } from '../../domain/report';
import { askCountersignature } from './countersign';
import { usePlaybook } from '../playbooks';
import { canShareFiles, downloadFile, printHtml, shareFile } from './deliver';
import { EXPORT_KINDS, exportFile, zoneOffsetAt, type ExportKind } from './exports';
import { ExportList } from './ExportList';
import { PlaybookRunSummary } from './PlaybookRunSummary';
import { loadReportPhotos, photoHashesOf, useReportSources, type ReportSources } from './sources';
import './report.css';

interface ReportPanelProps {
  incident: IncidentState;
  /** The playbook the incident runs; its twin in the report's language is used when this device has it. */
  playbook: Playbook;
  /**
   * What the report is built from besides the incident, when it is not this device's own: head
   * office passes the branch's duty logs and previous drill. Absent: this device's duty log.
   */
  sources?: ReportSources | undefined;
}

/** The playbook in the report's language when this device has it, else the incident's own. */
function useReportPlaybook(playbook: Playbook, language: ReportLanguage): { playbook: Playbook; translated: boolean } {
  const twin = usePlaybook(playbook.id, language);
  if (playbook.language === language) return { playbook, translated: true };
  return twin.status === 'ready' ? { playbook: twin.playbook, translated: true } : { playbook, translated: twin.status === 'loading' };
}

function reportInput(incident: IncidentState, playbook: Playbook, sources: ReportSources, language: ReportLanguage, now: number): ReportInput {
  const start = incident.declared?.at ?? now;
  return {
    incidentId: incident.id,
    events: incident.timeline,
    dutyEvents: sources.dutyEvents,
    ...(sources.handedOver ? { handedOver: sources.handedOver } : {}),
    ...(sources.previousDrill ? { previousDrill: sources.previousDrill } : {}),
    playbook,
    language,
    timeZoneOffsetMinutes: zoneOffsetAt(start),
    generatedAt: now,
  };
}

function ReportSummary({ report }: { report: Report }) {
  const t = useText(messages, reportMessages);
  const ui = useSession((s) => s.language);
  const c = report.steps.counts;
  return (
    <>
      <PlaybookRunSummary run={report.summary.playbookRun} language={ui} />
      <p data-testid="report-summary">
        {t('report.summary', { done: c.done, total: c.total, entries: report.dutyLog.entries.length, events: report.integrity.eventCount })}
      </p>
      {report.drill ? (
        <p className="card-meta">
          {report.drill.previous
            ? t('report.previousDrill', { title: report.drill.previous.title, time: report.drill.previous.startText })
            : t('report.noPreviousDrill')}
        </p>
      ) : null}
      <p className="card-meta">
        {t('report.hash')}
        <span className="report-hash" data-testid="report-hash">
          {report.integrity.finalHash}
        </span>
      </p>
    </>
  );
}

/**
 * The report tab of an incident: choose the report's language, print it, or export it as
 * printable HTML, Markdown, the ICS 214 activity log (CSV) or the full record (JSON), by
 * download or through the share sheet. Everything is built on this device from its events;
 * no network is needed.
 */
export function ReportPanel({ incident, playbook, sources: given }: ReportPanelProps) {
  const t = useText(messages, reportMessages);
  const ui = useSession((s) => s.language);
  const dutySite = useSession((s) => s.dutySite);
  const [language, setLanguage] = useState<ReportLanguage>(ui);
  const [problem, setProblem] = useState<string | null>(null);
  // The on-screen summary is judged at the moment the tab opened; each export reads the clock again.
  const [openedAt] = useState(() => Date.now());
  const own = useReportSources(incident, !given, dutySite);
  const sources = useMemo(() => (given ? ({ status: 'ready', ...given } as const) : own), [given, own]);
  const { playbook: reportPlaybook, translated } = useReportPlaybook(playbook, language);
  const preview = useMemo(() => {
    if (sources.status !== 'ready') return null;
    try {
      return { report: buildReport(reportInput(incident, reportPlaybook, sources, language, openedAt)) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [incident, reportPlaybook, sources, language, openedAt]);
  const shareable = useMemo(() => canShareFiles(), []);

  if (sources.status === 'loading') return <p className="empty">{t('report.loading')}</p>;
  if (sources.status === 'failed') return <p role="alert">{t('report.failed', { detail: sources.message })}</p>;
  // Each export reads the clock, then asks the server to countersign its report hash when it can.
  // Only the printable report embeds photos: they are read from this device for it alone.
  const fresh = async (kind: ExportKind) => {
    const photos = kind === 'html' ? await loadReportPhotos(photoHashesOf(incident.timeline)) : undefined;
    const input = { ...reportInput(incident, reportPlaybook, sources, language, Date.now()), ...(photos ? { photos } : {}) };
    const countersign = kind === 'csv' ? undefined : await askCountersignature(sealOf(input).reportHash);
    return exportFile(kind, countersign === undefined ? input : { ...input, countersign }, incident.declared?.at ?? openedAt);
  };
  const run = (action: () => void | Promise<unknown>) => {
    setProblem(null);
    try {
      const pending = action();
      if (pending) pending.catch((e: unknown) => setProblem(t('report.shareFailed', { detail: e instanceof Error ? e.message : String(e) })));
    } catch (e) {
      setProblem(t('report.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section className="stack" data-testid="report-panel" aria-labelledby="report-heading">
      <h2 id="report-heading">{t('title.real')}</h2>
      <p>{t('report.intro', { count: incident.eventCount })}</p>
      <label className="field">
        <span>{t('report.language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)} data-testid="report-language">
          {REPORT_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`report.language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {translated ? null : <p className="card-meta">{t('report.otherLanguagePlaybook')}</p>}
      {preview && 'report' in preview && preview.report ? <ReportSummary report={preview.report} /> : null}
      {preview && 'error' in preview ? <p role="alert">{t('report.failed', { detail: preview.error ?? '' })}</p> : null}
      {problem ? (
        <p role="alert" className="callout report-status bad">
          {problem}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          data-testid="report-print"
          onClick={() => run(async () => printHtml((await fresh('html')).text, t('title.real')))}
        >
          {t('report.print')}
        </button>
      </div>
      <h3>{t('report.formats')}</h3>
      <ExportList
        kinds={EXPORT_KINDS}
        onDownload={(kind) => run(async () => downloadFile(await fresh(kind)))}
        onShare={shareable ? (kind) => run(async () => shareFile(await fresh(kind), t('title.real'))) : undefined}
      />
      <p>
        <Link href="/reports/view">{t('report.openFile')}</Link>
      </p>
    </section>
  );
}
