import { defineMessages } from '../../domain/text';

/** Texts of the readings on an incident (MeasurementsPanel.tsx, TrendChart.tsx): entry, trend, rise warning. */
export const messages = defineMessages({
  'measure.title': { 'zh-CN': '测量读数', en: 'Measurements' },
  'measure.unit': { 'zh-CN': '单位：{unit}', en: 'Unit: {unit}' },
  // The latest reading under each measurement: "12 cm · 02:14，王值班".
  'measure.latest': { 'zh-CN': '最新：{value} · {time}，{actor}', en: 'Latest: {value} · {time}, {actor}' },
  'measure.latestAt': { 'zh-CN': '（在 {place}）', en: '(at {place})' },
  'measure.none': { 'zh-CN': '尚无读数', en: 'No reading yet' },
  'measure.entry.label': { 'zh-CN': '新读数（{unit}）', en: 'New reading ({unit})' },
  'measure.entry.record': { 'zh-CN': '记录读数', en: 'Record' },
  'measure.entry.otherPlace': { 'zh-CN': '在另一处测量', en: 'Another place' },
  'measure.entry.place': { 'zh-CN': '测量地点', en: 'Where it was read' },
  'measure.error.empty': { 'zh-CN': '请输入读数（数字）。', en: 'Type the reading as a number.' },
  'measure.error.notANumber': {
    'zh-CN': '“{text}”不是数字。只输入数字，小数用小数点，例如 12 或 12.5。',
    en: '“{text}” is not a number. Type digits only, with a point for decimals, e.g. 12 or 12.5.',
  },
  'measure.error.outOfRange': { 'zh-CN': '读数须在 -{max} 到 {max} 之间。', en: 'A reading must be between -{max} and {max}.' },
  // The rise warning: "+11 cm in 24 min (plan: 10 cm in 30 min)".
  'measure.rise': {
    'zh-CN': '上涨过快：{minutes} 分钟内上涨 {rise}（预案：{minutesPlan} 分钟内 {amount} 即预警）',
    en: 'Rising fast: +{rise} in {minutes} min (plan: {amount} in {minutesPlan} min)',
  },
  'measure.chart': { 'zh-CN': '{label}的变化趋势：{readings}', en: 'Trend of {label}: {readings}' },
  'measure.chart.reading': { 'zh-CN': '{time} {value}', en: '{value} at {time}' },
  'measure.chart.many': {
    'zh-CN': '共 {count} 个读数，从 {first} 到 {last}，最低 {min}，最高 {max}，最新 {latest}；全部读数见下表',
    en: '{count} readings from {first} to {last}, lowest {min}, highest {max}, latest {latest}; all are in the table below',
  },
  'measure.chart.separator': { 'zh-CN': '；', en: '; ' },
  'measure.table.summary': { 'zh-CN': '全部读数（{count} 个）', en: 'All readings ({count})' },
  'measure.table.time': { 'zh-CN': '时间', en: 'Time' },
  'measure.table.value': { 'zh-CN': '读数', en: 'Reading' },
  'measure.table.struck': { 'zh-CN': '已划去', en: 'struck out' },
});
