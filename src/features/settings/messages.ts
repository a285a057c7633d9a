import { defineMessages } from '../../domain/text';

/** Texts of the settings screen. */
export const messages = defineMessages({
  'settings.title': { 'zh-CN': '设置', en: 'Settings' },
  'settings.language': { 'zh-CN': '语言', en: 'Language' },
});
