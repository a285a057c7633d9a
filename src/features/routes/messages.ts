import { defineMessages } from '../../domain/text';

/** Texts of the evacuation routes: finder, floor page and posters. */
export const messages = defineMessages({
  'routes.finder.title': { 'zh-CN': '查找疏散路线', en: 'Find your evacuation route' },
  'routes.myFloor': { 'zh-CN': '我的楼层', en: 'My floor' },
  'routes.pickBuilding': { 'zh-CN': '选择所在楼宇', en: 'Choose your building' },
  'routes.pickFloor': { 'zh-CN': '选择所在楼层', en: 'Choose your floor' },
  'routes.wayOut': { 'zh-CN': '疏散路线', en: 'Your way out' },
  'routes.ifBlocked': { 'zh-CN': '该路线受阻时', en: 'If that way is blocked' },
  'routes.noStairs': { 'zh-CN': '无法使用楼梯时', en: 'If you cannot use stairs' },
  'routes.via': { 'zh-CN': '走：{way}', en: 'Use: {way}' },
  'routes.nearestStairs': { 'zh-CN': '最近的楼梯', en: 'the nearest stairs' },
  'routes.nearestExit': { 'zh-CN': '最近的出口', en: 'the nearest exit' },
  'routes.direction.down': { 'zh-CN': '向下', en: 'Go down' },
  'routes.direction.up': { 'zh-CN': '向上', en: 'Go up' },
  'routes.direction.out': { 'zh-CN': '向外', en: 'Go out' },
  'routes.exit': { 'zh-CN': '从此处离开大楼：{exit}', en: 'Leave the building by: {exit}' },
  'routes.assembleAt': { 'zh-CN': '集合地点：{name}——{location}', en: 'Assemble at: {name} — {location}' },
  'routes.noAssembly': {
    'zh-CN': '预案尚未设定集合地点：请听从疏散引导人员的指挥。',
    en: 'The plan sets no assembly point yet: follow the staff guiding the evacuation.',
  },
  'routes.rules': { 'zh-CN': '人人须知', en: 'Rules for everyone' },
  'routes.floorNotes': { 'zh-CN': '本层须知', en: 'On this floor' },
  'routes.numberMissing': { 'zh-CN': '{label}：预案中未填写号码', en: '{label}: number not set in the plan' },
  'routes.floorNotFound': {
    'zh-CN': '本设备上的预案中没有这个楼层。请在下面选择所在楼层。',
    en: 'This floor is not in the plan on this device. Pick your floor below.',
  },
  'routes.posters': { 'zh-CN': '打印本楼的二维码张贴', en: 'Print QR posters for this building' },
  'routes.posters.title': { 'zh-CN': '二维码张贴：{building}', en: 'QR posters: {building}' },
  'routes.posters.hint': {
    'zh-CN': '每层一张 A4 张贴。打印后贴在对应楼层；扫码即可打开该层的疏散路线，手机上打开过本应用后离线也能用。',
    en: 'One A4 poster per floor. Print and post each one on its floor; scanning it opens that floor’s route, also offline once the app has been opened on the phone.',
  },
  'routes.posters.print': { 'zh-CN': '打印', en: 'Print' },
  'routes.posters.address': { 'zh-CN': '这些二维码指向：{address}', en: 'These QR codes carry: {address}' },
  'routes.posters.refused.title': {
    'zh-CN': '不能用这个地址制作二维码张贴',
    en: 'These posters cannot be made with this address',
  },
  'routes.posters.refused.address': { 'zh-CN': '二维码将指向：{address}', en: 'The QR codes would carry: {address}' },
  'routes.posters.refused.loopback': {
    'zh-CN': '这是本机回环地址，只能在这台电脑上打开：手机扫码后连不到服务器。',
    en: 'This is a loopback address: it only reaches this PC, so a phone that scans it cannot reach the server.',
  },
  'routes.posters.refused.insecure': {
    'zh-CN': '这是普通的 http:// 地址：手机通过它无法离线使用 Muster，断网时扫码打不开疏散路线。',
    en: 'This is a plain http:// address: phones cannot use Muster offline through it, so with no network the code opens nothing.',
  },
  'routes.posters.refused.invalid': { 'zh-CN': '这不是有效的网址。', en: 'This is not a valid web address.' },
  'routes.posters.refused.fix': {
    'zh-CN': '解决方法：在服务器上把 PUBLIC_URL 设为手机使用的 https:// 地址，或运行下面的命令；然后重启服务器，再重新打开本页。',
    en: 'To fix it, on the server set PUBLIC_URL to the https:// address phones use, or run the command below; then restart the server and open this page again.',
  },
  'routes.posters.refused.command': {
    'zh-CN': 'npm run admin -- tls init --name <本机名称> --ip <本机 IP 地址>',
    en: 'npm run admin -- tls init --name <this PC’s name> --ip <this PC’s address>',
  },
  'routes.posters.scan': { 'zh-CN': '扫码查看疏散路线', en: 'Scan for your evacuation route' },
  'routes.pickSite': { 'zh-CN': '选择所在单位', en: 'Choose your site' },
  'routes.none': { 'zh-CN': '本设备上的预案还没有疏散路线。', en: 'No playbook on this device has evacuation routes yet.' },
  'routes.never': { 'zh-CN': '切勿乘坐电梯。', en: 'Never use the elevator.' },
});
