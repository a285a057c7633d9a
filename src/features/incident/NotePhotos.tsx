import { useEffect, useRef, useState } from 'react';
import { PHOTO_LIMITS, type PhotoRef } from '../../domain/events/photo';
import type { TakenPhoto } from '../../storage/photos';
import { useText } from '../../ui/text';
import { browserPhotoEnv, preparePhotos, type PhotoRefused } from './photo-capture';
import { usePhoto, usePreviewUrls } from './photo-hooks';
import { messages } from './photos.messages';
import './photos.css';

const MAX = PHOTO_LIMITS.maxPerNote;

/**
 * The note form's photos: "Add photo" opens the camera (a gallery where there is none), each
 * photo is shrunk on the phone and shown as a thumbnail before the note is saved, and each can
 * be taken out again. The photos go with the note when it is saved (note-commands.ts).
 */
export function PhotoPicker({ photos, onChange }: { photos: readonly TakenPhoto[]; onChange: (next: TakenPhoto[]) => void }) {
  const t = useText(messages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const previews = usePreviewUrls(photos);

  const problemText = (r: PhotoRefused): string => {
    switch (r.problem) {
      case 'notImage':
        return t('incident.photo.problem.notImage', { file: r.fileName });
      case 'undecodable':
        return t('incident.photo.problem.undecodable', { file: r.fileName });
      case 'tooLarge':
        return t('incident.photo.problem.tooLarge', { file: r.fileName });
      case 'tooMany':
        return t('incident.photo.problem.tooMany', { file: r.fileName, max: MAX });
    }
  };

  const choose = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    try {
      const { taken, refused } = await preparePhotos(files, photos.length, browserPhotoEnv);
      // The same picture chosen twice is one photo: its hash is its name.
      const fresh = taken.filter((p, i) => !photos.some((q) => q.ref.hash === p.ref.hash) && taken.findIndex((q) => q.ref.hash === p.ref.hash) === i);
      onChange([...photos, ...fresh]);
      setProblems(refused.map(problemText));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const full = photos.length >= MAX;
  return (
    <div className="photo-picker">
      {photos.length > 0 ? (
        <ul className="photo-strip" aria-label={t('incident.photo.chosen')} data-testid="note-photos">
          {photos.map((p, i) => (
            <li key={p.ref.hash} className="photo-chosen">
              <img className="photo-thumb" src={previews[i]} alt="" width={p.ref.width} height={p.ref.height} />
              <button
                type="button"
                className="photo-remove"
                aria-label={t('incident.photo.remove', { n: i + 1 })}
                onClick={() => onChange(photos.filter((q) => q.ref.hash !== p.ref.hash))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <p className="photo-limit">{t('incident.photo.limit', { max: MAX })}</p>
      ) : (
        <label className={`button photo-add${busy ? ' busy' : ''}`}>
          <input
            ref={input}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            disabled={busy}
            data-testid="note-photo-input"
            onChange={(e) => void choose([...(e.target.files ?? [])])}
          />
          {t('incident.photo.add')}
        </label>
      )}
      <p role="status" className="photo-status">
        {busy ? t('incident.photo.preparing') : ''}
      </p>
      {problems.length > 0 ? (
        <div className="callout photo-problems" role="alert" data-testid="note-photo-problems">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A note's photos on the timeline: thumbnails that open full size; one not here yet says so. */
export function NotePhotos({ photos, text }: { photos: readonly PhotoRef[]; text: string }) {
  return (
    <ul className="photo-strip" data-testid="timeline-photos">
      {photos.map((p, i) => (
        <li key={p.hash}>
          <NotePhoto photo={p} n={i + 1} count={photos.length} text={text} />
        </li>
      ))}
    </ul>
  );
}

function NotePhoto({ photo, n, count, text }: { photo: PhotoRef; n: number; count: number; text: string }) {
  const t = useText(messages);
  const view = usePhoto(photo.hash);
  const [open, setOpen] = useState(false);
  const alt = t('incident.photo.alt', { n, count, text });
  if (view.status === 'loading') return <span className="photo-thumb" data-hash={photo.hash} />;
  if (view.status === 'missing') {
    return (
      <p className="photo-thumb photo-missing" data-hash={photo.hash} data-testid="photo-missing">
        <strong>{view.mismatch ? t('incident.photo.mismatch') : t('incident.photo.notReceived')}</strong>
        {view.mismatch ? null : <span>{t('incident.photo.notReceivedHint')}</span>}
      </p>
    );
  }
  return (
    <>
      <button type="button" className="photo-open" aria-label={t('incident.photo.open', { n })} onClick={() => setOpen(true)}>
        <img className="photo-thumb" src={view.url} alt={alt} width={photo.width} height={photo.height} data-hash={photo.hash} />
      </button>
      {view.refusal ? <p className="photo-refused">{refusalText(t, view.refusal)}</p> : null}
      {open ? <PhotoViewer url={view.url} alt={alt} width={photo.width} height={photo.height} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function refusalText(t: ReturnType<typeof useText<[typeof messages]>>, code: string): string {
  if (code === 'photo-too-large') return t('incident.photo.refused.photo-too-large');
  if (code === 'incident-full') return t('incident.photo.refused.incident-full');
  return t('incident.photo.refused.other');
}

/** The photo full size, over everything, in a modal dialog (Esc, the button or a tap beside it closes it). */
function PhotoViewer({ url, alt, width, height, onClose }: { url: string; alt: string; width: number; height: number; onClose: () => void }) {
  const t = useText(messages);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="photo-viewer"
      aria-label={alt}
      data-testid="photo-viewer"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <img src={url} alt={alt} width={width} height={height} />
      <button type="button" className="button" onClick={onClose} autoFocus>
        {t('incident.photo.close')}
      </button>
    </dialog>
  );
}
