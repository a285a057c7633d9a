import { defineMessages } from '../../domain/text';

/** Texts of the branch roster, its import, "My check-in code" and the badge sheet. */
export const messages = defineMessages({
  'roster.title': { 'zh-CN': '分行人员名单', en: 'Branch roster' },
  'roster.intro': {
    'zh-CN': '名单保存在本机，并同步到本机构的每台设备；没有网络时，人员清点和签到码照样能用。',
    en: 'The roster is kept on this device and reaches every device of the organisation; the headcount and the check-in codes work with no network.',
  },
  'roster.count': { 'zh-CN': '共 {count} 人', en: '{count} people' },
  'roster.empty': {
    'zh-CN': '名单还是空的。可以导入分行现有的人员表（CSV），或逐个添加。',
    en: 'The roster is empty. Import the staff list the branch already has (CSV), or add people one by one.',
  },
  'roster.floor.none': { 'zh-CN': '未填楼层', en: 'No floor given' },
  'roster.floor.heading': { 'zh-CN': '{floor}（{count} 人）', en: '{floor} ({count})' },
  'roster.import': { 'zh-CN': '导入人员表（CSV）', en: 'Import a staff list (CSV)' },
  'roster.badges': { 'zh-CN': '打印签到胸卡', en: 'Print check-in badges' },
  'roster.add': { 'zh-CN': '添加人员', en: 'Add a person' },
  'roster.edit': { 'zh-CN': '修改', en: 'Edit' },
  'roster.edit.label': { 'zh-CN': '修改 {name}', en: 'Edit {name}' },
  'roster.remove': { 'zh-CN': '移出名单', en: 'Remove' },
  'roster.remove.label': { 'zh-CN': '把 {name} 移出名单', en: 'Remove {name} from the roster' },
  'roster.remove.confirm': {
    'zh-CN': '确定把 {name} 移出名单？已开始的事件仍保留此人。',
    en: 'Remove {name} from the roster? Incidents already under way keep them.',
  },
  'roster.remove.yes': { 'zh-CN': '确定移出', en: 'Yes, remove' },
  'roster.field.name': { 'zh-CN': '姓名', en: 'Name' },
  'roster.field.floor': { 'zh-CN': '楼层', en: 'Floor' },
  'roster.field.team': { 'zh-CN': '部门/班组', en: 'Team' },
  'roster.field.phone': { 'zh-CN': '电话', en: 'Phone' },
  'roster.field.assemblyPoint': { 'zh-CN': '疏散集合点', en: 'Assembly point' },
  'roster.form.phoneHint': { 'zh-CN': '例如 13800138000', en: 'For example 13800138000' },
  'roster.form.phoneInvalid': { 'zh-CN': '请填写电话号码，例如 13800138000', en: 'Enter a phone number, such as 13800138000' },

  'roster.import.title': { 'zh-CN': '导入人员表', en: 'Import a staff list' },
  'roster.import.hint': {
    'zh-CN': '第一行写列名：姓名、楼层、部门、电话、集合点（中英文均可，只有“姓名”必填），用逗号或制表符分隔。在 Excel 中“另存为 CSV（UTF-8）”即可。',
    en: 'The first line names the columns: name, floor, team, phone, assembly point (in Chinese or English; only the name is required), separated by commas or tabs. In Excel, “Save as CSV (UTF-8)”.',
  },
  'roster.import.file': { 'zh-CN': '选择 CSV 文件', en: 'Choose a CSV file' },
  'roster.import.paste': { 'zh-CN': '或粘贴人员表', en: 'Or paste the list' },
  'roster.import.placeholder': {
    'zh-CN': '姓名,楼层,部门,电话,集合点\n王伟,3F,信贷部,13800138000,北广场',
    en: 'name,floor,team,phone,assembly point\nWang Wei,3F,Credit,13800138000,North plaza',
  },
  'roster.import.preview': { 'zh-CN': '预览', en: 'Preview' },
  'roster.import.unreadableFile': { 'zh-CN': '无法读取这个文件：{detail}', en: 'This file could not be read: {detail}' },
  'roster.import.fileProblem.empty': { 'zh-CN': '文件是空的。', en: 'The file is empty.' },
  'roster.import.fileProblem.noNameColumn': {
    'zh-CN': '第一行没有“姓名”列（读到：{header}）。第一行应写列名，例如：姓名,楼层,部门,电话,集合点',
    en: 'The first line has no name column (it reads: {header}). The first line should name the columns, for example: name,floor,team,phone,assembly point',
  },
  'roster.import.fileProblem.tooManyPeople': {
    'zh-CN': '文件中有 {count} 人，名单最多 {max} 人。',
    en: 'The file lists {count} people; a roster holds at most {max}.',
  },
  'roster.import.columns': { 'zh-CN': '读取的列：{columns}', en: 'Columns read: {columns}' },
  'roster.import.ignored': { 'zh-CN': '未导入的列：{columns}', en: 'Columns not imported: {columns}' },
  'roster.import.summary': {
    'zh-CN': '新增 {add} 人 · 修改 {change} 人 · 不变 {same} 人 · 有误 {bad} 行',
    en: '{add} to add · {change} to change · {same} unchanged · {bad} rows with mistakes',
  },
  'roster.import.problems': {
    'zh-CN': '以下各行有误，不会导入（改正文件后再导入一次即可）：',
    en: 'These rows have mistakes and will not be imported (correct the file and import it again):',
  },
  'roster.import.problem.required': { 'zh-CN': '第 {line} 行，{field}：必填，但是空的', en: 'line {line}, {field}: required, but empty' },
  'roster.import.problem.tooLong': {
    'zh-CN': '第 {line} 行，{field}：最多 {max} 个字，实际 {length} 个（“{value}”）',
    en: "line {line}, {field}: at most {max} characters, got {length} ('{value}')",
  },
  'roster.import.problem.notPhone': {
    'zh-CN': '第 {line} 行，{field}：应为电话号码，例如 13800138000，实际为“{value}”',
    en: "line {line}, {field}: expected a phone number such as 13800138000, got '{value}'",
  },
  'roster.import.problem.unclosedQuote': {
    'zh-CN': '第 {line} 行：引号没有闭合，此行及以后的内容无法读取',
    en: 'line {line}: a quote is never closed, so this line and the rest of the file cannot be read',
  },
  'roster.import.warnings': { 'zh-CN': '请核对：', en: 'Please check:' },
  'roster.import.warning.duplicate': {
    'zh-CN': '第 {line} 行：{name} 与第 {of} 行姓名、电话相同，按同一人只导入一次',
    en: 'line {line}: {name} has the same name and phone as line {of}, so is imported once',
  },
  'roster.import.warning.sameNameOtherPhone': {
    'zh-CN': '第 {line} 行：{name} 与第 {of} 行同名但电话不同，按两个人导入',
    en: 'line {line}: {name} has the same name as line {of} but another phone, so is imported as a second person',
  },
  'roster.import.warning.sameNameOnRoster': {
    'zh-CN': '第 {line} 行：名单上已有同名的 {name}，但电话不同，按新人员添加',
    en: 'line {line}: the roster already has a {name} with another phone, so this one is added as a new person',
  },
  'roster.import.add': { 'zh-CN': '新增', en: 'To add' },
  'roster.import.change': { 'zh-CN': '修改', en: 'To change' },
  'roster.import.line': { 'zh-CN': '第 {line} 行', en: 'line {line}' },
  'roster.import.remove': { 'zh-CN': '名单上有、文件里没有的 {count} 人', en: '{count} on the roster but not in this file' },
  'roster.import.removeToo': { 'zh-CN': '同时把这 {count} 人移出名单', en: 'Also remove these {count} from the roster' },
  'roster.import.confirm': { 'zh-CN': '确认导入（{count} 项更改）', en: 'Import ({count} changes)' },
  'roster.import.nothing': { 'zh-CN': '没有需要更改的内容：名单已与文件一致。', en: 'Nothing to change: the roster already matches the file.' },
  'roster.import.done': { 'zh-CN': '已导入 {written} 项更改。', en: 'Imported {written} changes.' },
  'roster.import.partial': {
    'zh-CN': '只写入了 {written}/{total} 项更改。再导入一次同一文件即可完成，不会重复。',
    en: 'Only {written} of {total} changes were written. Import the same file again to finish; nothing is duplicated.',
  },
  'roster.import.back': { 'zh-CN': '返回名单', en: 'Back to the roster' },

  'checkin.title': { 'zh-CN': '我的签到码', en: 'My check-in code' },
  'checkin.pick': { 'zh-CN': '你是名单上的哪一位？只需选择一次，本机会记住。', en: 'Who are you on the roster? Choose once; this device remembers.' },
  'checkin.pick.label': { 'zh-CN': '我是', en: 'I am' },
  'checkin.pick.submit': { 'zh-CN': '显示我的签到码', en: 'Show my check-in code' },
  'checkin.noRoster': {
    'zh-CN': '本设备还没有分行人员名单。联网同步一次，或请安全员导入名单。',
    en: 'This device has no branch roster yet. Sync once while online, or ask the safety officer to import it.',
  },
  'checkin.howTo': {
    'zh-CN': '到达集合点后，把这个码给清点人员扫描。不需要网络。',
    en: 'At the assembly point, show this code to the person counting. No network needed.',
  },
  'checkin.qrLabel': { 'zh-CN': '{name} 的签到码', en: 'Check-in code of {name}' },
  'checkin.notMe': { 'zh-CN': '不是我，重新选择', en: 'Not me: choose again' },
  'checkin.removed': {
    'zh-CN': '你已不在名单上（可能已被移出）。请重新选择，或联系安全员。',
    en: 'You are no longer on the roster (you may have been removed). Choose again, or ask the safety officer.',
  },
  'checkin.brightness': { 'zh-CN': '扫不出来时，请调高屏幕亮度。', en: 'If it does not scan, turn the screen brightness up.' },

  'badges.title': { 'zh-CN': '签到胸卡', en: 'Check-in badges' },
  'badges.hint': {
    'zh-CN': '每人一张，扫描效果与手机上的签到码相同。用 A4 纸打印后裁开。',
    en: 'One per person; it scans like the code on their phone. Print on A4 and cut out.',
  },
  'badges.print': { 'zh-CN': '打印', en: 'Print' },
  'badges.caption': { 'zh-CN': '集合点扫码签到', en: 'Scan at the assembly point' },

  'roster.links.title': { 'zh-CN': '人员', en: 'People' },
});
