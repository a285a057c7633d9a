import { bilingual, defineMessages } from '../../domain/text';

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** Texts of the drill calendar: the /drills screen and the card on home (head office shows the due words too). */
export const messages = defineMessages({
  'drills.title': { 'zh-CN': '应急演练', en: 'Drills' },
  'drills.intro': {
    'zh-CN': '每份预案至少每半年演练一次（预案另有规定的从其规定）；演练后修订预案。',
    en: 'Each plan is drilled at least every six months, unless the plan sets another interval; the plan is revised after each drill.',
  },
  'drills.due.never': { 'zh-CN': '尚无演练记录，现在就应演练', en: 'No drill recorded yet: due now' },
  'drills.due.today': { 'zh-CN': '今天到期', en: 'Due today' },
  'drills.due.in': bilingual<{ days: number }>(
    ({ days: n }) => `Due in ${days(n)}`,
    ({ days: n }) => `${n} 天后到期`,
  ),
  'drills.due.overdue': bilingual<{ days: number }>(
    ({ days: n }) => `Overdue by ${days(n)}`,
    ({ days: n }) => `已逾期 ${n} 天`,
  ),
  'drills.last': { 'zh-CN': '上次演练', en: 'Last drill' },
  'drills.last.none': { 'zh-CN': '本设备上没有记录', en: 'None recorded on this device' },
  'drills.next': { 'zh-CN': '下次到期', en: 'Next due' },
  'drills.next.now': { 'zh-CN': '现在', en: 'Now' },
  'drills.interval': { 'zh-CN': '演练周期', en: 'Interval' },
  'drills.interval.months': { 'zh-CN': '每 {months} 个月', en: 'Every {months} months' },
  'drills.interval.days': { 'zh-CN': '每 {days} 天', en: 'Every {days} days' },
  'drills.interval.fromPlan': { 'zh-CN': '预案规定：{text}', en: 'The plan says: {text}' },
  'drills.interval.default': {
    'zh-CN': '预案未规定演练周期，按“至少每半年组织一次应急演练”计',
    en: 'The plan sets no drill interval; “at least one drill every six months” applies',
  },
  'drills.start': { 'zh-CN': '开始演练', en: 'Start a drill' },
  'drills.history': { 'zh-CN': '历次演练', en: 'Drill history' },
  'drills.history.none': { 'zh-CN': '本设备上还没有这份预案的演练记录。', en: 'No drill of this plan is recorded on this device yet.' },
  'drills.chart': {
    'zh-CN': '{count} 次演练的用时对比图：{drills}。数字见下表。',
    en: 'Chart comparing {count} drills: {drills}. The numbers are in the table below.',
  },
  'drills.chart.drill': {
    'zh-CN': '{date}：首个步骤 {first}，全员清点 {headcount}，超时步骤 {overdue} 个',
    en: '{date}: first step {first}, everyone accounted for {headcount}, steps overdue {overdue}',
  },
  'drills.chart.separator': { 'zh-CN': '；', en: '; ' },
  'drills.chart.overdueAxis': { 'zh-CN': '超时步骤数', en: 'Steps overdue (count)' },
  'drills.col.drill': { 'zh-CN': '演练', en: 'Drill' },
  'drills.col.first': { 'zh-CN': '首个步骤完成', en: 'First step done' },
  'drills.col.headcount': { 'zh-CN': '全员清点完毕', en: 'Everyone accounted for' },
  'drills.col.overdue': { 'zh-CN': '超时的步骤', en: 'Steps overdue' },
  'drills.col.missed': { 'zh-CN': '未完成步骤（其中跳过）', en: 'Steps not done (skipped)' },
  'drills.first.none': { 'zh-CN': '无步骤完成', en: 'no step done' },
  'drills.headcount.none': { 'zh-CN': '未清点', en: 'no headcount' },
  'drills.headcount.incomplete': { 'zh-CN': '未清点完毕（{total} 人）', en: 'not complete ({total} people)' },
  'drills.headcount.of': { 'zh-CN': '{minutes} 分钟（{total} 人）', en: '{minutes} min ({total} people)' },
  'drills.missed': { 'zh-CN': '{missed}（跳过 {skipped}）', en: '{missed} ({skipped} skipped)' },
  'drills.open': { 'zh-CN': '进行中', en: 'under way' },
  'drills.revisions': { 'zh-CN': '需修订预案的事项', en: 'Revise the plan' },
  'drills.revisions.none': { 'zh-CN': '历次演练没有提出修订预案的事项。', en: 'No drill has asked for a change to the plan.' },
  'drills.revision.kind.revision': { 'zh-CN': '预案修订', en: 'Plan revision' },
  'drills.revision.kind.improvement': { 'zh-CN': '改进措施', en: 'Improvement' },
  'drills.revision.improvement': { 'zh-CN': '{issue} → {action}（{owner}，{due} 前）', en: '{issue} → {action} ({owner}, by {due})' },
  'drills.revision.from': { 'zh-CN': '来自演练“{title}”，{date}', en: 'From the drill “{title}”, {date}' },
  'drills.home.title': { 'zh-CN': '演练到期', en: 'Drills due' },
  'drills.home.all': { 'zh-CN': '查看演练日历', en: 'Open the drill calendar' },
  'drills.loading.failed': { 'zh-CN': '未能读取演练记录：{detail}', en: 'Could not read the drills: {detail}' },
});
