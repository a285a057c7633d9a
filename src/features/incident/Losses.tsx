import { messages as reportMessages } from '../../domain/report/messages';
import { useState, type FormEvent } from 'react';
import { useText } from '../../ui/text';
import { useSession } from '../../ui/session';
import { TEXT_LIMITS } from '../../domain/events/limits';
import { lossTotal, type IncidentState, type SuppliesEntry } from '../../domain/incident';
import { recordLoss, recordSuppliesToReplenish, recordSuppliesUsed } from './commands';
import { messages } from './messages';

function SuppliesForm({ onSubmit, testId }: { onSubmit: (item: string, quantity: number, unit: string) => Promise<unknown>; testId: string }) {
  const t = useText(messages, reportMessages);
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unit, setUnit] = useState('');
  return (
    <form
      className="inline-form"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        const q = Number(quantity);
        if (!item.trim() || !Number.isFinite(q) || q < 0) return;
        void onSubmit(item.trim(), q, unit.trim()).then((ok) => ok && (setItem(''), setQuantity('1'), setUnit('')));
      }}
    >
      <input
        aria-label={t('supplies.item')}
        placeholder={t('supplies.item')}
        value={item}
        onChange={(e) => setItem(e.target.value)}
        required
        maxLength={TEXT_LIMITS.item}
      />
      <input
        aria-label={t('losses.quantity')}
        type="number"
        min="0"
        step="any"
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        required
      />
      <input aria-label={t('losses.unit')} placeholder={t('losses.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={TEXT_LIMITS.unit} />
      <button type="submit" className="button">
        {t('supplies.add')}
      </button>
    </form>
  );
}

function SuppliesList({ list, incident, testId }: { list: readonly SuppliesEntry[]; incident: IncidentState; testId: string }) {
  return (
    <ul className="plain-list" data-testid={testId}>
      {list.map((s) => (
        <li key={s.eventId} className={incident.struck[s.eventId] ? 'struck' : undefined}>
          {s.item} × {s.quantity}
          {s.unit ?? ''}
        </li>
      ))}
    </ul>
  );
}

/** Items lost or damaged (what, where, how many, estimated value), supplies used and to replenish. */
export function Losses({ incident, readOnly }: { incident: IncidentState; readOnly: boolean }) {
  const t = useText(messages, reportMessages);
  const language = useSession((s) => s.language);
  const [what, setWhat] = useState('');
  const [where, setWhere] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unit, setUnit] = useState('');
  const [value, setValue] = useState('');
  const [kind, setKind] = useState<'lost' | 'damaged'>('damaged');
  const total = lossTotal(incident);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = Number(quantity);
    const v = value.trim() === '' ? undefined : Number(value);
    if (!what.trim() || !Number.isFinite(q) || q < 0 || (v !== undefined && (!Number.isFinite(v) || v < 0))) return;
    void recordLoss(incident.id, {
      what: what.trim(),
      where: where.trim(),
      quantity: q,
      kind,
      ...(unit.trim() ? { unit: unit.trim() } : {}),
      ...(v !== undefined ? { estimatedValue: v } : {}),
    }).then((ok) => ok && (setWhat(''), setWhere(''), setQuantity('1'), setUnit(''), setValue('')));
  }

  return (
    <>
      <h2>{t('section.losses')}</h2>
      {readOnly ? null : (
        <form className="grid-form" onSubmit={submit} data-testid="loss-form">
          <label className="field">
            <span>{t('losses.what')}</span>
            <input value={what} onChange={(e) => setWhat(e.target.value)} required maxLength={TEXT_LIMITS.item} />
          </label>
          <label className="field">
            <span>{t('losses.where')}</span>
            <input value={where} onChange={(e) => setWhere(e.target.value)} maxLength={TEXT_LIMITS.item} />
          </label>
          <label className="field">
            <span>{t('losses.quantity')}</span>
            <input type="number" min="0" step="any" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
          </label>
          <label className="field">
            <span>{t('losses.unit')}</span>
            <input value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={TEXT_LIMITS.unit} />
          </label>
          <label className="field">
            <span>{t('losses.value')}</span>
            <input type="number" min="0" step="any" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <fieldset className="choice segmented">
            <legend>{t('losses.kind')}</legend>
            {(['damaged', 'lost'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="loss-kind" checked={kind === k} onChange={() => setKind(k)} />
                {t(`losses.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary">
            {t('losses.add')}
          </button>
        </form>
      )}
      <table className="data-table" data-testid="losses">
        <thead>
          <tr>
            <th scope="col">{t('losses.what')}</th>
            <th scope="col">{t('losses.where')}</th>
            <th scope="col">{t('losses.quantity')}</th>
            <th scope="col">{t('losses.value')}</th>
          </tr>
        </thead>
        <tbody>
          {incident.losses.map((l) => (
            <tr key={l.eventId} className={incident.struck[l.eventId] ? 'struck' : undefined}>
              <td>
                {l.what} ({t(`losses.kind.${l.kind}`)})
              </td>
              <td>{l.where}</td>
              <td>
                {l.quantity}
                {l.unit ?? ''}
              </td>
              <td>{l.estimatedValue?.toLocaleString(language) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="loss-total">{t('losses.totalSoFar', { value: total.toLocaleString(language) })}</p>
      <h2>{t('supplies.used')}</h2>
      {readOnly ? null : (
        <SuppliesForm
          testId="supplies-used-form"
          onSubmit={(item, quantity, u) => recordSuppliesUsed(incident.id, { item, quantity, ...(u ? { unit: u } : {}) })}
        />
      )}
      <SuppliesList list={incident.suppliesUsed} incident={incident} testId="supplies-used" />
      <h2>{t('supplies.toReplenish')}</h2>
      {readOnly ? null : (
        <SuppliesForm
          testId="supplies-replenish-form"
          onSubmit={(item, quantity, u) => recordSuppliesToReplenish(incident.id, { item, quantity, ...(u ? { unit: u } : {}) })}
        />
      )}
      <SuppliesList list={incident.suppliesToReplenish} incident={incident} testId="supplies-replenish" />
    </>
  );
}
