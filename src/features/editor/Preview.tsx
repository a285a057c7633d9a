import { useState } from 'react';
import type { Playbook } from '../../domain/playbook/schema';
import { formatPath } from '../../domain/playbook/json-path';
import { objectsIn, textIn } from '../../domain/playbook/readable';
import { ErrorBoundary } from '../../ui/ScreenError';
import { FloorPoster, FloorRouteView, floorView } from '../routes';
import type { EditorContextValue } from './Fields';

/** A floor of the draft, by its place in the lists and its ids. */
export interface PreviewFloor {
  readonly b: number;
  readonly f: number;
}

interface FloorChoice extends PreviewFloor {
  readonly buildingId: string;
  readonly floorId: string;
  readonly label: string;
}

function floorChoices(doc: unknown): FloorChoice[] {
  return objectsIn(doc, 'buildings').flatMap(({ item: building, index: b }) =>
    objectsIn(building, 'floors').flatMap(({ item: floor, index: f }) => {
      const buildingId = textIn(building, 'id');
      const floorId = textIn(floor, 'id');
      if (buildingId === undefined || floorId === undefined) return [];
      return [{ b, f, buildingId, floorId, label: `${textIn(building, 'name') ?? buildingId} · ${textIn(floor, 'label') ?? floorId}` }];
    }),
  );
}

/**
 * The floor being edited as staff will see it: its floor page and its A4 poster, drawn by the
 * very components the app and the posters screen use, from the draft as it is now. While the
 * floor (or what it names) still has errors, it says so instead of drawing something wrong.
 */
export function Preview({ ctx, floor, onChoose }: { ctx: EditorContextValue; floor: PreviewFloor | null; onChoose: (floor: PreviewFloor) => void }) {
  const { t, doc } = ctx;
  const [show, setShow] = useState<'page' | 'poster'>('page');
  const choices = floorChoices(doc);
  const chosen = choices.find((c) => floor && c.b === floor.b && c.f === floor.f) ?? choices[0];
  if (!chosen)
    return (
      <aside className="ed-preview" aria-label={t('editor.preview.title')}>
        <h2>{t('editor.preview.title')}</h2>
        <p>{t('editor.preview.noFloors')}</p>
      </aside>
    );
  const floorPathText = formatPath(['buildings', chosen.b, 'floors', chosen.f]);
  const broken =
    ctx.errorsUnder(floorPathText) > 0 ||
    ctx.errorsUnder('stairways') > 0 ||
    ctx.errorsUnder('assemblyPoints') > 0 ||
    ctx.errorsUnder('emergencyNumbers') > 0 ||
    ctx.errorsUnder('command') > 0 ||
    ctx.issuesAt(formatPath(['buildings', chosen.b])).some((i) => i.severity === 'error');
  const playbook = doc as Playbook;
  const playbookId = textIn(doc, 'id') ?? '';
  return (
    <aside className="ed-preview" aria-label={t('editor.preview.title')} data-testid="editor-preview">
      <h2>{t('editor.preview.title')}</h2>
      <div className="field">
        <label htmlFor="ed-preview-floor">{t('editor.preview.floor')}</label>
        <select
          id="ed-preview-floor"
          value={`${chosen.b}:${chosen.f}`}
          onChange={(e) => {
            const [b = 0, f = 0] = e.target.value.split(':').map(Number);
            onChoose({ b, f });
          }}
        >
          {choices.map((c) => (
            <option key={`${c.b}:${c.f}`} value={`${c.b}:${c.f}`}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row ed-preview-switch" role="group" aria-label={t('editor.preview.title')}>
        <button type="button" className={show === 'page' ? 'button primary' : 'button'} aria-pressed={show === 'page'} onClick={() => setShow('page')}>
          {t('editor.preview.page')}
        </button>
        <button type="button" className={show === 'poster' ? 'button primary' : 'button'} aria-pressed={show === 'poster'} onClick={() => setShow('poster')}>
          {t('editor.preview.poster')}
        </button>
      </div>
      {broken ? (
        <p className="callout" role="status">
          {t('editor.preview.broken')}
        </p>
      ) : (
        <ErrorBoundary resetKey={doc} fallback={() => <p className="callout">{t('editor.preview.broken')}</p>}>
          <div className="ed-preview-body" data-testid={show === 'page' ? 'preview-floor-page' : 'preview-poster'}>
            {show === 'page' ? (
              <PreviewPage playbook={playbook} buildingId={chosen.buildingId} floorId={chosen.floorId} />
            ) : (
              <div className="ed-poster-frame">
                <FloorPoster main={playbook} playbookId={playbookId} buildingId={chosen.buildingId} floorId={chosen.floorId} address={window.location.origin} />
              </div>
            )}
          </div>
        </ErrorBoundary>
      )}
    </aside>
  );
}

function PreviewPage({ playbook, buildingId, floorId }: { playbook: Playbook; buildingId: string; floorId: string }) {
  const view = floorView(playbook, buildingId, floorId);
  return view ? <FloorRouteView main={view} snapshot nested /> : null;
}
