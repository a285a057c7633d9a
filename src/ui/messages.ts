import { defineMessages } from '../domain/text';

/** Texts every screen shares: recording an event and its failure, corrections, loading, saving, a screen that fails. */
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
  'error.chunk.title': { 'zh-CN': '此页面无法加载', en: 'This screen could not be loaded' },
  'error.chunk.body': {
    'zh-CN': '本设备上可能已安装了新版本，而这一页仍是旧版本的。重新加载即可解决。',
    en: 'A newer version of the app may have been installed on this device. Reloading fixes this.',
  },
  'error.render.title': { 'zh-CN': '此页面出错，无法显示', en: 'This screen failed to show' },
  'error.render.body': {
    'zh-CN': '显示这一页时出了错。可以重新加载，或打开其他页面。',
    en: 'Something went wrong while showing it. Reload, or open another screen.',
  },
  'error.nothingLost': {
    'zh-CN': '已记录的内容都没有丢失：它们保存在本设备的存储中。',
    en: 'Nothing recorded was lost: it is kept in this device’s storage.',
  },
  'error.reload': { 'zh-CN': '重新加载', en: 'Reload' },
  'form.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'form.download': { 'zh-CN': '下载', en: 'Download' },
});
