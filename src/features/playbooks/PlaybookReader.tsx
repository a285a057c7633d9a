import { messages as reportMessages } from '../../domain/report/messages';
import { Loading } from '../../ui/Loading';
import { useMemo, type ReactNode } from 'react';
import { useLanguage, useText } from '../../ui/text';
import { messages } from './messages';
import { messages as listMessages } from './list.messages';
import { Link } from '../../ui/router';
import type { Playbook } from '../../domain/playbook/schema';
import { usePlaybook } from './library';
import { playbookKindKey } from './PlaybookList';
import { BuildingRoutes } from './BuildingRoutes';
import { CommandChart } from './CommandChart';
import { ItemList } from './ItemList';
import { commandNames } from '../../domain/playbook/names';
import { hasRoutes } from '../../domain/playbook/routes';
import { MeasurementList } from './MeasurementList';
import { PhaseList } from './PhaseList';
import { PhoneLink } from './Phone';
import { Preparation } from './Preparation';
import { CampaignSection } from './CampaignSection';
import { EditPlaybookLink } from '../editor';

function Section({ id, title, children }: { id: string; title: keyof typeof messages | keyof typeof reportMessages; children: ReactNode }) {
  const t = useText(messages, reportMessages);
  const ui = useLanguage();
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="reader-section">
      <h2 id={`${id}-h`} lang={ui}>
        {t(title)}
      </h2>
      {children}
    </section>
  );
}

