import { useState } from 'react';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { strikeEntry } from './commands';
import { messages } from './messages';

/**
 * Striking an entry through, with the reason if one is given: the entry stays on the record,
 * marked. Closes once the strike is stored, or when cancelled.
 */
export function StrikeForm({ incidentId, eventId, onClose }: { incidentId: string; eventId: string; onClose: () => void }) {
  const t = useText(messages);
  const common = useText(uiMessages);
  const [reason, setReason] = useState('');
  return (
    <form
      className="strike-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        void strikeEntry(incidentId, eventId, reason.trim() || undefined).then((ok) => ok && onClose());
      }}
    >
      <label className="field">
        <span>{t('timeline.strikeReason')}</span>
        <input value={reason} onChange={(x) => setReason(x.target.value)} maxLength={TEXT_LIMITS.reason} autoFocus />
      </label>
      <div className="button-row">
        <button type="submit" className="button">
          {common('entry.strike')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {common('form.cancel')}
        </button>
      </div>
    </form>
  );
}
