import { useState } from 'react';
import type { RoundItemResult } from '../../domain/events/rounds';
import { commandNames } from '../../domain/playbook/names';
import type { Playbook } from '../../domain/playbook/schema';
import type { Round } from '../../domain/playbook/schema-rounds';
import { rectificationStatus, ymdAt, type FindingState, type RoundRun } from '../../domain/rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import { languageOfTag } from '../../domain/text';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { formatDateTime } from '../../ui/date-time';
import { Loading } from '../../ui/Loading';
import { Link, useQueryString } from '../../ui/router';
import { useStreamView } from '../../ui/stream-store';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { usePlaybook, usePlaybookLibrary } from '../playbooks';
import { checkItem, completeRound, roundStore } from './commands';
import { FindingForm } from './FindingForm';
import { useClock } from './hooks';
import { deviceTimeZone } from '../../ui/time-zone';
import { InspectorName } from './InspectorName';
import { messages } from './messages';
import { Rectification } from './Rectification';
import { FindingBadges } from './shared';
import './rounds.css';

/**
 * /rounds/:id — one round done on the phone: the short checklist (pass, finding or not
 * applicable per item, each a big target), a finding's form, "Complete round", and the findings
 * it found. With `?finding=<id>` it shows that finding's rectification instead.
 */
export function RoundPage({ id }: { id: string }) {
  const t = useText(messages);
  const view = useStreamView(roundStore, id);
  const findingId = new URLSearchParams(useQueryString()).get('finding');
  if (view.status === 'failed') throw new Error(view.error ?? 'the round could not be read');
  if (view.status === 'loading') return <Loading />;
  const run = view.state;
  if (!run)
    return (
      <div className="round-page">
        <BackToRounds />
        <p className="callout" data-testid="round-not-here">
          {t('rounds.run.notHere')}
        </p>
      </div>
    );
  return <RoundWithPlaybook run={run} findingId={findingId} />;
}

function BackToRounds() {
  const t = useText(messages);
  return (
    <p>
      <Link href="/rounds" className="link-button">
        {t('rounds.run.back')}
      </Link>
    </p>
  );
}

/** The playbook the round follows, in the app's language when this device holds that twin. */
function RoundWithPlaybook({ run, findingId }: { run: RoundRun; findingId: string | null }) {
  const language = useSession((s) => s.language);
  const library = usePlaybookLibrary();
  const s = run.started;
  const twin = library?.find((e) => e.id === s.playbookId && languageOfTag(e.language) === language);
  const wanted = library === undefined ? null : (twin?.language ?? s.playbookLanguage);
  const load = usePlaybook(s.playbookId, wanted ?? '');
  if (wanted === null || load.status === 'loading') return <Loading />;
  const playbook = load.status === 'ready' ? load.playbook : null;
  const round = playbook?.preparation?.rounds?.find((r) => r.id === s.roundId) ?? null;
  if (findingId !== null) return <Rectification run={run} findingId={findingId} round={round} />;
  return <RoundChecklist run={run} playbook={playbook} round={round} />;
}

function RoundChecklist({ run, playbook, round }: { run: RoundRun; playbook: Playbook | null; round: Round | null }) {
  const t = useText(messages, roundReportMessages);
  const language = useSession((s) => s.language);
  const now = useClock(60_000);
  const [timeZone] = useState(deviceTimeZone);
  const [formFor, setFormFor] = useState<string | null>(null);
  const s = run.started;
  const when = (ms: number) => formatDateTime(language, ms);
  // The items as the playbook lists them; a round whose playbook is gone shows what was recorded.
  const items = round ? round.items : [...run.items.keys()].map((itemId) => ({ id: itemId, text: t('rounds.item.unknown', { id: itemId }) }));
  const checked = items.filter((i) => run.items.has(i.id)).length;
  const ownerDefault = round?.finding.owner && playbook ? (commandNames(playbook).get(round.finding.owner) ?? round.finding.owner) : '';
  const today = ymdAt(now, timeZone);
  const findingFormProps = { streamId: run.streamId, rule: round?.finding ?? null, ownerDefault, today, onClose: () => setFormFor(null) };
  const OTHER = '\u0000other';

  return (
    <div className="round-page">
      <BackToRounds />
      <h1 className="round-title">
        {s.title}
        <span className="round-title-area">{s.areaName ?? t('roundReport.wholeSite')}</span>
      </h1>
      <p className="card-meta">{t('rounds.run.started', { name: s.inspector, time: when(run.startedAt) })}</p>
      <InspectorName unlessNamed={s.inspector} />
      {run.completed ? (
        <div className="ok-box" data-testid="round-completed">
          <p>{t('rounds.run.completed', { name: run.completed.actor, time: when(run.completed.at) })}</p>
          {run.completed.note ? <p>{t('rounds.run.completedNote', { note: run.completed.note })}</p> : null}
        </div>
      ) : (
        <p className="round-progress" role="status" data-testid="round-progress">
          {t('rounds.run.progress', { done: checked, total: items.length })}
        </p>
      )}
      {round ? null : <p className="callout">{t('rounds.run.playbookMissing')}</p>}
      <h2>{t('rounds.run.checklist')}</h2>
      <ol className="round-items">
        {items.map((item) => {
          const result = run.items.get(item.id)?.result;
          const found = run.findings.filter((f) => f.itemId === item.id);
          return (
            <li key={item.id} className={`round-item result-${result ?? 'none'}`} data-testid="round-item" data-item={item.id} data-result={result ?? ''}>
              <p className="round-item-text" id={`round-item-${item.id}`}>
                {item.text}
              </p>
              <ItemResults streamId={run.streamId} itemId={item.id} result={result} onFinding={() => setFormFor(item.id)} />
              {found.length > 0 ? <FindingLinks run={run} findings={found} today={today} /> : null}
              {formFor === item.id ? <FindingForm {...findingFormProps} itemId={item.id} itemText={item.text} /> : null}
            </li>
          );
        })}
      </ol>
      {formFor === OTHER ? (
        <FindingForm {...findingFormProps} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setFormFor(OTHER)} data-testid="finding-other">
            {t('rounds.finding.other')}
          </button>
        </p>
      )}
      {run.findings.some((f) => f.itemId === undefined || !items.some((i) => i.id === f.itemId)) ? (
        <section aria-labelledby="round-findings-heading">
          <h2 id="round-findings-heading">{t('rounds.findings.inRound')}</h2>
          <FindingLinks run={run} findings={run.findings.filter((f) => f.itemId === undefined || !items.some((i) => i.id === f.itemId))} today={today} />
        </section>
      ) : null}
      {run.completed ? null : <CompleteRound streamId={run.streamId} unchecked={items.length - checked} />}
    </div>
  );
}

