import { bilingual, defineMessages } from '../../domain/text';

/** Texts of a campaign's deadline wherever it shows (home, the list, the campaign's page): loaded with the home screen, so kept small. */
export const messages = defineMessages({
  'campaignDue.title': { 'zh-CN': '专项排查', en: 'Campaigns' },
  'campaignDue.open': { 'zh-CN': '进行中的专项排查', en: 'Campaigns under way' },
  'campaignDue.left': bilingual<{ days: number; deadline: string }>(
    ({ days, deadline }) => `${days} ${days === 1 ? 'day' : 'days'} left · due ${deadline}`,
    ({ days, deadline }) => `还有 ${days} 天 · ${deadline} 截止`,
  ),
  'campaignDue.today': { 'zh-CN': '今天截止（{deadline}）', en: 'Due today ({deadline})' },
  'campaignDue.overdue': bilingual<{ days: number; deadline: string }>(
    ({ days, deadline }) => `${days} ${days === 1 ? 'day' : 'days'} overdue · was due ${deadline}`,
    ({ days, deadline }) => `已逾期 ${days} 天 · ${deadline} 截止`,
  ),
  'campaignDue.handedIn': { 'zh-CN': '报告已上报', en: 'Report handed in' },
  'campaignDue.all': { 'zh-CN': '全部专项排查', en: 'All campaigns' },
});
