import { defineMessages } from '../domain/text';

/** Texts of the shell: name, navigation, language switch, page not found. */
export const messages = defineMessages({
  'app.name': { 'zh-CN': 'Muster 应急指挥', en: 'Muster' },
  'app.tagline': { 'zh-CN': '防汛与消防应急指挥', en: 'Incident command for floods and fires' },
  'app.skipToContent': { 'zh-CN': '跳到正文', en: 'Skip to content' },
  'nav.label': { 'zh-CN': '主导航', en: 'Main' },
  'nav.home': { 'zh-CN': '首页', en: 'Home' },
  'nav.playbooks': { 'zh-CN': '预案', en: 'Playbooks' },
  'nav.routes': { 'zh-CN': '疏散路线', en: 'Routes' },
  'nav.settings': { 'zh-CN': '设置', en: 'Settings' },
  'language.switch': { 'zh-CN': 'EN', en: '中文' },
  'language.switchLabel': { 'zh-CN': '切换到英文', en: 'Switch to Chinese' },
  'notFound.title': { 'zh-CN': '找不到该页面', en: 'Page not found' },
  'notFound.back': { 'zh-CN': '返回首页', en: 'Back to the home screen' },
});
