import { useState, type FormEvent } from 'react';
import { campaignReportHtml, campaignTablesCsv, type CampaignSection, type CampaignState } from '../../domain/campaign';
import { messages as termMessages } from '../../domain/campaign/messages';
import type { MusterEvent } from '../../domain/event';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Item } from '../../domain/playbook/schema-common';
import type { Playbook } from '../../domain/playbook/schema';
import type { Language } from '../../domain/text';
import { formatDateTime } from '../../ui/date-time';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { handIn, setFindings } from './commands';
import { todayOnDevice } from './dates';
import { downloadFile, printHtml } from '../report';
import { campaignFileName } from './download';
import { messages } from './messages';
import { SummaryTables } from './SummaryTables';

/** The printable report as of now, in this device's time zone (called on a tap, never while rendering). */
function reportNow(state: CampaignState, playbook: Playbook, language: Language, events: readonly MusterEvent[]): string {
  const now = new Date();
  return campaignReportHtml(state, playbook, language, {
    events,
    today: todayOnDevice(now.getTime()),
    generatedAt: now.getTime(),
    offsetMinutes: -now.getTimezoneOffset(),
  });
}

/** One part of the written report: typed here, saved as one event, last word wins across devices. */
function FindingsSection({ streamId, item, saved, language }: { streamId: string; item: Item; saved: CampaignSection | undefined; language: string }) {
  const t = useText(messages, termMessages);
  const ui = useSession((s) => s.language);
  const savedText = saved?.text ?? '';
  const [draft, setDraft] = useState(savedText);
  const [base, setBase] = useState(savedText);
  const [busy, setBusy] = useState(false);
  // Text saved on another device shows here, unless this person is typing over it (state adjusted while rendering, as React advises).
  if (savedText !== base) {
    setBase(savedText);
    if (draft === base) setDraft(savedText);
  }
  const id = `findings-${item.id}`;
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await setFindings(streamId, item.id, draft.trim());
    setBusy(false);
  }
  return (
    <form className="stack findings-section" onSubmit={(e) => void save(e)} data-testid={`findings-${item.id}`}>
      <label className="field" htmlFor={id}>
        <span lang={language}>{item.title ?? item.text}</span>
      </label>
      {item.title ? (
        <p className="card-meta" lang={language} id={`${id}-hint`}>
          {item.text}
        </p>
      ) : null}
      <textarea
        id={id}
        className="findings-text"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        maxLength={TEXT_LIMITS.afterAction}
        aria-describedby={item.title ? `${id}-hint` : undefined}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || draft.trim() === savedText} data-testid="save-findings">
          {t('campaign.report.saveSection')}
        </button>
        <span className="card-meta" role="status">
          {saved ? t('campaignReport.recordedBy', { actor: saved.set.actor, time: formatDateTime(ui, saved.set.at) }) : t('campaignReport.emptySection')}
        </span>
      </div>
    </form>
  );
}

function HandIn({ state, playbook }: { state: CampaignState; playbook: Playbook }) {
  const t = useText(messages, termMessages);
  const ui = useSession((s) => s.language);
  const [to, setTo] = useState(playbook.campaign?.reportTo ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!to.trim()) return;
    setBusy(true);
    await handIn(state.streamId, to.trim(), note.trim() || undefined);
    setBusy(false);
  }
  const done = state.submitted;
  return (
    <section aria-labelledby="hand-in-h">
      <h2 id="hand-in-h">{t('campaign.report.handIn')}</h2>
      {done ? (
        <p className="ok-box" data-testid="handed-in">
          {t('campaignReport.submittedBy', { time: formatDateTime(ui, done.set.at), actor: done.set.actor, to: done.to })}
          {done.note ? ` — ${done.note}` : ''}
        </p>
      ) : null}
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('campaignReport.field.reportTo')}</span>
          <input value={to} onChange={(e) => setTo(e.target.value)} maxLength={TEXT_LIMITS.title} required />
        </label>
        <label className="field">
          <span>{t('campaign.report.handInNote')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={TEXT_LIMITS.note} />
        </label>
        <button type="submit" className="button primary" disabled={busy || !to.trim()} data-testid="hand-in">
          {t(done ? 'campaign.report.handInAgain' : 'campaign.report.markHandedIn')}
        </button>
      </form>
    </section>
  );
}

/**
 * What is handed in (seed plan part 2, 五): the written findings, one text per part the playbook
 * names; the two summary tables; the exports (a CSV per table, the printable report, which prints
 * to PDF); and the hand-in itself.
 */
export function ReportTab({ state, playbook, events }: { state: CampaignState; playbook: Playbook; events: readonly MusterEvent[] }) {
  const t = useText(messages, termMessages);
  const language = useSession((s) => s.language);
  const sections = playbook.campaign?.reportContents ?? [];
  const today = todayOnDevice();
  const report = () => reportNow(state, playbook, language, events);
  const title = t('campaignReport.title', { title: state.started.title });
  return (
    <div className="campaign-tab">
      <section aria-labelledby="findings-h">
        <h2 id="findings-h">{t('campaignReport.section.findings')}</h2>
        {sections.map((s) => (
          <FindingsSection key={s.id} streamId={state.streamId} item={s} saved={state.findings[s.id]} language={playbook.language} />
        ))}
      </section>
      <section aria-labelledby="tables-h">
        <h2 id="tables-h">{t('campaignReport.section.tables')}</h2>
        <SummaryTables state={state} playbook={playbook} language={language} />
      </section>
      <section aria-labelledby="exports-h">
        <h2 id="exports-h">{t('campaign.report.exports')}</h2>
        <div className="button-row export-row">
          {campaignTablesCsv(state, playbook, language).map((csv) => (
            <button
              key={csv.tableId}
              type="button"
              className="button"
              onClick={() =>
                downloadFile({ name: campaignFileName(state.streamId, csv.tableId, today, 'csv'), type: 'text/csv;charset=utf-8', text: csv.text })
              }
              data-testid={`csv-${csv.tableId}`}
            >
              {t('campaign.report.csv', { table: csv.title })}
            </button>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => downloadFile({ name: campaignFileName(state.streamId, 'report', today, 'html'), type: 'text/html;charset=utf-8', text: report() })}
            data-testid="download-html"
          >
            {t('campaign.report.html')}
          </button>
          <button type="button" className="button" onClick={() => printHtml(report(), title)} data-testid="print-report">
            {t('campaign.report.print')}
          </button>
        </div>
      </section>
      <HandIn state={state} playbook={playbook} />
    </div>
  );
}
