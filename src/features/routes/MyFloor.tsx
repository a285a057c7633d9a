import { speaker, type Language } from '../../domain/text';
import { useLanguage } from '../../ui/text';
import { messages } from './messages';

/** A floor as "my floor" remembers it: where its route is, and its name to show in the finder. */
export interface SavedFloor {
  readonly playbookId: string;
  readonly buildingId: string;
  readonly floorId: string;
  readonly label: string;
}

/** Whether `floor` is the one saved as "my floor" (the label may have changed with the language). */
export function isSavedFloor(saved: SavedFloor | null, floor: Omit<SavedFloor, 'label'> & { readonly label?: string }): boolean {
  return saved !== null && saved.playbookId === floor.playbookId && saved.buildingId === floor.buildingId && saved.floorId === floor.floorId;
}

/**
 * Under a floor's route: "This is my floor", or that it already is. Only this tap changes "my
 * floor": someone who looks up another floor's route (a colleague's, the one above) keeps their own.
 */
export function MyFloorChoice({
  floor,
  saved,
  onSave,
  language,
}: {
  floor: SavedFloor;
  saved: SavedFloor | null;
  onSave: (floor: SavedFloor) => void;
  /** The app's language unless given (tests). */
  language?: Language;
}) {
  const current = useLanguage();
  const t = speaker(language ?? current, messages);
  const mine = isSavedFloor(saved, floor);
  return (
    // A live region: the change from the button to "saved" is announced.
    <div className="my-floor-choice" aria-live="polite">
      {mine ? (
        <p className="ok-box" data-testid="my-floor-saved">
          {t('routes.myFloor.saved')}
        </p>
      ) : (
        <>
          <button type="button" className="button" data-testid="set-my-floor" onClick={() => onSave(floor)}>
            {t('routes.myFloor.set')}
          </button>
          <p className="note">{t('routes.myFloor.setHint')}</p>
        </>
      )}
    </div>
  );
}
