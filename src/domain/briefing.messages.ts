import { defineMessages } from './text';

/**
 * The words of a handover briefing (briefing.ts). They are recorded with the handover as the
 * incoming commander read them, so they are filled in the domain, in the reader's language.
 */
export const messages = defineMessages({
  'brief.line': { 'zh-CN': '{time} {actor}：{text}', en: '{time} {actor}: {text}' },
  'brief.reading': { 'zh-CN': '{measure}：{time} 为 {value}，{trend}', en: '{measure}: {value} at {time}, {trend}' },
  'brief.reading.place': { 'zh-CN': '{measure}（{place}）', en: '{measure} ({place})' },
  'brief.reading.first': { 'zh-CN': '首次读数', en: 'the first reading' },
  'brief.reading.up': { 'zh-CN': '比 {time} 上升 {change}', en: 'up {change} since {time}' },
  'brief.reading.down': { 'zh-CN': '比 {time} 下降 {change}', en: 'down {change} since {time}' },
  'brief.reading.same': { 'zh-CN': '与 {time} 持平', en: 'unchanged since {time}' },
  'brief.reading.alert': {
    'zh-CN': '⚠ {reading}。上涨过快：{minutes} 分钟内上升 {rise}（预案警戒：{amount}）',
    en: '⚠ {reading}. Rising fast: up {rise} within {minutes} min (the plan warns at {amount})',
  },
  'brief.injured': { 'zh-CN': '受伤：{names}', en: 'Injured: {names}' },
  'brief.situation.none': { 'zh-CN': '尚未记录任何情况或读数。', en: 'No notes or readings recorded yet.' },
  'brief.more.notes': { 'zh-CN': '……另有 {count} 条更早的记录（见时间线）', en: '… and {count} earlier notes (see the timeline)' },
  'brief.phase': { 'zh-CN': '当前阶段：{phase}', en: 'Phase now: {phase}' },
  'brief.phase.aftermath': { 'zh-CN': '当前阶段：善后，{count} 项未完成', en: 'Phase now: the aftermath, {count} items open' },
  'brief.phase.allDone': { 'zh-CN': '预案的所有步骤均已完成或跳过。', en: 'Every step of the plan is done or skipped.' },
  'brief.phase.ending': {
    'zh-CN': '现场处置结束已确认，等待领导批准结束事件。',
    en: 'The on-site end is confirmed; leadership has still to approve the close.',
  },
  'brief.done': { 'zh-CN': '{time} 完成：{step}（{actor}）', en: '{time} done: {step} ({actor})' },
  'brief.skipped': { 'zh-CN': '{time} 跳过：{step}（{actor}）：{reason}', en: '{time} skipped: {step} ({actor}): {reason}' },
  'brief.more.done': { 'zh-CN': '……另有 {count} 项更早已完成', en: '… and {count} more done earlier' },
  'brief.open.critical': { 'zh-CN': '关键：{step}', en: 'Critical: {step}' },
  'brief.open.started': { 'zh-CN': '{step}（{time} 开始）', en: '{step} (started {time})' },
  'brief.open.overdue': { 'zh-CN': '{step}——已超时 {minutes} 分钟', en: '{step} — overdue by {minutes} min' },
  'brief.more.open': { 'zh-CN': '……另有 {count} 项未完成（见步骤）', en: '… and {count} more open (see the steps)' },
  'brief.more.people': { 'zh-CN': '……另有 {count} 人', en: '… and {count} more people' },
  'brief.role.phone': { 'zh-CN': '{role}：{person}，电话 {phone}', en: '{role}: {person}, phone {phone}' },
  'brief.supplies': { 'zh-CN': '已用物资：{item} {quantity}', en: 'Supplies used: {item}, {quantity}' },
  'brief.more.resources': { 'zh-CN': '……另有 {count} 项（见岗位、损失）', en: '… and {count} more (see Roles and Losses)' },
  'brief.loss.lost': { 'zh-CN': '丢失', en: 'lost' },
  'brief.loss.damaged': { 'zh-CN': '受损', en: 'damaged' },
  'brief.loss': { 'zh-CN': '{where}：{what} {quantity}，{kind}', en: '{what}, {quantity}, {kind} at {where}' },
  'brief.loss.value': { 'zh-CN': '{loss}，估计 {value}', en: '{loss}, estimated {value}' },
  'brief.loss.total': { 'zh-CN': '估计损失合计 {value}', en: 'Losses estimated at {value} in all' },
  'brief.more.losses': { 'zh-CN': '……另有 {count} 项损失（见损失）', en: '… and {count} more losses (see Losses)' },
});
