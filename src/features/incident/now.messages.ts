import { defineMessages } from '../../domain/text';

/** Texts of the incident's "now" tab: the next steps, their clocks, the call bar and the headcount line. */
export const messages = defineMessages({
  'incident.tab.now': { 'zh-CN': '现在', en: 'Now' },
  'now.next': { 'zh-CN': '接下来 · 还有 {open} 步未完成', en: 'Next · {open} steps open' },
  'now.allDone': { 'zh-CN': '预案的步骤均已完成或跳过。', en: 'Every step of the plan is done or skipped.' },
  'now.fullChecklist': { 'zh-CN': '查看全部步骤', en: 'Full checklist' },
  'now.due.left': { 'zh-CN': '{at} 前完成 · 还剩 {time}', en: 'Due {at} · {time} left' },
  'now.due.overdue': { 'zh-CN': '已超时 {time}（应于 {at} 完成）', en: 'Overdue by {time} (due {at})' },
  'call.title': { 'zh-CN': '一键拨号', en: 'Call' },
  'call.fire': { 'zh-CN': '火警', en: 'Fire brigade' },
  'call.police': { 'zh-CN': '报警', en: 'Police' },
  'call.ambulance': { 'zh-CN': '急救', en: 'Ambulance' },
  'call.commander': { 'zh-CN': '指挥 {person}', en: 'Commander {person}' },
  'call.post': { 'zh-CN': '{person}（{post}）', en: '{person} ({post})' },
  'now.headcount': {
    'zh-CN': '清点人数：安全 {safe} · 受伤 {injured} · 名单共 {total} 人',
    en: 'Headcount: {safe} safe · {injured} injured · {total} on the roster',
  },
  'now.headcount.missing': { 'zh-CN': '未清点到 {count} 人', en: 'missing {count}' },
  'now.headcount.empty': { 'zh-CN': '清点人数：名单为空，还没有清点任何人', en: 'Headcount: nobody on the roster yet' },
});