const RESULT_KEYS = { pass: 'rounds.item.pass', finding: 'rounds.item.finding', 'not-applicable': 'rounds.item.na' } as const;

/** Pass, Finding, N.A.: one tap each, the chosen one pressed. "Finding" opens the finding's form (the item is marked when the finding is saved). */
function ItemResults({
  streamId,
  itemId,
  result,
  onFinding,
}: {
  streamId: string;
  itemId: string;
  result: RoundItemResult | undefined;
  onFinding: () => void;
}) {
  const t = useText(messages);
  const [busy, setBusy] = useState(false);
  const choose = async (r: RoundItemResult) => {
    if (r === 'finding') return onFinding();
    if (r === result) return;
    setBusy(true);
    await checkItem(streamId, itemId, r);
    setBusy(false);
  };
  return (
    <div className="round-results" role="group" aria-labelledby={`round-item-${itemId}`}>
      {(['pass', 'finding', 'not-applicable'] as const).map((r) => (
        <button
          key={r}
          type="button"
          className={`button round-result result-${r}`}
          aria-pressed={result === r}
          disabled={busy}
          onClick={() => void choose(r)}
          data-testid={`result-${r}`}
        >
          {t(RESULT_KEYS[r])}
        </button>
      ))}
    </div>
  );
}

/** Findings as short lines that open their rectification, with severity and status (overdue in the alarm style). */
function FindingLinks({ run, findings, today }: { run: RoundRun; findings: readonly FindingState[]; today: string }) {
  const t = useText(messages);
  return (
    <ul className="finding-links">
      {findings.map((f) => {
        const status = rectificationStatus(f, today);
        return (
          <li key={f.findingId} className={`finding-line rect-${status}`} data-testid="round-finding">
            <Link href={`/rounds/${encodeURIComponent(run.streamId)}?finding=${encodeURIComponent(f.findingId)}`} className="finding-link">
              {f.description}
            </Link>
            <FindingBadges severity={f.severity} status={status} />
            <span className="card-meta">
              {t('rounds.finding.ownerIs', { owner: f.owner })} · {t('rounds.finding.deadline', { date: f.dueDate })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** "Complete round": with every item checked at once; otherwise the inspector says why some were not. */
function CompleteRound({ streamId, unchecked }: { streamId: string; unchecked: number }) {
  const t = useText(messages);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    if (unchecked > 0 && !note.trim()) return setProblem(true);
    setBusy(true);
    await completeRound(streamId, note.trim() || undefined);
    setBusy(false);
  };
  return (
    <section className="round-complete">
      {unchecked > 0 ? (
        <>
          <p className={problem ? 'error-box' : 'callout'} role={problem ? 'alert' : undefined} id="round-unchecked">
            {t('rounds.complete.unchecked', { count: unchecked })}
          </p>
          <label className="field">
            <span>{t('rounds.complete.note')}</span>
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={TEXT_LIMITS.note}
              aria-describedby="round-unchecked"
              data-testid="round-complete-note"
            />
          </label>
        </>
      ) : null}
      <button type="button" className="button primary big" disabled={busy} onClick={() => void complete()} data-testid="round-complete">
        {t('rounds.complete')}
      </button>
    </section>
  );
}
