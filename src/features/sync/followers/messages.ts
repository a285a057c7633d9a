// Texts of "who has received this incident" (src/features/sync/Followers.tsx). A folder of its
// own because every dictionary is a `messages.ts`, and the sync screen's is another file. Written
// without `defineMessages` (an identity function in src/domain/text.ts): from this folder the
// domain is three levels up, a chain the linter refuses. `as const` keeps the literal wordings,
// which is what lets `speaker` check each key's placeholders.

/** Texts of the list of devices that follow an incident, and whether each has all its records. */
export const messages = {
  'followers.title': { 'zh-CN': '谁已收到本事件的记录', en: 'Who has received this incident' },
  'followers.hint': {
    'zh-CN': '列出打开了本事件的本组织设备。每 10 秒更新一次。',
    en: 'Devices of your organisation that have this incident open. Updated every 10 seconds.',
  },
  'followers.checking': { 'zh-CN': '正在向服务器查询…', en: 'Asking the server…' },
  'followers.checkedAt': { 'zh-CN': '查询时间 {time}', en: 'Checked at {time}' },
  'followers.lastKnown': {
    'zh-CN': '以下是 {time} 查询到的情况，此后可能已有变化。',
    en: 'This list is from {time} and may have changed since.',
  },
  'followers.offline': {
    'zh-CN': '离线时无法查询谁已收到。网络恢复后会自动更新。',
    en: 'Cannot check who has received it while offline. The list updates when the connection is back.',
  },
  'followers.notEnrolled': {
    'zh-CN': '本设备尚未加入组织，无法查询谁已收到。请在“同步”页面查看如何加入。',
    en: 'This device has not joined an organisation, so it cannot check who has received it. See the Sync screen to join.',
  },
  'followers.revoked': {
    'zh-CN': '服务器不再接受本设备，无法查询谁已收到。请向管理员索取新的登记链接。',
    en: 'The server no longer accepts this device, so it cannot check who has received it. Ask your administrator for a new enrolment link.',
  },
  'followers.failed': {
    'zh-CN': '服务器暂时无法回答谁已收到，稍后自动重试。',
    en: 'The server could not say who has received it just now. Trying again shortly.',
  },
  'followers.waiting': {
    'zh-CN': '本设备还有记录未发送到服务器，其他设备都还没有收到这些记录。',
    en: 'Some records made on this device have not reached the server yet, so no other device has them.',
  },
  'followers.nothingOnServer': {
    'zh-CN': '服务器上还没有本事件的任何记录，其他设备都还没有收到。',
    en: 'The server has no records of this incident yet, so no other device has them.',
  },
  'followers.none': { 'zh-CN': '还没有设备打开本事件。', en: 'No device has this incident open yet.' },
  'followers.summary.allCurrent': { 'zh-CN': '列出的设备均已全部收到。', en: 'Every device listed has everything.' },
  'followers.summary.behind': {
    'zh-CN': '{behind}/{total} 台设备没有收到最新记录。',
    en: '{behind} of {total} devices have not received the latest records.',
  },
  'followers.you': { 'zh-CN': '（本设备）', en: '(this device)' },
  'followers.hasEverything': { 'zh-CN': '已全部收到', en: 'Has everything' },
  'followers.behindSince': { 'zh-CN': '自 {time} 起未收到新记录', en: 'Behind since {time}' },
  'followers.behind': { 'zh-CN': '未收到最新记录', en: 'Behind: missing the latest records' },
  'followers.live': { 'zh-CN': '在线', en: 'Live now' },
  'followers.lastSeen': { 'zh-CN': '最后联系 {time}', en: 'Last seen {time}' },
  'followers.neverSeen': { 'zh-CN': '尚未联系过服务器', en: 'Not heard from yet' },
} as const;
