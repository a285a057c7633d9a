import { bilingual, defineMessages } from '../../domain/text';

/** Phone to phone with no network: sharing an incident by QR codes or a file, and receiving one. */
export const messages = defineMessages({
  'handover.share.title': { 'zh-CN': '无网络交接：{title}', en: 'Hand over with no network: {title}' },
  'handover.share.intro': {
    'zh-CN': '另一部手机打开“接收交接”并对准下方二维码。二维码会循环播放，漏扫的会在下一轮补上，不必重来。',
    en: 'On the other phone, open “Receive a handover” and point it at the codes below. They play round and round: a code the camera missed comes again, nothing starts over.',
  },
  'handover.share.carries': bilingual<{ events: number }>(
    ({ events }) =>
      `The scan carries ${events} ${events === 1 ? 'record' : 'records'} (this incident and today’s duty log), without photos; pass a file for the photos.`,
    ({ events }) => `扫码交接包含 ${events} 条记录（本事件及今日值班日记），不含照片；照片请用文件交接。`,
  ),
  'handover.share.expected': {
    'zh-CN': '共 {frames} 个二维码，每个显示 {ms} 毫秒：一轮约 {round} 秒，若有漏扫约需 {twice} 秒。',
    en: '{frames} codes, each shown for {ms} ms: one round takes about {round} s, about {twice} s if some are missed.',
  },
  'handover.share.tooBig': {
    'zh-CN': '本事件有 {events} 条记录，需要 {frames} 个二维码（最多 {max} 个），扫码交接要很多分钟。请改用下方的文件交接。',
    en: 'This incident holds {events} records: they would need {frames} codes (at most {max}), many minutes of scanning. Pass a file instead, below.',
  },
  'handover.share.frame': { 'zh-CN': '第 {index} / {count} 个二维码', en: 'Code {index} of {count}' },
  'handover.share.qrLabel': {
    'zh-CN': '交接二维码，第 {index} / {count} 个',
    en: 'Handover code {index} of {count}',
  },
  'handover.share.left': {
    'zh-CN': '有 {count} 条其他设备的记录本机无法担保（未签名且服务器尚未收到），未包含在内；它们会在联网后同步。',
    en: '{count} records of other phones are left out: this phone cannot vouch for them (unsigned, and not yet on the server). They arrive by sync once there is a network.',
  },
  'handover.share.preparing': { 'zh-CN': '正在准备交接内容…', en: 'Preparing the handover…' },
  'handover.share.export': { 'zh-CN': '导出文件给另一部手机（含照片）', en: 'Export a file for another phone (with photos)' },
  'handover.share.exportHint': {
    'zh-CN': '可通过蓝牙、隔空投送、聊天软件或 U 盘发送。另一部手机在“接收交接”中选择“导入文件”。',
    en: 'Send it by Bluetooth, AirDrop, a messenger or a USB stick. On the other phone: “Receive a handover”, then “Import a file”.',
  },
  'handover.share.exported': {
    'zh-CN': '已生成文件“{file}”（{size}，{events} 条记录，{photos} 张照片）。',
    en: 'File “{file}” made ({size}, {events} records, {photos} photos).',
  },
  'handover.share.receive': { 'zh-CN': '接收对方的交接', en: 'Receive the other phone’s handover' },
  'handover.notCertified': {
    'zh-CN': '本手机尚未获得本机构的证书，其他手机无法核实它交出的记录。请先联网同步一次（设置 → 同步）。',
    en: 'This phone has no certificate from your organisation yet, so other phones could not check what it hands over. Connect it and sync once first (Settings → Sync).',
  },
  'handover.notCertified.receive': {
    'zh-CN': '本手机尚未获得本机构的证书和机构公钥，无法核实收到的交接来自本机构。请先联网同步一次。',
    en: 'This phone does not hold your organisation’s certificate and key yet, so it cannot check that a handover comes from your organisation. Connect it and sync once first.',
  },
  'handover.failed': { 'zh-CN': '未能完成：{detail}', en: 'Could not finish: {detail}' },

  'handover.receive.title': { 'zh-CN': '接收交接', en: 'Receive a handover' },
  'handover.receive.intro': {
    'zh-CN':
      '无网络时，从另一部手机接收事件记录：扫描其交接二维码，或导入其导出的文件。收到的记录与联网同步的完全相同，联网后也会上报服务器，服务器只保存一次。',
    en: 'With no network, take an incident’s records from another phone: scan its handover codes, or import the file it exported. What arrives is exactly what sync would bring, and it goes on to the server once there is a network; the server keeps each record once.',
  },
  'handover.receive.scan': { 'zh-CN': '扫描交接二维码', en: 'Scan handover codes' },
  'handover.receive.stop': { 'zh-CN': '停止扫描', en: 'Stop scanning' },
  'handover.receive.file': { 'zh-CN': '导入交接文件', en: 'Import a handover file' },
  'handover.receive.video': { 'zh-CN': '摄像头画面', en: 'Camera view' },
  'handover.receive.starting': { 'zh-CN': '正在打开摄像头…', en: 'Opening the camera…' },
  'handover.receive.noCamera': {
    'zh-CN': '无法打开摄像头（{detail}）。请允许使用摄像头，或改用文件交接。',
    en: 'The camera could not be opened ({detail}). Allow the camera, or pass a file instead.',
  },
  'handover.receive.waiting': { 'zh-CN': '请对准另一部手机上的交接二维码。', en: 'Point the camera at the handover codes on the other phone.' },
  'handover.receive.progress': { 'zh-CN': '已读取 {have} / {count} 个二维码', en: '{have} of {count} codes read' },
  'handover.receive.missing': { 'zh-CN': '还差：第 {list} 个', en: 'Still missing: {list}' },
  'handover.receive.notFrame': {
    'zh-CN': '看到的二维码不是 Muster 交接码，已忽略。',
    en: 'The code in view is not a Muster handover code; it was ignored.',
  },
  'handover.receive.restarted': {
    'zh-CN': '读取到的二维码拼不成完整的交接内容（可能混入了另一次交接），已重新开始读取。',
    en: 'The codes read do not make one whole handover (codes of another showing got in); reading started again.',
  },
  'handover.receive.checking': { 'zh-CN': '正在核实并保存…', en: 'Checking and storing…' },
  'handover.receive.done': {
    'zh-CN': '已从“{sender}”收到 {events} 条记录（{via}，{time}），其中 {added} 条为本机新增，{photos} 张照片。',
    en: 'Received {events} records from “{sender}” ({via}, {time}): {added} new to this phone, {photos} photos.',
  },
  'handover.receive.queued': {
    'zh-CN': '其中 {count} 条服务器尚未收到，本机联网后会上报。',
    en: '{count} of them the server does not hold yet: this phone sends them once there is a network.',
  },
  'handover.receive.open': { 'zh-CN': '打开事件', en: 'Open the incident' },
  'handover.receive.again': { 'zh-CN': '再接收一次', en: 'Receive another' },
  'handover.receive.unreadable': {
    'zh-CN': '扫描到的内容无法解压，可能已损坏。请重新扫描。未保存任何内容。',
    en: 'What was scanned cannot be unpacked: it is damaged. Scan again. Nothing was stored.',
  },
  'handover.receive.scanName': { 'zh-CN': '扫码交接', en: 'scanned handover' },
});
