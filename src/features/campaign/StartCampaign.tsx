import { useState, type FormEvent } from 'react';
import { TEXT_LIMITS } from '../../domain/events/limits';
import type { CampaignUnitRef } from '../../domain/events/campaign';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import { commandNames } from '../../domain/playbook/names';
import type { Playbook } from '../../domain/playbook/schema';
import { Loading } from '../../ui/Loading';
import { Link, navigate } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { requestPersistentStorage } from '../offline';
import { playbookMessages, usePlaybook } from '../playbooks';
import { newCampaignId, newUnitId, startCampaign } from './commands';
import { coming, datesProblem, todayOnDevice, type CampaignDates } from './dates';
import { messages } from './messages';

/** Every campaign counts money in yuan, to the fen (the plan's tables are in 元). */
const CURRENCY = 'CNY';

interface UnitDraft {
  readonly unitId: string;
  readonly name: string;
  readonly owner: string;
  /** Who answers for it in the playbook (a role), shown as the hint for the owner's name. */
  readonly role?: string;
}

function DateField({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="date" value={value} onChange={(e) => onChange(e.target.value)} required data-testid={testId} />
    </label>
  );
}

function StartForm({ playbook }: { playbook: Playbook }) {
  const t = useText(messages);
  const actorName = useSession((s) => s.actorName);
  const setActorName = useSession((s) => s.setActorName);
  const campaign = playbook.campaign;
  const names = commandNames(playbook);
  const [dates, setDates] = useState<CampaignDates>(() =>
    campaign ? coming(campaign, todayOnDevice()) : { windowStart: '', windowEnd: '', referenceDate: '', deadline: '' },
  );
  // The title follows the window's year until someone types their own.
  const [typedTitle, setTitle] = useState<string | null>(null);
  const title = typedTitle ?? `${playbook.title} ${dates.windowStart.slice(0, 4)}`;
  const [units, setUnits] = useState<UnitDraft[]>(() =>
    (campaign?.units ?? []).map((u) => ({ unitId: u.id, name: u.name, owner: '', ...(u.owner ? { role: names.get(u.owner) ?? u.owner } : {}) })),
  );
  const [name, setName] = useState(actorName);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!campaign) return <p className="error-box">{t('campaign.start.notCampaign')}</p>;
  const lead = names.get(campaign.lead) ?? campaign.lead;
  const setDate = (k: keyof CampaignDates) => (v: string) => setDates((d) => ({ ...d, [k]: v }));
  const setUnit = (i: number, change: Partial<UnitDraft>) => setUnits((us) => us.map((u, j) => (j === i ? { ...u, ...change } : u)));

  async function start(e: FormEvent) {
    e.preventDefault();
    const dateProblem = datesProblem(dates);
    if (!title.trim()) return setProblem(t('campaign.start.missingTitle'));
    if (dateProblem) return setProblem(t(`campaign.start.dates.${dateProblem}`));
    if (units.length === 0 || units.some((u) => !u.name.trim())) return setProblem(t('campaign.start.missingUnit'));
    if (!name.trim()) return setProblem(t('campaign.start.missingName'));
    setProblem(null);
    setBusy(true);
    setActorName(name);
    const id = newCampaignId();
    const unitRefs: CampaignUnitRef[] = units.map((u) => ({ unitId: u.unitId, name: u.name.trim(), ...(u.owner.trim() ? { owner: u.owner.trim() } : {}) }));
    const event = await startCampaign(id, {
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      playbookLanguage: playbook.language,
      // Which text the campaign follows, so its report can tell if the device's copy changes later.
      playbookHash: playbookContentHash(playbook),
      title: title.trim(),
      ...dates,
      currency: CURRENCY,
      units: unitRefs,
    });
    setBusy(false);
    if (event) {
      void requestPersistentStorage();
      navigate(`/campaigns/${encodeURIComponent(id)}`);
    }
  }

  return (
    <form className="stack campaign-start" onSubmit={(e) => void start(e)} noValidate>
      <h1>{t('campaign.start.title')}</h1>
      <p className="card-title" lang={playbook.language}>
        {playbook.title}
      </p>
      <p className="card-meta">
        {t('campaign.start.lead', { office: lead })} · {t('campaign.start.reportTo', { to: campaign.reportTo })}
      </p>
      <label className="field">
        <span>{t('campaign.start.name')}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TEXT_LIMITS.title} required data-testid="campaign-title" />
      </label>
      <fieldset className="campaign-fieldset campaign-dates">
        <legend>{t('campaign.start.dates')}</legend>
        <div className="grid-form">
          <DateField label={t('campaign.start.windowStart')} value={dates.windowStart} onChange={setDate('windowStart')} testId="window-start" />
          <DateField label={t('campaign.start.windowEnd')} value={dates.windowEnd} onChange={setDate('windowEnd')} testId="window-end" />
          <DateField label={t('campaign.start.referenceDate')} value={dates.referenceDate} onChange={setDate('referenceDate')} testId="reference-date" />
          <DateField label={t('campaign.start.deadline')} value={dates.deadline} onChange={setDate('deadline')} testId="deadline" />
        </div>
        <p className="card-meta">{t('campaign.start.currency')}</p>
      </fieldset>
      <fieldset className="campaign-fieldset campaign-units">
        <legend>{t('campaign.start.units')}</legend>
        <ol className="unit-drafts">
          {units.map((u, i) => (
            <li key={u.unitId} className="unit-draft" data-testid={`unit-draft-${i}`}>
              <label className="field">
                <span>{t('campaign.start.unitName', { n: i + 1 })}</span>
                <input value={u.name} onChange={(e) => setUnit(i, { name: e.target.value })} maxLength={TEXT_LIMITS.title} required />
              </label>
              <label className="field">
                <span>{t('campaign.start.unitOwner', { n: i + 1 })}</span>
                <input
                  value={u.owner}
                  onChange={(e) => setUnit(i, { owner: e.target.value })}
                  maxLength={TEXT_LIMITS.name}
                  aria-describedby={u.role ? `${u.unitId}-role` : undefined}
                />
                {u.role ? (
                  <span className="card-meta" id={`${u.unitId}-role`}>
                    {t('campaign.start.unitRole', { role: u.role })}
                  </span>
                ) : null}
              </label>
              <button type="button" className="button small" onClick={() => setUnits((us) => us.filter((_, j) => j !== i))}>
                {t('campaign.start.removeUnit', { name: u.name || String(i + 1) })}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => setUnits((us) => [...us, { unitId: newUnitId(), name: '', owner: '' }])} data-testid="add-unit">
          {t('campaign.start.addUnit')}
        </button>
      </fieldset>
      <label className="field">
        <span>{t('campaign.you')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={TEXT_LIMITS.name} required data-testid="actor-name" />
      </label>
      {problem ? (
        <p role="alert" className="error-box" data-testid="start-problem">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button primary big" disabled={busy} data-testid="start-campaign">
        {t('campaign.start.submit')}
      </button>
    </form>
  );
}

/** Starting a campaign from a campaign playbook: its dates for the coming window, its units (renamed, added, removed) and who answers for each. */
export function StartCampaign({ playbookId, language }: { playbookId: string; language: string }) {
  const t = useText(messages);
  const tPlaybook = useText(playbookMessages);
  const load = usePlaybook(playbookId, language);
  if (load.status === 'loading') return <Loading />;
  if (load.status !== 'ready')
    return (
      <>
        <h1>{tPlaybook('reader.missing')}</h1>
        {load.status === 'failed' ? <p role="alert">{load.message}</p> : null}
        <Link href="/campaigns">{t('campaign.back')}</Link>
      </>
    );
  return <StartForm playbook={load.playbook} />;
}