/** One playbook, whole: what the reader shows, and what the build pre-renders for a shipped one (src/app/snapshot.tsx). */
export function PlaybookBody({ playbook }: { playbook: Playbook }) {
  const t = useText(messages, listMessages, reportMessages);
  const ui = useLanguage();
  const names = useMemo(() => commandNames(playbook), [playbook]);
  const campaign = playbook.kind === 'campaign' ? playbook.campaign : undefined;
  const sections: { id: string; title: keyof typeof messages | keyof typeof reportMessages; show: boolean }[] = [
    { id: 'numbers', title: 'reader.section.numbers', show: playbook.emergencyNumbers.length > 0 },
    { id: 'command', title: 'reader.section.command', show: true },
    { id: 'campaign', title: 'reader.section.campaign', show: Boolean(campaign) },
    // A campaign's phases are how the self-inspection is run, not a response to an emergency.
    { id: 'phases', title: campaign ? 'reader.section.campaignPhases' : 'reader.section.phases', show: true },
    { id: 'measurements', title: 'reader.section.measurements', show: Boolean(playbook.measurements?.length) },
    {
      id: 'routes',
      title: 'reader.section.routes',
      show: hasRoutes(playbook) || Boolean(playbook.rulesForEveryone?.length || playbook.shelterInPlace?.length),
    },
    { id: 'preparation', title: 'reader.section.preparation', show: Boolean(playbook.preparation) },
    { id: 'requirements', title: 'reader.section.requirements', show: Boolean(playbook.requirements?.length || playbook.principles?.length) },
    { id: 'aftermath', title: 'steps.aftermath', show: playbook.aftermath.length > 0 },
    { id: 'about', title: 'reader.section.about', show: true },
  ];
  const shown = (id: string) => sections.some((s) => s.id === id && s.show);
  return (
    <div lang={playbook.language} data-testid="playbook-reader">
      <header className="reader-head">
        <h1>{playbook.title}</h1>
        <p className="card-meta" lang={ui}>
          {t('playbook.meta', { kind: t(playbookKindKey(playbook.kind)), language: playbook.language, version: playbook.version })} · {playbook.organisation}
        </p>
        {playbook.hazard ? <p className="label">{t('reader.hazard', { hazard: playbook.hazard })}</p> : null}
        <p>{playbook.summary}</p>
        {playbook.dutyPhone ? <PhoneLink number={playbook.dutyPhone} label={t('reader.dutyPhone')} /> : null}
        {campaign ? (
          <p lang={ui}>
            {/* A campaign starts from the campaigns screen, never from "start an incident": it is not an emergency. */}
            <Link
              href={`/campaigns?start=${encodeURIComponent(playbook.id)}&lang=${encodeURIComponent(playbook.language)}`}
              className="button primary"
              data-testid="reader-start-campaign"
            >
              {t('reader.campaign.start')}
            </Link>
          </p>
        ) : null}
        <p lang={ui}>
          <EditPlaybookLink playbookId={playbook.id} language={playbook.language} />
        </p>
      </header>
      <nav className="toc" aria-label={t('reader.contents')} lang={ui}>
        {sections
          .filter((s) => s.show)
          .map((s) => (
            <a key={s.id} href={`#${s.id}`}>
              {t(s.title)}
            </a>
          ))}
      </nav>
      {playbook.emergencyNumbers.length > 0 ? (
        <Section id="numbers" title="reader.section.numbers">
          <ul className="numbers">
            {playbook.emergencyNumbers.map((n) => (
              <li key={n.id}>
                {n.number ? (
                  <PhoneLink number={n.number} label={n.label} />
                ) : (
                  <span className="phone-link missing">
                    {n.label}: {t('reader.numberMissing')}
                  </span>
                )}
                {n.notes ? <p className="number-notes">{n.notes}</p> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="command" title="reader.section.command">
        <CommandChart playbook={playbook} names={names} />
      </Section>
      {campaign ? (
        <Section id="campaign" title="reader.section.campaign">
          <CampaignSection campaign={campaign} names={names} />
        </Section>
      ) : null}
      <Section id="phases" title={campaign ? 'reader.section.campaignPhases' : 'reader.section.phases'}>
        <PhaseList playbook={playbook} names={names} />
      </Section>
      {playbook.measurements?.length ? (
        <Section id="measurements" title="reader.section.measurements">
          <MeasurementList measurements={playbook.measurements} />
        </Section>
      ) : null}
      {shown('routes') ? (
        <Section id="routes" title="reader.section.routes">
          {playbook.rulesForEveryone?.length ? (
            <div className="rule-banner" role="note">
              <ItemList items={playbook.rulesForEveryone} names={names} testId="rules-for-everyone" />
            </div>
          ) : null}
          <BuildingRoutes playbook={playbook} />
          {playbook.shelterInPlace?.length ? (
            <>
              <h3>{t('reader.shelter')}</h3>
              <ItemList items={playbook.shelterInPlace} names={names} testId="shelter" />
            </>
          ) : null}
        </Section>
      ) : null}
      {playbook.preparation ? (
        <Section id="preparation" title="reader.section.preparation">
          <Preparation preparation={playbook.preparation} names={names} />
        </Section>
      ) : null}
      {shown('requirements') ? (
        <Section id="requirements" title="reader.section.requirements">
          {playbook.principles?.length ? (
            <>
              <h3>{t('reader.principles')}</h3>
              <ItemList items={playbook.principles} names={names} />
            </>
          ) : null}
          {playbook.requirements?.length ? <ItemList items={playbook.requirements} names={names} testId="requirements" /> : null}
        </Section>
      ) : null}
      <Section id="aftermath" title="steps.aftermath">
        <ol className="items" data-testid="aftermath">
          {playbook.aftermath.map((a) => (
            <li key={a.id}>
              {a.text}
              {a.owner ? <span className="item-owner"> — {names.get(a.owner) ?? a.owner}</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section id="about" title="reader.section.about">
        {playbook.purpose ? <p>{playbook.purpose}</p> : null}
        {playbook.scope?.map((s, i) => (
          <p key={i}>{s}</p>
        ))}
        {playbook.legalBasis?.length ? (
          <ul>
            {playbook.legalBasis.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : null}
        {playbook.planDevelopment?.content ? <p>{playbook.planDevelopment.content}</p> : null}
        {playbook.planDevelopment?.steps?.length ? <ItemList items={playbook.planDevelopment.steps} names={names} /> : null}
        {playbook.notes?.length ? (
          <>
            <h3>{t('reader.notes')}</h3>
            <ul className="notes">
              {playbook.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </div>
  );
}

/** Reads one playbook: everything it says, organised for a phone. Works offline. */
export function PlaybookReader({ id, language }: { id: string; language: string }) {
  const t = useText(messages, reportMessages);
  const load = usePlaybook(id, language);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'ready') return <PlaybookBody playbook={load.playbook} />;
  return (
    <>
      <h1 data-testid="reader-missing">{t('reader.missing')}</h1>
      {load.status === 'failed' ? <p role="alert">{load.message}</p> : null}
      <Link href="/playbooks">{t('reader.backToLibrary')}</Link>
    </>
  );
}
