import { defineMessages } from '../../domain/text';

/** Texts of sync: the top-bar badge, the sync screen and enrolment. */
export const messages = defineMessages({
  'syncBadge.live': { 'zh-CN': '实时', en: 'Live' },
  'syncBadge.waiting': { 'zh-CN': '{count} 条待发送', en: '{count} waiting' },
  'syncBadge.error': { 'zh-CN': '同步异常', en: 'Sync problem' },
  'syncBadge.pulling': { 'zh-CN': '接收中 {done}/{total}', en: 'Receiving {done} of {total}' },
  'sync.title': { 'zh-CN': '同步', en: 'Sync' },
  'sync.waiting': { 'zh-CN': '{count} 条记录等待发送', en: '{count} records waiting to be sent' },
  'sync.waitingOne': { 'zh-CN': '1 条记录等待发送', en: '1 record waiting to be sent' },
  'sync.allSent': { 'zh-CN': '本设备的记录已全部送达服务器', en: 'Everything recorded here has reached the server' },
  'sync.lastSuccess': { 'zh-CN': '上次同步 {time}', en: 'Last synced {time}' },
  'sync.never': { 'zh-CN': '尚未同步', en: 'Not synced yet' },
  'sync.syncing': { 'zh-CN': '正在同步…', en: 'Syncing…' },
  'sync.pulling': {
    'zh-CN': '正在接收其他设备的记录：已收到 {done} 条，共 {total} 条',
    en: 'Receiving records from other devices: {done} of {total} so far',
  },
  'sync.stream.open': {
    'zh-CN': '实时连接：服务器一收到其他设备的记录就通知本设备。',
    en: 'Live: the server tells this device as soon as another device records something.',
  },
  'sync.stream.connecting': { 'zh-CN': '正在建立实时连接…', en: 'Opening the live connection…' },
  'sync.stream.down': {
    'zh-CN': '没有实时连接：本设备定时向服务器查询新记录，其他设备的记录会晚一些到达。',
    en: 'No live connection: this device asks the server for new records on a timer, so records from other devices arrive later.',
  },
  'sync.lastHeard': { 'zh-CN': '上次收到服务器应答：{time}', en: 'Last heard from the server {time}' },
  'sync.neverHeard': { 'zh-CN': '应用打开后尚未收到服务器应答', en: 'Not heard from the server since the app was opened' },
  'sync.now': { 'zh-CN': '立即同步', en: 'Sync now' },
  'sync.nextAttempt': { 'zh-CN': '下次尝试：{time}', en: 'Next try {time}' },
  'sync.notEnrolled': {
    'zh-CN': '本设备尚未加入组织。请打开管理员提供的登记链接，或扫描登记二维码。',
    en: 'This device has not joined an organisation. Open the enrolment link or scan the QR code your administrator gave you.',
  },
  'sync.error.offline': {
    'zh-CN': '无法连接服务器。记录已保存在本设备，网络恢复后会自动发送。',
    en: 'Cannot reach the server. Records stay on this device and are sent when the connection is back.',
  },
  'sync.error.unauthorized': {
    'zh-CN': '服务器不再接受本设备（访问权限已被撤销）。请向管理员索取新的登记链接。',
    en: 'The server no longer accepts this device (its access was revoked). Ask your administrator for a new enrolment link.',
  },
  'sync.error.rateLimited': { 'zh-CN': '服务器繁忙，稍后自动重试。', en: 'The server is busy. Trying again shortly.' },
  'sync.error.server': { 'zh-CN': '服务器出现故障，稍后自动重试。', en: 'The server has a problem. Trying again shortly.' },
  'sync.error.refused': { 'zh-CN': '服务器拒绝了请求，稍后自动重试。', en: 'The server refused the request. Trying again shortly.' },
  'sync.error.protocol': {
    'zh-CN': '收到意外的应答（可能是无线网络登录页），稍后自动重试。',
    en: 'Got an unexpected answer (a Wi-Fi sign-in page?). Trying again shortly.',
  },
  'sync.error.unexpected': { 'zh-CN': '同步意外失败，稍后自动重试。', en: 'Sync failed unexpectedly. Trying again shortly.' },
  'sync.rejected.title': { 'zh-CN': '未能共享的记录（{count} 条）', en: 'Records not shared ({count})' },
  'sync.rejected.hint': {
    'zh-CN': '这些记录仍保存在本设备，但服务器拒收，其他人看不到。请将此列表告知管理员。',
    en: 'These records stay on this device but the server refused them, so others cannot see them. Show this list to your administrator.',
  },
  'sync.rejected.fromServer': {
    'zh-CN': '由其他设备上更新版本的应用记录。请更新本应用后查看。',
    en: 'Recorded on another device with a newer version of the app. Update this app to see it.',
  },
  'sync.rejected.code.invalid': { 'zh-CN': '记录格式无效', en: 'Not a valid record' },
  'sync.rejected.code.conflict': { 'zh-CN': '编号已被另一条记录占用', en: 'Another record already uses its id' },
  'sync.rejected.code.tooLarge': { 'zh-CN': '内容过大，无法发送', en: 'Too large to send' },
  'sync.rejected.code.unreadable': { 'zh-CN': '需要更新应用', en: 'Needs a newer app' },
  'sync.clock.ahead': {
    'zh-CN': '本设备时钟比服务器快 {amount}。请在设备设置中校正日期和时间，否则记录顺序会出错。',
    en: "This device's clock is {amount} ahead of the server. Set the correct date and time in the device settings, or its records will be shown out of order.",
  },
  'sync.clock.behind': {
    'zh-CN': '本设备时钟比服务器慢 {amount}。请在设备设置中校正日期和时间，否则记录顺序会出错。',
    en: "This device's clock is {amount} behind the server. Set the correct date and time in the device settings, or its records will be shown out of order.",
  },
  'sync.flagged': {
    'zh-CN': '{count} 条记录来自时钟偏快的设备，其时间可能不准确。',
    en: '{count} records came from a device whose clock was ahead; their times may be wrong.',
  },
  'sync.duration.minutes': { 'zh-CN': '{n} 分钟', en: '{n} min' },
  'sync.duration.hours': { 'zh-CN': '{n} 小时', en: '{n} h' },
  'sync.duration.days': { 'zh-CN': '{n} 天', en: '{n} days' },
  'enrol.title': { 'zh-CN': '加入组织', en: 'Join your organisation' },
  'enrol.joining': { 'zh-CN': '正在加入…', en: 'Joining…' },
  'enrol.receiving': { 'zh-CN': '正在接收本组织的记录：{done}/{total}…', en: 'Receiving your organisation’s records: {done} of {total}…' },
  'enrol.joined': { 'zh-CN': '本设备已加入“{org}”，记录将自动共享。', en: 'This device has joined {org}. Its records are now shared.' },
  'enrol.saved': { 'zh-CN': '登记信息已保存，设备连接到服务器后会自动加入。', en: 'The link is saved. This device joins as soon as it reaches the server.' },
  'enrol.refused': {
    'zh-CN': '服务器不接受此登记链接（可能已被撤销）。请向管理员索取新的链接。',
    en: 'The server did not accept this link (it may have been revoked). Ask your administrator for a new one.',
  },
  'enrol.invalid': {
    'zh-CN': '登记链接不完整或已损坏。请从原消息重新打开，或索取新的链接。',
    en: 'This enrolment link is incomplete or damaged. Open it again from the message, or ask for a new one.',
  },
  'enrol.continue': { 'zh-CN': '继续', en: 'Continue' },
  'enrol.used': {
    'zh-CN': '这个登记链接已经用过了，每个链接只能登记一台设备一次。请向管理员索取新的登记链接。',
    en: 'This enrolment link was already used: a link enrols one device, once. Ask your administrator for a new link.',
  },
  'enrol.expired': {
    'zh-CN': '这个登记链接已过期。请向管理员索取新的登记链接。',
    en: 'This enrolment link has expired. Ask your administrator for a new link.',
  },
  'enrol.cancelled': {
    'zh-CN': '管理员已撤回这个登记链接。请向管理员索取新的登记链接。',
    en: 'Your administrator withdrew this enrolment link. Ask them for a new link.',
  },
  'enrol.unknown': {
    'zh-CN': '服务器不认识这个登记链接（可能属于另一台服务器）。请向管理员索取新的登记链接。',
    en: 'The server does not know this enrolment link (it may be for another server). Ask your administrator for a new link.',
  },
  'enrol.unreachable': {
    'zh-CN': '无法连接服务器，设备尚未加入。请连接单位网络后再次打开此链接，链接仍然有效。',
    en: 'The server could not be reached, so this device has not joined yet. Connect to the branch network and open the link again; it still works.',
  },
  'sync.followers.incident': { 'zh-CN': '进行中的事件：{title}', en: 'Open incident: {title}' },
  // Who has received an incident (Followers.tsx): each device that follows it, and whether it has all its records.
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
});
