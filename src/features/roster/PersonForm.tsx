import { useState } from 'react';
import type { RosterPerson } from '../../domain/events/roster';
import { isPhoneNumber, PHONE_MAX_LENGTH, PHONE_PATTERN } from '../../domain/phone';
import { FIELD_MAX } from '../../domain/roster';
import { messages as uiMessages } from '../../ui/messages';
import { useText } from '../../ui/text';
import { messages } from './messages';

type Draft = Record<'name' | 'floor' | 'team' | 'phone' | 'assemblyPoint', string>;

const draftOf = (p?: RosterPerson): Draft => ({
  name: p?.name ?? '',
  floor: p?.floor ?? '',
  team: p?.team ?? '',
  phone: p?.phone ?? '',
  assemblyPoint: p?.assemblyPoint ?? '',
});

/** Adds a person to the branch roster or changes one: the same fields and limits as the CSV import. */
export function PersonForm({
  person,
  newId,
  onSave,
  onCancel,
}: {
  person?: RosterPerson;
  newId: () => string;
  onSave: (p: RosterPerson) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useText(messages);
  const common = useText(uiMessages);
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const phoneBad = draft.phone.trim() !== '' && !isPhoneNumber(draft.phone.trim());
  const field = (key: keyof Draft, extra: { type?: string; inputMode?: 'tel'; hint?: string; required?: boolean } = {}) => (
    <label className="field">
      <span>{t(`roster.field.${key}`)}</span>
      <input
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        maxLength={key === 'phone' ? PHONE_MAX_LENGTH : FIELD_MAX[key]}
        required={extra.required}
        type={extra.type ?? 'text'}
        inputMode={extra.inputMode}
        placeholder={extra.hint}
        aria-invalid={key === 'phone' && phoneBad ? true : undefined}
        data-testid={`person-${key}`}
        {...(key === 'phone' ? { pattern: PHONE_PATTERN.source } : {})}
      />
      {key === 'phone' && phoneBad ? (
        <span className="field-error" role="alert">
          {t('roster.form.phoneInvalid')}
        </span>
      ) : null}
    </label>
  );
  return (
    <form
      className="grid-form person-form"
      onSubmit={(e) => {
        e.preventDefault();
        const name = draft.name.trim();
        if (!name || phoneBad) return;
        const p: RosterPerson = {
          personId: person?.personId ?? newId(),
          name,
          ...(draft.floor.trim() ? { floor: draft.floor.trim() } : {}),
          ...(draft.team.trim() ? { team: draft.team.trim() } : {}),
          ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
          ...(draft.assemblyPoint.trim() ? { assemblyPoint: draft.assemblyPoint.trim() } : {}),
        };
        void onSave(p).then((ok) => {
          if (ok && !person) setDraft(draftOf());
        });
      }}
    >
      {field('name', { required: true })}
      {field('floor')}
      {field('team')}
      {field('phone', { type: 'tel', inputMode: 'tel', hint: t('roster.form.phoneHint') })}
      {field('assemblyPoint')}
      <div className="button-row">
        <button type="submit" className="button primary" data-testid="person-save">
          {person ? common('form.save') : t('roster.add')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {common('form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
