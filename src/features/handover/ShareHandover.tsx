import { useEffect, useState } from 'react';
import { sizeText } from '../../domain/report/photos';
import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { MAX_FRAMES } from '../../domain/handover/frames';
import { QrCode } from '../routes';
import { exportHandoverFile, FRAME_MS, handoverFileName, handoverFrames, prepareHandover, type NotCertified, type PreparedHandover } from './commands';
import { messages } from './messages';
import './handover.css';

type Showing =
  { readonly prepared: PreparedHandover; readonly frames: readonly string[] | { readonly tooMany: number } } | NotCertified | { readonly failed: string };

/**
 * "Hand over with no network" for one incident: its records (and the day's duty log) as QR codes
 * played round and round for the other phone's camera, what they carry and how long they take;
 * and the file with the photos, for the share sheet.
 */
export function ShareHandover({ incidentId }: { incidentId: string }) {
  const t = useText(messages);
  const [showing, setShowing] = useState<Showing | null>(null);
  const [index, setIndex] = useState(0);
  const [exported, setExported] = useState<{ file: string; size: number; events: number; photos: number } | { failed: string } | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    prepareHandover(incidentId, false)
      .then(async (prepared) => ('notCertified' in prepared ? prepared : { prepared, frames: await handoverFrames(prepared) }))
      .then(
        (s) => live && setShowing(s),
        (error: unknown) => live && setShowing({ failed: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [incidentId]);

  const count = showing !== null && 'frames' in showing && !('tooMany' in showing.frames) ? showing.frames.length : 0;
  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), FRAME_MS);
    return () => clearInterval(timer);
  }, [count]);

  const exportFile = async () => {
    setExporting(true);
    try {
      const prepared = await prepareHandover(incidentId, true);
      if ('notCertified' in prepared) {
        setShowing(prepared);
        return;
      }
      const file = handoverFileName(Date.now());
      await exportHandoverFile(prepared, file);
      setExported({ file, size: new Blob([prepared.text]).size, events: prepared.events, photos: prepared.photos });
    } catch (error) {
      setExported({ failed: error instanceof Error ? error.message : String(error) });
    } finally {
      setExporting(false);
    }
  };

  // Every state has the screen's heading, so a reader knows where they are before it is ready.
  const heading = (title: string) => <h1 id="handover-title">{t('handover.share.title', { title: title || incidentId })}</h1>;
  if (showing === null)
    return (
      <section className="handover" aria-labelledby="handover-title">
        {heading('')}
        <p className="empty" role="status">
          {t('handover.share.preparing')}
        </p>
      </section>
    );
  if ('notCertified' in showing)
    return (
      <section className="handover" aria-labelledby="handover-title">
        {heading(showing.title)}
        <p className="error-box" role="alert" data-testid="handover-not-certified">
          {t('handover.notCertified')}
        </p>
        <Link href="/handover">{t('handover.share.receive')}</Link>
      </section>
    );
  if ('failed' in showing)
    return (
      <section className="handover" aria-labelledby="handover-title">
        {heading('')}
        <p className="error-box" role="alert">
          {t('handover.failed', { detail: showing.failed })}
        </p>
      </section>
    );
  const { prepared, frames } = showing;
  const codes = 'tooMany' in frames ? null : frames;
  const frame = codes?.[index % codes.length] ?? '';
  const round = codes ? Math.ceil((codes.length * FRAME_MS) / 1000) : 0;
  return (
    <section className="handover" aria-labelledby="handover-title">
      {heading(prepared.title)}
      {codes ? (
        <>
          <p>{t('handover.share.intro')}</p>
          <div className="handover-qr" data-testid="handover-qr" data-frame={frame} data-frame-count={codes.length}>
            <QrCode text={frame} size={360} label={t('handover.share.qrLabel', { index: (index % codes.length) + 1, count: codes.length })} />
          </div>
          <p className="handover-frame" aria-live="off">
            {t('handover.share.frame', { index: (index % codes.length) + 1, count: codes.length })}
          </p>
          <p data-testid="handover-carries">{t('handover.share.carries', { events: prepared.events })}</p>
          <p data-testid="handover-expected">{t('handover.share.expected', { frames: codes.length, ms: FRAME_MS, round, twice: round * 2 })}</p>
        </>
      ) : (
        <p className="callout" role="note" data-testid="handover-too-big">
          {t('handover.share.tooBig', { events: prepared.events, frames: 'tooMany' in frames ? frames.tooMany : 0, max: MAX_FRAMES })}
        </p>
      )}
      {prepared.left > 0 ? (
        <p className="callout" data-testid="handover-left">
          {t('handover.share.left', { count: prepared.left })}
        </p>
      ) : null}
      <div className="stack">
        <button type="button" className="button big" onClick={() => void exportFile()} disabled={exporting} data-testid="handover-export">
          {t('handover.share.export')}
        </button>
        <p className="card-meta">{t('handover.share.exportHint')}</p>
        {exported !== null && 'failed' in exported ? (
          <p className="error-box" role="alert">
            {t('handover.failed', { detail: exported.failed })}
          </p>
        ) : null}
        {exported !== null && 'file' in exported ? (
          <p role="status" data-testid="handover-exported">
            {t('handover.share.exported', { file: exported.file, size: sizeText(exported.size), events: exported.events, photos: exported.photos })}
          </p>
        ) : null}
        <Link className="button" href="/handover">
          {t('handover.share.receive')}
        </Link>
      </div>
    </section>
  );
}
