import { useState } from 'react';
import type { RosterPerson } from '../../domain/events/roster';
import type { Speak } from '../../domain/text';
import { ROSTER_FIELDS, type RosterField } from '../../domain/roster';
import type { FileProblem, RosterImportPlan, RowProblem, RowWarning } from '../../domain/roster-csv';
import { Loading } from '../../ui/Loading';
import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { messages } from './messages';
import { applyRosterImport, newPersonId, useBranchRoster } from './store';
import './roster.css';

type Say = Speak<typeof messages>;

/**
 * The text of a file as the branch saved it: UTF-8 (with or without a BOM), or, when it is not
 * valid UTF-8, GB18030 — what Excel on a Chinese Windows writes for "CSV" unless told otherwise.
 */
async function fileText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function problemText(t: Say, p: RowProblem): string {
  if (p.code === 'unclosedQuote') return t('roster.import.problem.unclosedQuote', { line: p.line });
  const field = t(`roster.field.${p.field}`);
  if (p.code === 'required') return t('roster.import.problem.required', { line: p.line, field });
  if (p.code === 'notPhone') return t('roster.import.problem.notPhone', { line: p.line, field, value: p.value });
  return t('roster.import.problem.tooLong', { line: p.line, field, max: p.max, length: [...p.value].length, value: p.value });
}

function warningText(t: Say, w: RowWarning): string {
  if (w.code === 'duplicate') return t('roster.import.warning.duplicate', { line: w.line, of: w.of, name: w.name });
  if (w.code === 'sameNameOtherPhone') return t('roster.import.warning.sameNameOtherPhone', { line: w.line, of: w.of, name: w.name });
  return t('roster.import.warning.sameNameOnRoster', { line: w.line, name: w.name });
}

function fileProblemText(t: Say, p: FileProblem): string {
  if (p.code === 'empty') return t('roster.import.fileProblem.empty');
  if (p.code === 'noNameColumn') return t('roster.import.fileProblem.noNameColumn', { header: p.header.join(', ') || '—' });
  return t('roster.import.fileProblem.tooManyPeople', { count: p.count, max: p.max });
}

function personLine(p: RosterPerson): string {
  return [p.name, p.floor, p.team, p.phone, p.assemblyPoint].filter(Boolean).join(' · ');
}

function changes(t: Say, before: RosterPerson, after: RosterPerson): string {
  return ROSTER_FIELDS.filter((f: RosterField) => (before[f] ?? '') !== (after[f] ?? ''))
    .map((f) => `${t(`roster.field.${f}`)}: ${before[f] ?? '—'} → ${after[f] ?? '—'}`)
    .join('; ');
}

