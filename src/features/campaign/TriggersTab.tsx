import { useRef, useState, type FormEvent } from 'react';
import type { CampaignPath, CampaignState, CampaignTrigger } from '../../domain/campaign';
import { triggerHorizonLabel } from '../../domain/campaign/terms';
import { TRIGGER_HORIZONS, type TriggerHorizon } from '../../domain/events/campaign';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { Playbook } from '../../domain/playbook/schema';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { newEntryId, setPath, setTrigger } from './commands';
import { messages } from './messages';
import { EntryActions, FieldError, FormActions, Recorded, UnitSelect, useProblemText } from './parts';

interface TriggerDraft {
  horizon: TriggerHorizon;
  description: string;
  unitId: string;
}
const emptyTrigger: TriggerDraft = { horizon: 'near', description: '', unitId: '' };

function TriggerForm({ state, editing, onDone }: { state: CampaignState; editing: CampaignTrigger | null; onDone: () => void }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const say = useProblemText();
  const [draft, setDraft] = useState<TriggerDraft>(() =>
    editing ? { horizon: editing.horizon, description: editing.description, unitId: editing.unitId ?? '' } : emptyTrigger,
  );
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (!draft.description.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    const event = await setTrigger(state.streamId, {
      entryId: editing?.entryId ?? newEntryId(),
      horizon: draft.horizon,
      description: draft.description.trim(),
      ...(draft.unitId ? { unitId: draft.unitId } : {}),
    });
    setBusy(false);
    if (!event) return;
    setSaved(t('campaign.trigger.saved'));
    setDraft(emptyTrigger);
    onDone();
  }
  return (
    <form className="stack entry-form" onSubmit={(e) => void save(e)} noValidate data-testid="trigger-form">
      <fieldset className="choice segmented">
        <legend>{t('campaign.trigger.horizon')}</legend>
        {TRIGGER_HORIZONS.map((h) => (
          <label key={h}>
            <input
              type="radio"
              name="trigger-horizon"
              checked={draft.horizon === h}
              onChange={() => setDraft((d) => ({ ...d, horizon: h }))}
              data-testid={`horizon-${h}`}
            />
            {triggerHorizonLabel(h, language)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('campaign.trigger.description')}</span>
        <textarea
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          maxLength={TEXT_LIMITS.note}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'trigger-missing' : undefined}
          data-testid="trigger-description"
        />
        <FieldError id="trigger-missing" text={missing ? say('required') : undefined} />
      </label>
      <UnitSelect units={state.units} value={draft.unitId} onChange={(unitId) => setDraft((d) => ({ ...d, unitId }))} optional />
      <FormActions busy={busy} editing={editing !== null} saveLabel={t('campaign.trigger.save')} saveTestId="save-trigger" onCancel={onDone} saved={saved} />
    </form>
  );
}

interface PathDraft {
  description: string;
  cutOff: string;
  unitId: string;
}
const emptyPath: PathDraft = { description: '', cutOff: '', unitId: '' };

function PathForm({ state, editing, onDone }: { state: CampaignState; editing: CampaignPath | null; onDone: () => void }) {
  const t = useText(messages);
  const say = useProblemText();
  const [draft, setDraft] = useState<PathDraft>(() =>
    editing ? { description: editing.description, cutOff: editing.cutOff ?? '', unitId: editing.unitId ?? '' } : emptyPath,
  );
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    if (!draft.description.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    const event = await setPath(state.streamId, {
      entryId: editing?.entryId ?? newEntryId(),
      description: draft.description.trim(),
      ...(draft.cutOff.trim() ? { cutOff: draft.cutOff.trim() } : {}),
      ...(draft.unitId ? { unitId: draft.unitId } : {}),
    });
    setBusy(false);
    if (!event) return;
    setSaved(t('campaign.path.saved'));
    setDraft(emptyPath);
    onDone();
  }
  return (
    <form className="stack entry-form" onSubmit={(e) => void save(e)} noValidate data-testid="path-form">
      <label className="field">
        <span>{t('campaign.path.description')}</span>
        <textarea
          value={draft.description}
          onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
          maxLength={TEXT_LIMITS.note}
          aria-invalid={missing ? true : undefined}
          aria-describedby={missing ? 'path-missing' : undefined}
          data-testid="path-description"
        />
        <FieldError id="path-missing" text={missing ? say('required') : undefined} />
      </label>
      <label className="field">
        <span>{t('campaign.path.cutOff')}</span>
        <textarea
          value={draft.cutOff}
          onChange={(e) => setDraft((d) => ({ ...d, cutOff: e.target.value }))}
          maxLength={TEXT_LIMITS.note}
          data-testid="path-cutoff"
        />
      </label>
      <UnitSelect units={state.units} value={draft.unitId} onChange={(unitId) => setDraft((d) => ({ ...d, unitId }))} optional />
      <FormActions busy={busy} editing={editing !== null} saveLabel={t('campaign.path.save')} saveTestId="save-path" onCancel={onDone} saved={saved} />
    </form>
  );
}

/**
 * The risk trigger points, near-term and long-term, and the transmission paths with the plan to
 * cut each (seed plan part 2, 四、(三)): what the report must say, as entries.
 */
export function TriggersTab({ state, playbook }: { state: CampaignState; playbook: Playbook }) {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const [editingTrigger, setEditingTrigger] = useState<CampaignTrigger | null>(null);
  const [editingPath, setEditingPath] = useState<CampaignPath | null>(null);
  const triggerHeading = useRef<HTMLHeadingElement>(null);
  const pathHeading = useRef<HTMLHeadingElement>(null);
  const guidance = playbook.campaign?.triggers ?? [];
  const unitName = (id: string | undefined) => (id ? (state.units.find((u) => u.unitId === id)?.name ?? id) : null);
  const focus = (h: HTMLHeadingElement | null) => {
    h?.scrollIntoView({ block: 'start' });
    h?.focus();
  };
  return (
    <div className="campaign-tab">
      {guidance.length ? (
        <section className="callout" lang={playbook.language} aria-label={t('campaign.trigger.guidance')}>
          <ol className="items">
            {guidance.map((g) => (
              <li key={g.id}>
                {g.title ? <strong>{g.title}: </strong> : null}
                {g.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <h2 ref={triggerHeading} tabIndex={-1}>
        {t(editingTrigger ? 'campaign.trigger.editTitle' : 'campaign.trigger.title')}
      </h2>
      <TriggerForm key={editingTrigger?.entryId ?? 'new'} state={state} editing={editingTrigger} onDone={() => setEditingTrigger(null)} />
      {TRIGGER_HORIZONS.map((h) => {
        const list = state.triggers.filter((x) => x.horizon === h);
        return (
          <section key={h} aria-labelledby={`triggers-${h}`}>
            <h3 id={`triggers-${h}`}>{t('campaign.trigger.list', { horizon: triggerHorizonLabel(h, language), count: list.length })}</h3>
            {list.length === 0 ? (
              <p className="empty">{t('campaign.entry.none')}</p>
            ) : (
              <ul className="entry-list" data-testid={`trigger-list-${h}`}>
                {list.map((x) => (
                  <li key={x.entryId} className="entry-card">
                    <p className="entry-line">{x.description}</p>
                    {unitName(x.unitId) ? <p className="entry-line">{t('campaign.entry.unit', { unit: unitName(x.unitId) ?? '' })}</p> : null}
                    <Recorded set={x.set} first={x.first} />
                    <EntryActions
                      streamId={state.streamId}
                      entryId={x.entryId}
                      label={x.description}
                      onEdit={() => {
                        setEditingTrigger(x);
                        focus(triggerHeading.current);
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <h2 ref={pathHeading} tabIndex={-1}>
        {t(editingPath ? 'campaign.path.editTitle' : 'campaign.path.title')}
      </h2>
      <PathForm key={editingPath?.entryId ?? 'new'} state={state} editing={editingPath} onDone={() => setEditingPath(null)} />
      <h3>{t('campaign.path.list', { count: state.paths.length })}</h3>
      {state.paths.length === 0 ? (
        <p className="empty">{t('campaign.entry.none')}</p>
      ) : (
        <ul className="entry-list" data-testid="path-list">
          {state.paths.map((p) => (
            <li key={p.entryId} className="entry-card">
              <p className="entry-line">{p.description}</p>
              {p.cutOff ? <p className="entry-line">{t('campaign.path.cutOffIs', { plan: p.cutOff })}</p> : null}
              {unitName(p.unitId) ? <p className="entry-line">{t('campaign.entry.unit', { unit: unitName(p.unitId) ?? '' })}</p> : null}
              <Recorded set={p.set} first={p.first} />
              <EntryActions
                streamId={state.streamId}
                entryId={p.entryId}
                label={p.description}
                onEdit={() => {
                  setEditingPath(p);
                  focus(pathHeading.current);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
