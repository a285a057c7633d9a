import { defineMessages } from '../domain/text';

/**
 * What the server says on its console when it starts: where it runs, what to do next, and the
 * warnings that decide whether phones can work offline. In the language of the PC's locale.
 * Also the words of a refused publication that sit beside the validator's, in the request's.
 */
export const messages = defineMessages({
  'start.running': { 'zh-CN': 'Muster 正在运行：{url}（数据保存在 {dataDir}）', en: 'Muster is running at {url} (data in {dataDir})' },
  'start.https.on': {
    'zh-CN': 'HTTPS：已开启。证书适用于 {names}，有效期至 {date}（{file}）。',
    en: 'HTTPS: on. The certificate is for {names} and is valid until {date} ({file}).',
  },
  'start.https.proxy': {
    'zh-CN': 'HTTPS：由反向代理提供（已设置 TRUST_PROXY）。手机应使用代理的 https:// 地址。',
    en: 'HTTPS: left to the reverse proxy (TRUST_PROXY is set). Phones use the proxy’s https:// address.',
  },
  'start.https.off': {
    'zh-CN': 'HTTPS：未开启。在本机上使用没有问题；但手机必须通过 HTTPS 才能离线使用。开启方法：{command}，然后重新启动。',
    en: 'HTTPS: off. That is fine on this PC, but phones need HTTPS to work offline. To turn it on: {command}, then start again.',
  },
  'start.phone': { 'zh-CN': '在手机上打开：{address}', en: 'On a phone, open: {address}' },
  'start.phone.ca': {
    'zh-CN': '每部手机先安装一次本网点的证书：在手机上打开 {address}，按页面上的步骤操作。',
    en: 'First, install the branch certificate once on each phone: open {address} on the phone and follow the steps.',
  },
  'start.enrol': {
    'zh-CN':
      '登记设备：npm run admin -- org list 查看机构编号，然后 npm run admin -- device add <机构编号> "值班手机"。它会显示一个链接和二维码，在手机上打开一次即可。',
    en: 'Enrol a device: npm run admin -- org list shows the organisation ids, then npm run admin -- device add <org-id> "Duty phone". It prints a link and a QR code to open once on the phone.',
  },
  'start.posters': {
    'zh-CN': '打印楼层海报：打开 {address}/routes，选择楼栋和楼层，再点“打印本楼栋的二维码海报”。海报上的二维码指向 {address}。',
    en: 'Print the floor posters: open {address}/routes, pick a building and floor, then “Print QR posters for this building”. Their QR codes carry {address}.',
  },
  'start.posters.noAddress': {
    'zh-CN': '楼层海报需要手机使用的 https:// 地址：设置 PUBLIC_URL，或运行 {command}，然后重新启动。',
    en: 'Floor posters need the https:// address phones use: set PUBLIC_URL, or run {command}, then start again.',
  },
  'start.insecure': {
    'zh-CN':
      '警告：Muster 正以不安全的 HTTP 在 {host} 上对网络开放。网络中的手机在这里无法离线使用：浏览器只允许通过 HTTPS 离线使用应用。请开启 HTTPS：{command}，然后重新启动（或放在 HTTPS 反向代理之后并设置 TRUST_PROXY=1）。',
    en: 'WARNING: Muster is open to the network on {host} over plain HTTP. Phones on the network will NOT work offline here: browsers allow offline apps only over HTTPS. Turn HTTPS on: {command}, then start again (or put Muster behind an HTTPS reverse proxy and set TRUST_PROXY=1).',
  },
  'start.certificate.expiring': {
    'zh-CN': '注意：HTTPS 证书将于 {date} 到期（还剩 {days} 天）。请续期：{command}，然后重新启动。已安装本网点证书的手机无需任何操作。',
    en: 'Note: the HTTPS certificate expires on {date} (in {days} days). Renew it: {command}, then start again. Phones that installed the branch certificate need nothing new.',
  },
  'start.certificate.expired': {
    'zh-CN': '警告：HTTPS 证书已于 {date} 到期，手机会拒绝连接本服务器。请立即续期：{command}，然后重新启动。',
    en: 'WARNING: the HTTPS certificate expired on {date}. Phones will refuse this server. Renew it now: {command}, then start again.',
  },
  // Said back to the editor who publishes a playbook, in the language of the request.
  'publish.version.notRaised': {
    'zh-CN': '版本 {version} 必须高于当前已发布的版本 {current}（第 {revision} 次发布）；请提高版本号后再发布',
    en: 'version {version} must be greater than {current}, the version published now (revision {revision}); raise the version and publish again',
  },
  'start.certificate.replaceOwn': {
    'zh-CN': '用签发方提供的新证书替换 {file} 及其私钥',
    en: 'replace {file} and its key with a new certificate from whoever issued it',
  },
});
