import { defineMessages } from '../../domain/text';

/** Texts of the offline layer: connection, updates, storage. */
export const messages = defineMessages({
  'pwa.update.ready': { 'zh-CN': 'Muster 的新版本已准备好。', en: 'A new version of Muster is ready.' },
  'pwa.update.readyHint': {
    'zh-CN': '更新时应用会重新加载，本设备上记录的内容都会保留。',
    en: 'Updating reloads the app. Everything recorded on this device is kept.',
  },
  'pwa.update.incidentOpen': {
    'zh-CN': '本设备上有进行中的事件，更新将等待您的决定。请在事件处置允许时再更新，已记录的内容都会保留。',
    en: 'An incident is open on this device, so the update waits for you. Update when the incident allows: everything recorded is kept.',
  },
  'pwa.update.now': { 'zh-CN': '立即更新', en: 'Update now' },
  'pwa.update.later': { 'zh-CN': '稍后', en: 'Later' },
  'pwa.update.applying': { 'zh-CN': '正在更新…', en: 'Updating…' },
  'pwa.update.elsewhere': {
    'zh-CN': 'Muster 已在其他标签页或窗口中更新。请重新加载以使用新版本。',
    en: 'Muster was updated in another tab or window. Reload to use the new version.',
  },
  'pwa.update.reload': { 'zh-CN': '重新加载', en: 'Reload' },
  'pwa.offline': { 'zh-CN': '离线', en: 'Offline' },
  'pwa.offline.hint': {
    'zh-CN': '当前无网络。Muster 照常工作，记录的内容保存在本设备上，网络恢复后再发送。',
    en: 'No network. Muster keeps working, and what you record stays on this device until the network is back.',
  },
  'pwa.insecure.title': {
    'zh-CN': '此地址不安全：Muster 在这里无法离线使用',
    en: 'This address is not secure: Muster cannot work offline here',
  },
  'pwa.insecure.openSecure': { 'zh-CN': '打开安全地址：{address}', en: 'Open the secure address: {address}' },
  'pwa.insecure.useHttps': {
    'zh-CN': '请通过以 https:// 开头的地址打开 Muster，断网时它才能继续使用。',
    en: 'Open Muster through its https:// address, so that it keeps working with no network.',
  },
  'pwa.insecure.forServer': { 'zh-CN': '如何解决（服务器管理人员请看）', en: 'How to fix it (for whoever runs the server)' },
  'pwa.insecure.server': {
    'zh-CN': '在服务器电脑上运行下面的命令，然后重启服务器。',
    en: 'Run the command below on the server PC, then restart the server.',
  },
  'pwa.insecure.command': {
    'zh-CN': 'npm run admin -- tls init --name <本机名称>',
    en: 'npm run admin -- tls init --name <this PC’s name>',
  },
  'pwa.insecure.certificate': {
    'zh-CN': '如何在手机上安装本支行的证书（/ca）',
    en: 'How to install the branch certificate on phones (/ca)',
  },
  'settings.storage.title': { 'zh-CN': '本设备存储', en: 'Storage on this device' },
  'settings.storage.persistence': { 'zh-CN': '持久存储', en: 'Persistent storage' },
  'settings.storage.persistent': {
    'zh-CN': '是：浏览器不会为腾出空间而清除 Muster 的数据。',
    en: 'Yes: the browser will not clear Muster’s data to free up space.',
  },
  'settings.storage.notPersistent': {
    'zh-CN': '否：设备空间不足时，浏览器可能清除 Muster 的数据。',
    en: 'No: the browser may clear Muster’s data when the device runs low on space.',
  },
  'settings.storage.unsupported': { 'zh-CN': '此浏览器无法提供该信息。', en: 'This browser cannot report it.' },
  'settings.storage.ask': { 'zh-CN': '申请保留数据', en: 'Ask to keep data' },
  'settings.storage.denied': {
    'zh-CN': '浏览器未同意。将 Muster 添加到主屏幕后通常可以获批。',
    en: 'The browser said no. Installing Muster on the home screen usually makes it agree.',
  },
  'settings.storage.used': { 'zh-CN': '已用', en: 'Used' },
  'settings.storage.available': { 'zh-CN': '可用', en: 'Available' },
  'settings.storage.unknown': { 'zh-CN': '未知', en: 'unknown' },
  'settings.app.title': { 'zh-CN': '关于本应用', en: 'About this app' },
  'settings.app.version': { 'zh-CN': '版本', en: 'Version' },
  'settings.app.check': { 'zh-CN': '检查更新', en: 'Check for update' },
  'settings.app.checking': { 'zh-CN': '正在检查更新…', en: 'Checking for an update…' },
  'settings.app.upToDate': { 'zh-CN': '已是最新版本。', en: 'This is the latest version.' },
  'settings.app.found': {
    'zh-CN': '发现新版本。准备就绪后，屏幕顶部会出现更新提示。',
    en: 'A new version was found. The notice at the top of the screen offers it as soon as it is ready.',
  },
  'settings.app.ready': {
    'zh-CN': '新版本已准备好，可通过屏幕顶部的提示进行更新。',
    en: 'A new version is ready: the notice at the top of the screen installs it.',
  },
  'settings.app.failed': {
    'zh-CN': '无法连接服务器检查更新，请在网络恢复后重试。',
    en: 'Could not reach the server to check for an update. Try again when the network is back.',
  },
  'settings.app.unavailable': {
    'zh-CN': '此浏览器无法检查更新（不支持 Service Worker）。',
    en: 'Updates cannot be checked in this browser (no service worker).',
  },
});
