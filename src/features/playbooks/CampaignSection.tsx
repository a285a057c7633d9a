import type { Campaign } from '../../domain/playbook/schema-rounds';
import { useLanguage, useText } from '../../ui/text';
import { ItemList } from './ItemList';
import { messages } from './messages';
import './campaign-section.css';

/**
 * What a campaign playbook runs (seed plan part 2): who leads it, its usual window, the date its
 * data are taken as of and its deadline, the units, every loan category and risk dimension in
 * full (with the thresholds the plan gives), what the report must say and the tables handed in.
 */
export function CampaignSection({ campaign, names }: { campaign: Campaign; names: Map<string, string> }) {
  const t = useText(messages);
  const ui = useLanguage();
  return (
    <>
      <dl className="campaign-facts">
        <dt lang={ui}>{t('reader.campaign.lead')}</dt>
        <dd>{names.get(campaign.lead) ?? campaign.lead}</dd>
        <dt lang={ui}>{t('reader.campaign.window')}</dt>
        <dd lang={ui}>{t('reader.campaign.windowRange', { start: campaign.window.start, end: campaign.window.end })}</dd>
        <dt lang={ui}>{t('reader.campaign.referenceDate')}</dt>
        <dd lang={ui}>{t('reader.campaign.referenceDateValue', { date: campaign.referenceDate.monthDay, years: campaign.referenceDate.yearsBefore })}</dd>
        <dt lang={ui}>{t('reader.campaign.deadline')}</dt>
        <dd>{campaign.deadline}</dd>
        <dt lang={ui}>{t('reader.campaign.reportTo')}</dt>
        <dd>{campaign.reportTo}</dd>
      </dl>
      <h3 lang={ui}>{t('reader.campaign.units')}</h3>
      <ul className="items" data-testid="campaign-units">
        {campaign.units.map((u) => (
          <li key={u.id}>
            {u.name}
            {u.owner ? <span className="item-owner"> — {names.get(u.owner) ?? u.owner}</span> : null}
          </li>
        ))}
      </ul>
      <h3 lang={ui}>{t('reader.campaign.loanCategories')}</h3>
      <ol className="items" data-testid="campaign-categories">
        {campaign.loanCategories.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ol>
      <h3 lang={ui}>{t('reader.campaign.riskDimensions')}</h3>
      <ol className="items" data-testid="campaign-dimensions">
        {campaign.riskDimensions.map((d) => (
          <li key={d.id}>
            <strong>{d.title}: </strong>
            {d.text}
          </li>
        ))}
      </ol>
      <h3 lang={ui}>{t('reader.campaign.triggers')}</h3>
      <ItemList items={campaign.triggers} names={names} />
      <h3 lang={ui}>{t('reader.campaign.report')}</h3>
      <ItemList items={campaign.reportContents} names={names} testId="campaign-report-contents" />
      <h3 lang={ui}>{t('reader.campaign.tables')}</h3>
      <ul className="items">
        {campaign.tables.map((x) => (
          <li key={x.id}>{x.title}</li>
        ))}
      </ul>
    </>
  );
}