/** What the import would do, every bad row named; nothing is written until the confirm button. */
function Preview({ plan, onDone }: { plan: RosterImportPlan; onDone: (result: { written: number; total: number }) => void }) {
  const t = useText(messages);
  const [removeToo, setRemoveToo] = useState(false);
  const [writing, setWriting] = useState(false);
  if (plan.fileProblem)
    return (
      <p className="error-box" role="alert" data-testid="import-file-problem">
        {fileProblemText(t, plan.fileProblem)}
      </p>
    );
  const badLines = new Set(plan.problems.map((p) => p.line)).size;
  const count = plan.add.length + plan.change.length + (removeToo ? plan.remove.length : 0);
  return (
    <section className="import-preview" data-testid="import-preview" aria-live="polite">
      <p className="card-meta">
        {t('roster.import.columns', { columns: plan.columns.map((c) => `${c.header} → ${t(`roster.field.${c.field}`)}`).join(', ') })}
      </p>
      {plan.ignoredColumns.length ? <p className="card-meta">{t('roster.import.ignored', { columns: plan.ignoredColumns.join(', ') })}</p> : null}
      <p className="import-summary" role="status" data-testid="import-summary">
        {t('roster.import.summary', { add: plan.add.length, change: plan.change.length, same: plan.unchanged.length, bad: badLines })}
      </p>
      {plan.problems.length ? (
        <div className="error-box">
          <p>{t('roster.import.problems')}</p>
          <ul className="issues" data-testid="import-problems">
            {plan.problems.map((p, i) => (
              <li key={i}>{problemText(t, p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.warnings.length ? (
        <div className="confirm-box">
          <p>{t('roster.import.warnings')}</p>
          <ul className="issues" data-testid="import-warnings">
            {plan.warnings.map((w, i) => (
              <li key={i}>{warningText(t, w)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.add.length ? (
        <>
          <h2>{t('roster.import.add')}</h2>
          <ul className="plain-list import-rows" data-testid="import-add">
            {plan.add.map((r) => (
              <li key={r.line}>
                <span className="card-meta">{t('roster.import.line', { line: r.line })}</span> {personLine(r.person)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.change.length ? (
        <>
          <h2>{t('roster.import.change')}</h2>
          <ul className="plain-list import-rows" data-testid="import-change">
            {plan.change.map((r) => (
              <li key={r.line}>
                <span className="card-meta">{t('roster.import.line', { line: r.line })}</span> <strong>{r.person.name}</strong> {changes(t, r.before, r.person)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.remove.length ? (
        <>
          <h2>{t('roster.import.remove', { count: plan.remove.length })}</h2>
          <ul className="plain-list import-rows" data-testid="import-remove">
            {plan.remove.map((p) => (
              <li key={p.personId}>{personLine(p)}</li>
            ))}
          </ul>
          <label className="check-row">
            <input type="checkbox" checked={removeToo} onChange={(e) => setRemoveToo(e.target.checked)} data-testid="import-remove-too" />
            {t('roster.import.removeToo', { count: plan.remove.length })}
          </label>
        </>
      ) : null}
      {count === 0 ? (
        <p className="ok-box" data-testid="import-nothing">
          {t('roster.import.nothing')}
        </p>
      ) : (
        <button
          type="button"
          className="button primary big"
          disabled={writing}
          data-testid="import-confirm"
          onClick={() => {
            setWriting(true);
            void applyRosterImport(plan, removeToo).then(onDone);
          }}
        >
          {t('roster.import.confirm', { count })}
        </button>
      )}
    </section>
  );
}

/** Import the staff list the branch already keeps: a CSV file or a sheet pasted from Excel. */
export function ImportRoster() {
  const t = useText(messages);
  const roster = useBranchRoster();
  const [text, setText] = useState('');
  const [plan, setPlan] = useState<RosterImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ written: number; total: number } | null>(null);
  const [previews, setPreviews] = useState(0);
  if (roster.status === 'failed') return <p role="alert">{roster.error}</p>;
  if (!roster.state) return <Loading />;
  const existing = roster.state.people;
  const preview = (csv: string) => {
    setResult(null);
    setError(null);
    void import('../../domain/roster-csv').then(
      (m) => {
        setPlan(m.planRosterImport(csv, existing, newPersonId));
        setPreviews((n) => n + 1);
      },
      (err: unknown) => setError(t('roster.import.unreadableFile', { detail: err instanceof Error ? err.message : String(err) })),
    );
  };
  return (
    <>
      <h1>{t('roster.import.title')}</h1>
      <p>{t('roster.import.hint')}</p>
      {result ? (
        <div className={result.written === result.total ? 'ok-box' : 'error-box'} role="status" data-testid="import-result">
          <p>{result.written === result.total ? t('roster.import.done', { written: result.written }) : t('roster.import.partial', result)}</p>
          <Link href="/roster" className="button">
            {t('roster.import.back')}
          </Link>
        </div>
      ) : null}
      <label className="field">
        <span>{t('roster.import.file')}</span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void fileText(file).then(
              (csv) => {
                setText(csv);
                preview(csv);
              },
              (err: unknown) => setError(t('roster.import.unreadableFile', { detail: err instanceof Error ? err.message : String(err) })),
            );
          }}
        />
      </label>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          preview(text);
        }}
      >
        <label className="field">
          <span>{t('roster.import.paste')}</span>
          <textarea rows={5} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('roster.import.placeholder')} data-testid="import-text" />
        </label>
        <button type="submit" className="button" data-testid="import-preview-button">
          {t('roster.import.preview')}
        </button>
      </form>
      {error ? (
        <p className="error-box" role="alert">
          {error}
        </p>
      ) : null}
      {plan && !result ? (
        <Preview
          key={previews}
          plan={plan}
          onDone={(r) => {
            setResult(r);
            setPlan(null);
          }}
        />
      ) : null}
    </>
  );
}
