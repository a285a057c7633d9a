/**
 * Every text the sync screens show, in English and Simplified Chinese, keyed by where it is
 * used. To be merged into src/app/messages.ts; until then `syncText` reads them directly.
 */
export const messages = {
  'sync.title': { en: 'Sync', zh: '同步' },
  'sync.waiting': { en: '{count} records waiting to be sent', zh: '{count} 条记录等待发送' },
  'sync.waitingOne': { en: '1 record waiting to be sent', zh: '1 条记录等待发送' },
  'sync.allSent': { en: 'Everything recorded here has reached the server', zh: '本设备的记录已全部送达服务器' },
  'sync.lastSuccess': { en: 'Last synced {time}', zh: '上次同步：{time}' },
  'sync.never': { en: 'Not synced yet', zh: '尚未同步' },
  'sync.syncing': { en: 'Syncing…', zh: '正在同步…' },
  'sync.now': { en: 'Sync now', zh: '立即同步' },
  'sync.nextAttempt': { en: 'Next try {time}', zh: '下次尝试：{time}' },
  'sync.notEnrolled': {
    en: 'This device has not joined an organisation. Open the enrolment link or scan the QR code your administrator gave you.',
    zh: '本设备尚未加入组织。请打开管理员提供的登记链接，或扫描登记二维码。',
  },
  'sync.error.offline': {
    en: 'Cannot reach the server. Records stay on this device and are sent when the connection is back.',
    zh: '无法连接服务器。记录已保存在本设备，网络恢复后会自动发送。',
  },
  'sync.error.unauthorized': {
    en: 'The server no longer accepts this device (its access was revoked). Ask your administrator for a new enrolment link.',
    zh: '服务器不再接受本设备（访问权限已被撤销）。请向管理员索取新的登记链接。',
  },
  'sync.error.rateLimited': { en: 'The server is busy. Trying again shortly.', zh: '服务器繁忙，稍后自动重试。' },
  'sync.error.server': { en: 'The server has a problem. Trying again shortly.', zh: '服务器出现故障，稍后自动重试。' },
  'sync.error.refused': { en: 'The server refused the request. Trying again shortly.', zh: '服务器拒绝了请求，稍后自动重试。' },
  'sync.error.protocol': {
    en: 'Got an unexpected answer (a Wi-Fi sign-in page?). Trying again shortly.',
    zh: '收到意外的应答（可能是无线网络登录页），稍后自动重试。',
  },
  'sync.error.unexpected': { en: 'Sync failed unexpectedly. Trying again shortly.', zh: '同步意外失败，稍后自动重试。' },
  'sync.rejected.title': { en: 'Records not shared ({count})', zh: '未能共享的记录（{count} 条）' },
  'sync.rejected.hint': {
    en: 'These records stay on this device but the server refused them, so others cannot see them. Show this list to your administrator.',
    zh: '这些记录仍保存在本设备，但服务器拒收，其他人看不到。请将此列表告知管理员。',
  },
  'sync.rejected.fromServer': {
    en: 'Recorded on another device with a newer version of the app. Update this app to see it.',
    zh: '由其他设备上更新版本的应用记录。请更新本应用后查看。',
  },
  'sync.rejected.code.invalid': { en: 'Not a valid record', zh: '记录格式无效' },
  'sync.rejected.code.conflict': { en: 'Another record already uses its id', zh: '编号已被另一条记录占用' },
  'sync.rejected.code.tooLarge': { en: 'Too large to send', zh: '内容过大，无法发送' },
  'sync.rejected.code.unreadable': { en: 'Needs a newer app', zh: '需要更新应用' },
  'sync.clock.ahead': {
    en: "This device's clock is {amount} ahead of the server. Set the correct date and time in the device settings, or its records will be shown out of order.",
    zh: '本设备时钟比服务器快 {amount}。请在设备设置中校正日期和时间，否则记录顺序会出错。',
  },
  'sync.clock.behind': {
    en: "This device's clock is {amount} behind the server. Set the correct date and time in the device settings, or its records will be shown out of order.",
    zh: '本设备时钟比服务器慢 {amount}。请在设备设置中校正日期和时间，否则记录顺序会出错。',
  },
  'sync.flagged': {
    en: '{count} records came from a device whose clock was ahead; their times may be wrong.',
    zh: '{count} 条记录来自时钟偏快的设备，其时间可能不准确。',
  },
  'sync.duration.minutes': { en: '{n} min', zh: '{n} 分钟' },
  'sync.duration.hours': { en: '{n} h', zh: '{n} 小时' },
  'sync.duration.days': { en: '{n} days', zh: '{n} 天' },
  'enrol.title': { en: 'Join your organisation', zh: '加入组织' },
  'enrol.joining': { en: 'Joining…', zh: '正在加入…' },
  'enrol.joined': { en: 'This device has joined {org}. Its records are now shared.', zh: '本设备已加入“{org}”，记录将自动共享。' },
  'enrol.saved': {
    en: 'The link is saved. This device joins as soon as it reaches the server.',
    zh: '登记信息已保存，设备连接到服务器后会自动加入。',
  },
  'enrol.refused': {
    en: 'The server did not accept this link (it may have been revoked). Ask your administrator for a new one.',
    zh: '服务器不接受此登记链接（可能已被撤销）。请向管理员索取新的链接。',
  },
  'enrol.invalid': {
    en: 'This enrolment link is incomplete or damaged. Open it again from the message, or ask for a new one.',
    zh: '登记链接不完整或已损坏。请从原消息重新打开，或索取新的链接。',
  },
  'enrol.continue': { en: 'Continue', zh: '继续' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type SyncMessageKey = keyof typeof messages;
export type SyncLanguage = 'zh-CN' | 'en';

/** The text for `key` in `language`, with `{name}` placeholders filled from `vars`. */
export function syncText(language: SyncLanguage, key: SyncMessageKey, vars?: Record<string, string | number>): string {
  const entry = messages[key];
  const text: string = language === 'zh-CN' ? entry.zh : entry.en;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A clock difference in words, in the largest unit that keeps it readable: "7 min", "30 h", "3 days". */
export function syncDuration(language: SyncLanguage, ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 120) return syncText(language, 'sync.duration.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return syncText(language, 'sync.duration.hours', { n: hours });
  return syncText(language, 'sync.duration.days', { n: Math.round(hours / 24) });
}
