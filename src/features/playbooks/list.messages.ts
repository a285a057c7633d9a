import { defineMessages } from '../../domain/text';

/**
 * Texts of the playbook list (the home screen and the library): apart from the reader's and the
 * import's so the first screen loads only these.
 */
export const messages = defineMessages({
  'playbook.kind.flood': { 'zh-CN': '防汛', en: 'Flood' },
  'playbook.kind.fire': { 'zh-CN': '消防', en: 'Fire' },
  'playbook.kind.other': { 'zh-CN': '其他灾害', en: 'Other hazard' },
  'playbook.meta': { 'zh-CN': '{kind} · {language} · 版本 {version}', en: '{kind} · {language} · version {version}' },
  'library.title': { 'zh-CN': '应急预案', en: 'Playbooks' },
  'library.imported': { 'zh-CN': '已导入', en: 'imported' },
  'library.empty': { 'zh-CN': '本设备上还没有预案。', en: 'No playbooks on this device yet.' },
  'playbook.kind.campaign': { 'zh-CN': '专项排查', en: 'Self-inspection campaign' },
  // A playbook the organisation published (PlaybookList.tsx): which version this device holds and since when.
  'library.published.meta': {
    'zh-CN': '{kind} · {language} · 第 {revision} 次发布 · 版本 {version} · {received} 收到',
    en: '{kind} · {language} · revision {revision} · version {version} · received {received}',
  },
  'library.published.note': { 'zh-CN': '修订说明：{note}', en: 'What changed: {note}' },
});
