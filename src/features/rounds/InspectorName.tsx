import { useState } from 'react';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { messages as uiMessages } from '../../ui/messages';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { messages } from './messages';

/**
 * Who this phone records rounds under (the session's name, as an incident asks for it): asked
 * for when it is not set, with a way to change it when the phone is passed on.
 */
export function InspectorName({
  problem,
  unlessNamed,
}: {
  problem?: string | null;
  /** Say nothing while the phone records under this name (the round's own inspector). */ unlessNamed?: string;
}) {
  const t = useText(messages, uiMessages);
  const name = useSession((s) => s.actorName);
  const setActorName = useSession((s) => s.setActorName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  if (name && !editing && name === unlessNamed) return null;
  if (name && !editing)
    return (
      <p className="card-meta rounds-inspector" data-testid="rounds-inspector">
        {t('rounds.inspector', { name })}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setDraft(name);
            setEditing(true);
          }}
        >
          {t('rounds.inspector.change')}
        </button>
      </p>
    );
  return (
    <form
      className="inline-form rounds-inspector"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        setActorName(draft);
        setEditing(false);
      }}
    >
      <label className="field grow">
        <span>{t('rounds.inspector.label')}</span>
        <input
          id="rounds-inspector-name"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoComplete="name"
          maxLength={TEXT_LIMITS.name}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'rounds-inspector-problem' : undefined}
          data-testid="rounds-inspector-name"
        />
      </label>
      <button type="submit" className="button">
        {t('form.save')}
      </button>
      {problem ? (
        <p role="alert" className="error-box" id="rounds-inspector-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
