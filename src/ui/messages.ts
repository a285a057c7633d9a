import { defineMessages } from '../domain/text';

/** Texts every screen shares: recording an event and its failure, corrections, loading, saving. */
export const messages = defineMessages({
  'record.actor.unknown': { 'zh-CN': '未署名', en: 'Unnamed' },
  'record.writeFailed': {
    'zh-CN': '未保存——本设备无法存储这条记录（{detail}）。之前的记录都在；请重试，或清理存储空间。',
    en: 'Not saved — this device could not store the record ({detail}). Nothing was lost from before; try again, or free up storage.',
  },
  'record.writeFailed.dismiss': { 'zh-CN': '知道了', en: 'Dismiss' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  'entry.strike': { 'zh-CN': '划去', en: 'Strike out' },
  'entry.struck': { 'zh-CN': '已由 {actor} 于 {time} 划去', en: 'Struck out by {actor}, {time}' },
  'form.save': { 'zh-CN': '保存', en: 'Save' },
});
