import { defineMessages } from '../../domain/text';

/** Texts of the home screen. */
export const messages = defineMessages({
  'home.start.title': { 'zh-CN': '发生险情？立即启动应急预案', en: 'Emergency? Start the plan' },
  'home.start.flood': { 'zh-CN': '水灾', en: 'Flood' },
  'home.start.fire': { 'zh-CN': '火灾', en: 'Fire' },
  'home.routes.title': { 'zh-CN': '疏散路线', en: 'Evacuation routes' },
  'home.routes.hint': { 'zh-CN': '查看本楼层应走的楼梯和出口', en: 'Find the stairs and exit for your floor' },
  'home.incidents.title': { 'zh-CN': '进行中的事件', en: 'Open incidents' },
  'home.incidents.empty': { 'zh-CN': '本设备上没有进行中的事件。', en: 'No open incidents on this device.' },
  // One word each, as the badge on an incident's card says it.
  'home.mode.real': { 'zh-CN': '实战', en: 'Real' },
  'home.mode.drill': { 'zh-CN': '演练', en: 'Drill' },
  'home.incidents.closed': { 'zh-CN': '已结束的事件', en: 'Closed incidents' },
  'home.incidents.started': { 'zh-CN': '{actor} 于 {time} 启动', en: 'Started {time} by {actor}' },
  'home.headOffice.title': { 'zh-CN': '总行视图：各网点事件', en: 'Head office: every branch’s incidents' },
  'home.headOffice.hint': { 'zh-CN': '各网点进行中的事件，实时、只读', en: 'Open incidents of every branch, live and read only' },
  'home.receiveHandover': { 'zh-CN': '接收另一部手机的交接（无网络）', en: 'Receive from another phone (no network)' },
});
