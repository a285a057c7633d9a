import { playbookRunTexts, reportLabels, type PlaybookRun, type ReportLanguage } from '../../domain/report';

/**
 * The playbook the incident ran on, in the app's language: its hash whole (an investigation
 * compares it) and, when the report's plan text is another text, the notice the report prints.
 */
export function PlaybookRunSummary({ run, language }: { run: PlaybookRun; language: ReportLanguage }) {
  const labels = reportLabels(language);
  const texts = playbookRunTexts(run, labels);
  const changed = run.status === 'changed';
  return (
    <>
      <p className="card-meta" data-testid="report-playbook">
        {labels['summary.playbook'] + labels.colon + texts.playbook}
      </p>
      <p className="card-meta">
        {labels['summary.playbookHash'] + labels.colon}
        <span className="report-hash" data-testid="report-playbook-hash">
          {texts.hash}
        </span>
      </p>
      {texts.notice ? (
        <p className={`callout report-status${changed ? ' bad' : ''}`} role={changed ? 'alert' : undefined} data-testid="report-playbook-notice">
          {texts.notice}
        </p>
      ) : null}
    </>
  );
}
