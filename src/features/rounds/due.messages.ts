import { bilingual, defineMessages } from '../../domain/text';

/** The home screen's inspections card: a dictionary of its own, so the card's chunk carries only these. */
export const messages = defineMessages({
  'rounds.home.title': { 'zh-CN': '安全检查', en: 'Inspections' },
  'rounds.home.due': { 'zh-CN': '今日待检 {count} 项', en: '{count} due today' },
  'rounds.home.overdue': { 'zh-CN': '逾期 {count} 项', en: '{count} overdue' },
  'rounds.home.findings': bilingual<{ count: number }>(
    ({ count }) => (count === 1 ? 'One finding to rectify' : `${count} findings to rectify`),
    ({ count }) => `待整改隐患 ${count} 项`,
  ),
});
