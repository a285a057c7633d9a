import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { headcountTotals, missingPeople, type IncidentState } from '../../domain/incident';
import { parseCheckInCode, type CheckInCodeProblem, type RosterState } from '../../domain/roster';
import { formatDateTime } from '../../ui/date-time';
import { useLanguage, useText } from '../../ui/text';
import { messages } from './people.messages';
import { reportPerson } from './people-commands';
import type { Signal } from './qr-scanner';
import { useQrScanner } from './use-qr-scanner';

/**
 * A code seen again within this time is the same person still in front of the camera, not a new
 * scan: it is ignored (the camera sees the code in every frame while it is held up).
 */
export const REPEAT_MS = 4000;

type Outcome =
  | { readonly kind: 'safe'; readonly name: string; readonly personId: string }
  | { readonly kind: 'already'; readonly name: string; readonly personId: string; readonly at: number }
  | { readonly kind: 'notOnRoster'; readonly personId: string }
  | { readonly kind: 'refused'; readonly problem: CheckInCodeProblem };

/**
 * Scan to check in, at the assembly point, with no network: the camera reads check-in codes (a
 * phone's "My check-in code" or a printed badge) one after another, and each person read is
 * recorded safe (`person.accounted`, via scan) with a beep, a buzz and their name in large type.
 * A code not on the roster, or a QR code that is not a check-in code, is said so and recorded as
 * nothing. Someone already marked safe is not recorded again.
 */
export function ScanCheckIn({
  incident,
  branch,
  signal,
  onClose,
}: {
  incident: IncidentState;
  branch: RosterState | null;
  signal: Signal;
  onClose: () => void;
}) {
  const t = useText(messages);
  const language = useLanguage();
  const videoRef = useRef<HTMLVideoElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [count, setCount] = useState(0);
  // What the frame callback reads: the incident and roster as they are now, not when the camera opened.
  const latest = useRef({ incident, branch, signal });
  useLayoutEffect(() => {
    latest.current = { incident, branch, signal };
  });

  // Full screen over the page (the browser's top layer): the counter's whole screen is the camera,
  // the name just read and the totals; Escape or "Stop scanning" closes it.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // Per scanning session: when each code was last seen, and who is being recorded right now.
  const [seen] = useState(() => new Map<string, number>());
  const [recording] = useState(() => new Set<string>());
  const camera = useQrScanner(videoRef, (text) => {
    const now = performance.now();
    const before = seen.get(text);
    seen.set(text, now);
    if (before !== undefined && now - before < REPEAT_MS) return;
    const { incident: state, branch: roster, signal: say } = latest.current;
    const code = parseCheckInCode(text);
    if (!code.ok) {
      setOutcome({ kind: 'refused', problem: code.problem });
      say.play('refused');
      return;
    }
    const { personId } = code;
    const name = state.people[personId]?.name ?? roster?.byId[personId]?.name;
    if (name === undefined) {
      setOutcome({ kind: 'notOnRoster', personId });
      say.play('refused');
      return;
    }
    const report = state.headcount[personId];
    if (report?.status === 'safe') {
      setOutcome({ kind: 'already', name, personId, at: report.at });
      say.play('ok');
      return;
    }
    if (recording.has(personId)) return;
    recording.add(personId);
    void reportPerson(state.id, { person: name, personId, status: 'safe', via: 'scan' }).then((event) => {
      recording.delete(personId);
      if (event === null) {
        seen.delete(text); // not written (the reason is in the top bar): the next frame tries again
        return;
      }
      setOutcome({ kind: 'safe', name, personId });
      setCount((n) => n + 1);
      say.play('ok');
    });
  });

  const missing = missingPeople(incident).length;
  const totals = headcountTotals(incident);
  return (
    <dialog ref={dialogRef} className="scan-panel" aria-labelledby="scan-title" data-testid="scan-panel" onCancel={onClose}>
      <div className="scan-head">
        <h2 id="scan-title">{t('scan.title')}</h2>
        <p className="card-meta" data-testid="scan-count">
          {t('scan.count', { count })}
        </p>
      </div>
      <div
        className={`scan-result ${outcome?.kind ?? 'waiting'}`}
        role="status"
        aria-live="assertive"
        data-testid="scan-result"
        data-kind={outcome?.kind ?? 'waiting'}
      >
        {outcome === null ? <p>{t('scan.waiting')}</p> : null}
        {outcome?.kind === 'safe' || outcome?.kind === 'already' ? (
          <>
            <p className="scan-name" data-testid="scan-name" data-person={outcome.personId}>
              {outcome.name}
            </p>
            <p>{outcome.kind === 'safe' ? t('scan.safe') : t('scan.already', { time: formatDateTime(language, outcome.at) })}</p>
          </>
        ) : null}
        {outcome?.kind === 'notOnRoster' ? <p>{t('scan.notOnRoster', { id: outcome.personId })}</p> : null}
        {outcome?.kind === 'refused' ? <p>{outcome.problem === 'notCheckInCode' ? t('scan.notCheckIn') : t('scan.badId')}</p> : null}
      </div>
      <p className={missing ? 'scan-totals missing' : 'scan-totals'} data-testid="scan-totals">
        <strong>{missing ? t('people.missing', { count: missing }) : t('people.allSafe')}</strong>{' '}
        {t('people.summary', { safe: totals.safe, injured: totals.injured, missing, total: totals.total })}
      </p>
      <div className="scan-view">
        <video ref={videoRef} aria-label={t('scan.video')} data-testid="scan-video" muted playsInline />
      </div>
      {camera === 'starting' ? <p>{t('scan.starting')}</p> : null}
      {typeof camera === 'object' ? (
        <p className="error-box" role="alert" data-testid="scan-camera-error">
          {t('scan.noCamera', { detail: camera.failed })}
        </p>
      ) : null}
      <p className="card-meta">{t('scan.hint')}</p>
      <button type="button" className="button big" onClick={onClose} data-testid="scan-stop">
        {t('scan.stop')}
      </button>
    </dialog>
  );
}
