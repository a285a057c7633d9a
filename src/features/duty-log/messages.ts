import { defineMessages } from '../../domain/text';

/** Texts of the duty log (值班日记): entries and shift handovers. */
export const messages = defineMessages({
  'duty.title': { 'zh-CN': '值班日记', en: 'Duty log' },
  'duty.site': { 'zh-CN': '单位', en: 'Site' },
  'duty.siteHint': { 'zh-CN': '本日记所属的支行或楼宇', en: 'The branch or building this book belongs to' },
  'duty.onDuty': { 'zh-CN': '当前值班：{name}', en: 'On duty: {name}' },
  'duty.nobody': { 'zh-CN': '尚无交接班记录。', en: 'No shift handover recorded yet.' },
  'duty.carriedOver': { 'zh-CN': '移交的未完成事项', en: 'Open items carried over' },
  'duty.newEntry': { 'zh-CN': '新记录', en: 'New entry' },
  'duty.entry.submit': { 'zh-CN': '写入日记', en: 'Write entry' },
  'duty.shiftHandover': { 'zh-CN': '交接班', en: 'Shift handover' },
  'duty.handover.outgoing': { 'zh-CN': '交班人', en: 'Outgoing' },
  'duty.handover.incoming': { 'zh-CN': '接班人', en: 'Incoming' },
  'duty.handover.items': { 'zh-CN': '未完成事项（每行一项）', en: 'Open items (one per line)' },
  'duty.handover.note': { 'zh-CN': '备注', en: 'Note' },
  'duty.handover.submit': { 'zh-CN': '记录交接班', en: 'Record handover' },
  'duty.duringIncident': { 'zh-CN': '事件期间写入的值班日记', en: 'Duty-log entries written while this incident was open' },
  'duty.openBook': { 'zh-CN': '打开值班日记', en: 'Open the duty log' },
  'duty.empty': { 'zh-CN': '没有记录。', en: 'No entries.' },
});
