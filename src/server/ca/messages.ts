import { defineMessages } from '../../domain/text';

/**
 * Texts of the /ca page, where a phone installs the branch certificate (the authority `tls init`
 * made). The menu names are the ones the phones show in each language, as of Android 14 and
 * iOS 17; makers rename them a little, hence the hint to search Settings.
 */
export const messages = defineMessages({
  'ca.language.name': { 'zh-CN': '简体中文', en: 'English' },
  'ca.title': { 'zh-CN': '在这部手机上安装本网点的证书', en: 'Install the branch certificate on this phone' },
  'ca.intro': {
    'zh-CN':
      '只有通过安全连接（https://）打开时，Muster 才能在这部手机上断网照常使用。本网点电脑上的 Muster 服务器用自己的证书建立这种连接；在手机上安装一次本网点的证书，手机就会信任它。',
    en: 'Muster keeps working on this phone with no network only when it is opened over a secure (https://) connection. The Muster server on the branch’s PC makes that connection with a certificate of its own: install the branch certificate on this phone once, and the phone trusts it.',
  },
  'ca.download': { 'zh-CN': '下载证书', en: 'Download the certificate' },

  'ca.android.title': { 'zh-CN': 'Android 手机', en: 'Android' },
  'ca.android.download': { 'zh-CN': '在 Chrome 中点上面的“下载证书”。', en: 'In Chrome, tap “Download the certificate” above.' },
  'ca.android.settings': {
    'zh-CN': '打开“设置”→“安全”（或“安全和隐私”）→“更多安全设置”→“加密与凭据”。',
    en: 'Open Settings → Security (or Security & privacy) → More security settings → Encryption & credentials.',
  },
  'ca.android.install': {
    'zh-CN': '点“安装证书”→“CA 证书”→“仍然安装”，然后选择刚下载的文件 muster-branch-ca.crt。如要求，输入锁屏密码。',
    en: 'Tap Install a certificate → CA certificate → Install anyway, then choose the file you downloaded, muster-branch-ca.crt. If asked, enter the phone’s PIN, pattern or password.',
  },
  'ca.android.open': { 'zh-CN': '在 Chrome 中打开下面的 Muster 安全地址。', en: 'In Chrome, open Muster’s secure address below.' },
  'ca.android.makers': {
    'zh-CN': '不同品牌手机的菜单名称略有不同。找不到时，在“设置”顶部搜索“CA 证书”。',
    en: 'Menu names differ a little from one phone maker to another. If you cannot find them, search Settings for “CA certificate”.',
  },

  'ca.iphone.title': { 'zh-CN': 'iPhone 和 iPad', en: 'iPhone and iPad' },
  'ca.iphone.download': {
    'zh-CN': '用 Safari 打开本页（其他浏览器无法安装证书），点上面的“下载证书”，再点“允许”。',
    en: 'Open this page in Safari (other browsers cannot install certificates), tap “Download the certificate” above, then tap Allow.',
  },
  'ca.iphone.install': {
    'zh-CN': '打开“设置”→“通用”→“VPN与设备管理”，点刚下载的描述文件，点“安装”，输入锁屏密码，再点“安装”。',
    en: 'Open Settings → General → VPN & Device Management, tap the profile you downloaded, tap Install, enter the passcode, and tap Install again.',
  },
  'ca.iphone.trust': {
    'zh-CN': '打开“设置”→“通用”→“关于本机”→“证书信任设置”，在“针对根证书启用完全信任”下打开“{name}”。',
    en: 'Open Settings → General → About → Certificate Trust Settings, and under “Enable full trust for root certificates” turn on “{name}”.',
  },
  'ca.iphone.open': {
    'zh-CN': '在 Safari 中打开下面的 Muster 安全地址，然后点“分享”→“添加到主屏幕”。',
    en: 'In Safari, open Muster’s secure address below, then tap Share → Add to Home Screen.',
  },

  'ca.address.title': { 'zh-CN': '然后打开 Muster 的安全地址', en: 'Then open Muster at its secure address' },
  'ca.address.unknown': { 'zh-CN': '打开管理员给您的 https:// 地址。', en: 'Open the https:// address your administrator gave you.' },
  'ca.address.stillWarned': {
    'zh-CN': '如果手机仍提示“您的连接不是私密连接”，说明证书还没有装好，请重新按上面的步骤操作。',
    en: 'If the phone still says the connection is not private, the certificate is not installed yet: go through the steps again.',
  },

  'ca.check.title': { 'zh-CN': '核对证书', en: 'Check the certificate' },
  'ca.check.name': { 'zh-CN': '名称', en: 'Name' },
  'ca.check.fingerprint': { 'zh-CN': 'SHA-256 指纹', en: 'SHA-256 fingerprint' },
  'ca.check.expires': { 'zh-CN': '有效期至', en: 'Valid until' },
  'ca.check.compare': {
    'zh-CN': '为确认这是本网点的证书，也请在服务器电脑上打开本页：那里显示的指纹必须与这里完全相同。',
    en: 'To be sure this is your branch’s certificate, open this page on the server PC too: the fingerprint there must be exactly the same.',
  },

  'ca.qr.title': { 'zh-CN': '为另一部手机安装', en: 'Set up another phone' },
  'ca.qr.scan': {
    'zh-CN': '正在服务器电脑上看本页？用手机相机扫描这个二维码，即可在手机上打开本页：',
    en: 'Reading this on the server PC? Scan this code with the phone’s camera to open this page on the phone:',
  },
  'ca.qr.warning': {
    'zh-CN': '证书装好之前，手机会提示这个地址的连接不是私密连接。仅这一次属于正常情况：请继续访问本页，并核对上面的指纹与电脑上显示的是否一致。',
    en: 'Until the certificate is installed, the phone warns that this address is not private. That is expected this once: go on to the page, and check that the fingerprint above matches the one on the PC.',
  },

  'ca.off.title': { 'zh-CN': '本服务器未开启 HTTPS', en: 'HTTPS is off on this server' },
  'ca.off.why': {
    'zh-CN': '因此没有可安装的本网点证书。手机必须通过 HTTPS 才能离线使用 Muster。开启方法：在服务器电脑上运行下面的命令，然后重新运行 npm start。',
    en: 'So there is no branch certificate to install. Phones need HTTPS to use Muster offline. To turn it on, run this command on the server PC, then restart npm start.',
  },
  'ca.off.command': {
    'zh-CN': 'npm run admin -- tls init --name <本机名称> --ip <本机地址>',
    en: 'npm run admin -- tls init --name <this PC’s name> --ip <its address>',
  },
  'ca.own.title': { 'zh-CN': '这部手机无需安装证书', en: 'Nothing to install on this phone' },
  'ca.own.why': {
    'zh-CN': '本服务器使用的是从其他地方获得的 HTTPS 证书，不是 Muster 生成的，因此手机无需从这里安装任何东西。如果手机对它发出警告，请联系签发证书的一方。',
    en: 'This server uses an HTTPS certificate from elsewhere, not one Muster made, so phones need nothing installed from here. If a phone warns about it, ask whoever issued the certificate.',
  },
  'ca.missing.off': {
    'zh-CN': '本服务器没有本网点证书：HTTPS 未开启。开启方法见本服务器的 /ca 页面。',
    en: 'This server has no branch certificate: HTTPS is off. The /ca page of this server says how to turn it on.',
  },
  'ca.missing.own': {
    'zh-CN': '本服务器没有本网点证书：它的 HTTPS 证书来自其他地方，手机无需从这里安装任何东西。',
    en: 'This server has no branch certificate: its HTTPS certificate comes from elsewhere, and phones need nothing installed from here.',
  },
});
