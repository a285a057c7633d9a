import { defineMessages } from '../../domain/text';

/** Texts of the report tab and the report viewer; the report's own words are in src/domain/report/messages.ts. */
export const messages = defineMessages({
  'report.intro': {
    'zh-CN': '根据本事件记录的 {count} 条事件及其间的值班日记生成。请选择报告语言，然后打印或导出。',
    en: 'Built from the {count} events recorded for this incident, with the duty log written during it. Choose the language of the report, then print it or export it.',
  },
  'report.language': { 'zh-CN': '报告语言', en: 'Report language' },
  'report.language.en': { 'zh-CN': '英文', en: 'English' },
  'report.language.zh-CN': { 'zh-CN': '简体中文', en: 'Simplified Chinese' },
  'report.loading': { 'zh-CN': '正在读取值班日记和上次演练……', en: 'Gathering the duty log and the previous drill…' },
  'report.failed': { 'zh-CN': '无法生成报告：{detail}', en: 'The report could not be made: {detail}' },
  'report.summary': {
    'zh-CN': '完成步骤 {done}/{total} · 值班日记 {entries} 条 · 记录共 {events} 条',
    en: '{done} of {total} steps done · {entries} duty-log entries · {events} events in the record',
  },
  'report.previousDrill': { 'zh-CN': '与上次演练对比：{title}，{time}', en: 'Compared with the previous drill: {title}, {time}' },
  'report.noPreviousDrill': { 'zh-CN': '本设备上没有该预案更早的演练可供对比。', en: 'No earlier drill of this playbook on this device to compare with.' },
  'report.otherLanguagePlaybook': {
    'zh-CN': '本设备上没有该语言的预案，步骤按原文引用。',
    en: 'The playbook is not on this device in this language; its steps are quoted as written.',
  },
  'report.hash': { 'zh-CN': '记录的最终哈希值（印在报告上）：', en: 'Final hash of the record, as printed on the report: ' },
  'report.print': { 'zh-CN': '打印或存为 PDF', en: 'Print or save as PDF' },
  'report.formats': { 'zh-CN': '导出', en: 'Export' },
  'report.format.html': { 'zh-CN': '可打印报告（HTML）', en: 'Printable report (HTML)' },
  'report.format.md': { 'zh-CN': 'Markdown 文本报告', en: 'Report as Markdown text' },
  'report.format.csv': { 'zh-CN': '活动记录，ICS 214（CSV）', en: 'Activity log, ICS 214 (CSV)' },
  'report.format.json': { 'zh-CN': '完整记录，可在其他设备打开（JSON）', en: 'Full record to open on another device (JSON)' },
  'report.share': { 'zh-CN': '分享', en: 'Share' },
  'report.shareFailed': { 'zh-CN': '分享未成功（{detail}）；请改用下载。', en: 'Sharing did not work ({detail}); use Download instead.' },
  'report.openFile': { 'zh-CN': '打开导出的报告', en: 'Open an exported report' },
  'report.viewer.title': { 'zh-CN': '打开导出的报告', en: 'Open an exported report' },
  'report.viewer.intro': {
    'zh-CN': '选择任一设备上从 Muster 导出的 JSON 文件。文件会按哈希链校验，并以只读方式显示。',
    en: 'Choose a JSON file exported from Muster on any device. It is checked against its hash chain and shown read-only.',
  },
  'report.viewer.pick': { 'zh-CN': '报告文件（JSON）', en: 'Report file (JSON)' },
  'report.viewer.readOnly': {
    'zh-CN': '只读：此记录来自文件，这里的任何内容都不会改动本设备上的数据。',
    en: 'Read-only: this record came from a file; nothing here changes anything on this device.',
  },
  'report.viewer.exported': {
    'zh-CN': '事件 {id} · 预案 {playbook} {version} · 导出于 {time}',
    en: 'Incident {id} · playbook {playbook} {version} · exported {time}',
  },
  'report.viewer.noPlaybook': {
    'zh-CN': '文件中没有预案副本，本设备上也没有预案 {id}。',
    en: 'The file carries no copy of the playbook, and playbook {id} is not on this device.',
  },
  'report.viewer.frame': { 'zh-CN': '报告', en: 'The report' },
  'report.viewer.readFailed': { 'zh-CN': '无法读取文件：{detail}', en: 'The file could not be read: {detail}' },
});
