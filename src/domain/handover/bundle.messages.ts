import { defineMessages } from '../text';

/**
 * Why a handover bundle is refused (bundle.ts `BundleProblem`), in the words the receiving phone
 * shows, with the file's name. Each says what was found and what to do; nothing of a refused
 * bundle is stored, and each says that too.
 */
export const messages = defineMessages({
  'handover.problem.not-a-bundle': {
    'zh-CN': '“{file}”不是 Muster 交接文件（开头应为 MUSTER-BUNDLE）。未保存任何内容。',
    en: '“{file}” is not a Muster handover file (it should start with MUSTER-BUNDLE). Nothing was stored.',
  },
  'handover.problem.newer-format': {
    'zh-CN': '“{file}”是第 {version} 版交接文件，本应用只能读取第 1 版。请先更新本设备上的应用。未保存任何内容。',
    en: '“{file}” is a version {version} handover file; this app reads version 1. Update the app on this phone first. Nothing was stored.',
  },
  'handover.problem.truncated': {
    'zh-CN': '“{file}”不完整：应有 {expected} 字节，只收到 {got} 字节。请让对方重新发送。未保存任何内容。',
    en: '“{file}” is incomplete: it should hold {expected} bytes and holds {got}. Ask for it to be sent again. Nothing was stored.',
  },
  'handover.problem.damaged': {
    'zh-CN': '“{file}”已损坏或被改动（{detail}）。请让对方重新发送。未保存任何内容。',
    en: '“{file}” is damaged or was changed ({detail}). Ask for it to be sent again. Nothing was stored.',
  },
  'handover.problem.other-organisation': {
    'zh-CN': '“{file}”来自另一个机构（{orgId}），不属于本设备所在的机构。未保存任何内容。',
    en: '“{file}” comes from another organisation ({orgId}), not the one this phone belongs to. Nothing was stored.',
  },
  'handover.problem.untrusted-device': {
    'zh-CN': '“{file}”中的设备 {deviceId} 没有本机构签发的有效证书，无法确认其来源。未保存任何内容。',
    en: '“{file}” names device {deviceId}, which holds no valid certificate from this organisation: where it comes from cannot be checked. Nothing was stored.',
  },
  'handover.problem.bad-seal': {
    'zh-CN': '“{file}”的发送方签名不符：文件在签名后被改动，或并非由其所称的设备制作。未保存任何内容。',
    en: '“{file}” does not carry its sender’s signature: it was changed after it was signed, or not made by the phone it names. Nothing was stored.',
  },
  'handover.problem.already-received': {
    'zh-CN': '“{file}”此前已经导入过（交接编号 {bundleId}），其中的记录本设备都已保存。没有任何改动。',
    en: '“{file}” was imported before (handover {bundleId}); this phone already holds everything in it. Nothing changed.',
  },
  'handover.problem.invalid-event': {
    'zh-CN': '“{file}”中的记录 {eventId} 无效：字段 {field}，{message}。未保存任何内容。',
    en: '“{file}”: record {eventId} is not valid: field {field}, {message}. Nothing was stored.',
  },
  'handover.problem.unsigned-event': {
    'zh-CN': '“{file}”中的记录 {eventId} 来自设备 {deviceId}，但文件中没有该设备的证书，无法核实。未保存任何内容。',
    en: '“{file}”: record {eventId} is from device {deviceId}, whose certificate the file does not carry, so it cannot be checked. Nothing was stored.',
  },
  'handover.problem.bad-event-signature': {
    'zh-CN': '“{file}”中的记录 {eventId} 与其设备的签名不符：记录在签名后被改动。未保存任何内容。',
    en: '“{file}”: record {eventId} does not match its device’s signature: it was changed after it was signed. Nothing was stored.',
  },
  'handover.problem.unexpected-stream': {
    'zh-CN': '“{file}”中的记录 {eventId} 属于文件未列出的事件或值班日记（{streamId}）。未保存任何内容。',
    en: '“{file}”: record {eventId} belongs to an incident or duty log the file does not list ({streamId}). Nothing was stored.',
  },
  'handover.problem.bad-photo': {
    'zh-CN': '“{file}”中的照片 {hash} 与其名称（SHA-256）不符，或没有任何记录引用它。未保存任何内容。',
    en: '“{file}”: photo {hash} does not match its name (SHA-256), or no record names it. Nothing was stored.',
  },
  'handover.damaged.extra-bytes': { 'zh-CN': '比文件头所写多出 {at} 字节', en: '{at} bytes more than its header says' },
  'handover.damaged.hash': { 'zh-CN': '内容与文件头中的 SHA-256 校验值不符', en: 'the content does not match the SHA-256 in its header' },
  'handover.damaged.not-json': { 'zh-CN': '内容不是 JSON 对象', en: 'the content is not a JSON object' },
  'handover.damaged.duplicate-key': { 'zh-CN': '键 {at} 出现了两次', en: 'the key {at} is given twice' },
  'handover.damaged.field': { 'zh-CN': '字段 {at} 缺失或格式不对', en: 'the field {at} is missing or not as expected' },
  'handover.damaged.repeated-event': { 'zh-CN': '记录 {at} 出现了两次', en: 'record {at} is given twice' },
});
