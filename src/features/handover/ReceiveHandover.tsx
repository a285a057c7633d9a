import { useRef, useState } from 'react';
import { FrameCollector } from '../../domain/handover/frames';
import { formatDateTime } from '../../ui/date-time';
import { Link } from '../../ui/router';
import { useLanguage, useText } from '../../ui/text';
import { incidentMessages, useQrScanner } from '../incident';
import { receiveHandover, unpackScanned, type ReceiveOutcome } from './commands';
import { messages } from './messages';
import './handover.css';

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'scanning' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'done'; readonly outcome: ReceiveOutcome }
  | { readonly kind: 'failed'; readonly detail: string };

/**
 * "Receive a handover": another phone's incident by its QR codes (the camera reads them in any
 * order, as often as they come round, with progress) or by the file it exported. Whatever
 * arrives is checked whole before anything is stored (commands.ts `receiveHandover`).
 */
export function ReceiveHandover() {
  const t = useText(messages, incidentMessages);
  const language = useLanguage();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const take = async (text: string | null, via: 'scan' | 'file', name: string) => {
    setStage({ kind: 'checking' });
    try {
      const outcome: ReceiveOutcome =
        text === null ? { ok: false, message: t('handover.receive.unreadable') } : await receiveHandover(text, via, name, language);
      setStage({ kind: 'done', outcome });
    } catch (error) {
      setStage({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="handover" aria-labelledby="receive-title">
      <h1 id="receive-title">{t('handover.receive.title')}</h1>
      <p>{t('handover.receive.intro')}</p>
      {stage.kind === 'idle' ? (
        <div className="stack">
          <button type="button" className="button primary big" onClick={() => setStage({ kind: 'scanning' })} data-testid="handover-scan">
            {t('handover.receive.scan')}
          </button>
          <label className="button big">
            <input
              className="visually-hidden"
              type="file"
              data-testid="handover-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void file.text().then((text) => take(text, 'file', file.name));
              }}
            />
            {t('handover.receive.file')}
          </label>
        </div>
      ) : null}
      {stage.kind === 'scanning' ? (
        <Scanner
          onPayload={(payload) => void unpackScanned(payload).then((text) => take(text, 'scan', t('handover.receive.scanName')))}
          onStop={() => setStage({ kind: 'idle' })}
        />
      ) : null}
      {stage.kind === 'checking' ? (
        <p role="status" data-testid="handover-checking">
          {t('handover.receive.checking')}
        </p>
      ) : null}
      {stage.kind === 'failed' ? (
        <p className="error-box" role="alert" data-testid="handover-problem">
          {t('handover.failed', { detail: stage.detail })}
        </p>
      ) : null}
      {stage.kind === 'done' ? <Outcome outcome={stage.outcome} /> : null}
      {stage.kind === 'done' || stage.kind === 'failed' ? (
        <button type="button" className="button" onClick={() => setStage({ kind: 'idle' })} data-testid="handover-again">
          {t('handover.receive.again')}
        </button>
      ) : null}
    </section>
  );
}

/** What came of a handover: what was received from whom, or why nothing was stored. */
function Outcome({ outcome }: { outcome: ReceiveOutcome }) {
  const t = useText(messages, incidentMessages);
  const language = useLanguage();
  if (!outcome.ok)
    return (
      <p className="error-box" role="alert" data-testid="handover-problem">
        {'notCertified' in outcome ? t('handover.notCertified.receive') : outcome.message}
      </p>
    );
  const { bundle, taken } = outcome;
  return (
    <div className="callout" role="status" data-testid="handover-result" data-added={taken.added}>
      <p>
        {t('handover.receive.done', {
          sender: bundle.sender.label,
          via: t(bundle.via === 'scan' ? 'incident.handover.scan' : 'incident.handover.file'),
          time: formatDateTime(language, bundle.receivedAt),
          events: bundle.events,
          added: taken.added,
          photos: taken.photos,
        })}
      </p>
      {taken.queued > 0 ? <p>{t('handover.receive.queued', { count: taken.queued })}</p> : null}
      {bundle.incidents.map((id) => (
        <Link key={id} className="button primary" href={`/incidents/${encodeURIComponent(id)}`} data-testid="handover-open">
          {t('handover.receive.open')}
        </Link>
      ))}
    </div>
  );
}

/** The camera and the progress of the codes read, until every frame of one showing is in. */
function Scanner({ onPayload, onStop }: { onPayload: (payload: Uint8Array) => void; onStop: () => void }) {
  const t = useText(messages);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [progress, setProgress] = useState<{ have: number; count: number; missing: number[] } | null>(null);
  const [notice, setNotice] = useState<'notFrame' | 'restarted' | null>(null);
  const [collector] = useState(() => new FrameCollector());
  const camera = useQrScanner(videoRef, (text, stop) => {
    const got = collector.add(text);
    if (got.kind === 'added') {
      setNotice(null);
      setProgress({ have: got.have, count: got.count, missing: collector.missing() });
    } else if (got.kind === 'complete') {
      stop();
      onPayload(got.payload);
    } else if (got.kind === 'restarted') setNotice('restarted');
    else if (got.reason === 'not-a-frame') setNotice('notFrame');
  });

  const missing = progress?.missing ?? [];
  return (
    <div className="handover-scan" data-testid="handover-scanner">
      <div className="scan-view">
        <video ref={videoRef} aria-label={t('handover.receive.video')} muted playsInline />
      </div>
      {camera === 'starting' ? <p>{t('handover.receive.starting')}</p> : null}
      {typeof camera === 'object' ? (
        <p className="error-box" role="alert" data-testid="handover-camera-error">
          {t('handover.receive.noCamera', { detail: camera.failed })}
        </p>
      ) : null}
      {progress === null ? (
        <p>{t('handover.receive.waiting')}</p>
      ) : (
        <>
          <progress max={progress.count} value={progress.have} aria-label={t('handover.receive.progress', progress)} />
          <p role="status" data-testid="handover-progress" data-have={progress.have} data-count={progress.count}>
            {t('handover.receive.progress', progress)}
          </p>
          {missing.length > 0 && missing.length <= 20 ? (
            <p className="card-meta">{t('handover.receive.missing', { list: missing.map((i) => i + 1).join(', ') })}</p>
          ) : null}
        </>
      )}
      {notice !== null ? (
        <p className="callout" data-testid="handover-notice">
          {t(notice === 'notFrame' ? 'handover.receive.notFrame' : 'handover.receive.restarted')}
        </p>
      ) : null}
      <button type="button" className="button big" onClick={onStop} data-testid="handover-stop">
        {t('handover.receive.stop')}
      </button>
    </div>
  );
}
