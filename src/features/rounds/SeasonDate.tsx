import { useId, useState, type FormEvent } from 'react';
import { useText } from '../../ui/text';
import { parseSeasonStart } from './calendar';
import { setSeasonStart } from './commands';
import { messages } from './messages';

/**
 * When the branch's season starts, for a round due before it (the flood preparation of seed
 * plan 3, 四): "MM-DD" every year, written to the branch calendar and synced to every phone.
 * A date that is not a month and a day, or a day the month never has, is refused with why.
 */
export function SeasonDate({
  playbookId,
  roundId,
  season,
  daysBefore,
  startsOn,
}: {
  playbookId: string;
  roundId: string;
  season: string;
  daysBefore: number;
  startsOn: string | undefined;
}) {
  const t = useText(messages);
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(startsOn ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (startsOn !== undefined && !editing)
    return (
      <p className="season-date" data-testid="season-date">
        {t('rounds.season.current', { season, date: startsOn, days: daysBefore })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setValue(startsOn);
            setEditing(true);
          }}
        >
          {t('rounds.season.change')}
        </button>
      </p>
    );

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseSeasonStart(value);
    if (!parsed.ok)
      return setProblem(parsed.problem === 'format' ? t('rounds.season.problem.format') : t('rounds.season.problem.noSuchDay', { input: value.trim() }));
    setProblem(null);
    setBusy(true);
    const saved = await setSeasonStart(playbookId, roundId, parsed.startsOn);
    setBusy(false);
    if (saved) {
      setValue(parsed.startsOn);
      setEditing(false);
    }
  };

  return (
    <form className="season-form" onSubmit={(e) => void save(e)} noValidate data-testid="season-form">
      <label className="field">
        <span>{t('rounds.season.label', { season })}</span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="06-01"
          autoComplete="off"
          maxLength={10}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
          data-testid="season-input"
        />
      </label>
      <span className="card-meta" id={`${id}-hint`}>
        {t('rounds.season.hint')}
      </span>
      <button type="submit" className="button" disabled={busy} data-testid="season-save">
        {t('rounds.season.save')}
      </button>
      {problem ? (
        <p role="alert" className="error-box season-problem" id={`${id}-problem`} data-testid="season-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
