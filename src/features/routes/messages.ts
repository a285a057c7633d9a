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
  'routes.posters.scan': { 'zh-CN': '扫码查看疏散路线', en: 'Scan for your evacuation route' },
  'routes.pickSite': { 'zh-CN': '选择所在单位', en: 'Choose your site' },
  'routes.none': { 'zh-CN': '本设备上的预案还没有疏散路线。', en: 'No playbook on this device has evacuation routes yet.' },
  'routes.never': { 'zh-CN': '切勿乘坐电梯。', en: 'Never use the elevator.' },
});
