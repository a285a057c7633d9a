import { defineMessages } from '../../domain/text';

/** Texts of a note's photos: taking them with a note, and seeing them on the timeline. */
export const messages = defineMessages({
  'incident.photo.add': { 'zh-CN': '拍照', en: 'Add photo' },
  'incident.photo.preparing': { 'zh-CN': '正在处理照片…', en: 'Preparing the photo…' },
  'incident.photo.chosen': { 'zh-CN': '随记录保存的照片', en: 'Photos to save with the note' },
  'incident.photo.remove': { 'zh-CN': '移除第 {n} 张照片', en: 'Remove photo {n}' },
  'incident.photo.limit': { 'zh-CN': '每条记录最多 {max} 张照片', en: 'At most {max} photos per note' },
  'incident.photo.defaultText': { 'zh-CN': '现场照片', en: 'Photo from the scene' },
  'incident.photo.problem.notImage': { 'zh-CN': '{file} 不是图片，未添加。', en: '{file} is not an image; it was not added.' },
  'incident.photo.problem.undecodable': {
    'zh-CN': '无法读取 {file}（文件可能已损坏或格式不受支持），未添加。',
    en: '{file} cannot be read (damaged, or a format this browser cannot open); it was not added.',
  },
  'incident.photo.problem.tooLarge': {
    'zh-CN': '{file} 压缩后仍超过每张照片的上限，未添加。',
    en: '{file} is still over the size limit for one photo after shrinking; it was not added.',
  },
  'incident.photo.problem.tooMany': {
    'zh-CN': '{file} 未添加：每条记录最多 {max} 张照片。',
    en: '{file} was not added: a note holds at most {max} photos.',
  },
  'incident.photo.alt': { 'zh-CN': '记录“{text}”的第 {n} 张照片（共 {count} 张）', en: 'Photo {n} of {count} with the note “{text}”' },
  'incident.photo.open': { 'zh-CN': '查看大图：第 {n} 张照片', en: 'View photo {n} full size' },
  'incident.photo.close': { 'zh-CN': '关闭照片', en: 'Close the photo' },
  'incident.photo.notReceived': { 'zh-CN': '照片尚未收到', en: 'Photo not yet received' },
  'incident.photo.notReceivedHint': {
    'zh-CN': '拍照的设备联网后，照片会自动传来。',
    en: 'It comes by itself once the device that took it is online.',
  },
  'incident.photo.mismatch': {
    'zh-CN': '收到的照片与记录中的指纹不符，已拒收。',
    en: 'The photo received does not match the fingerprint in the note; it was refused.',
  },
  'incident.photo.refused.photo-too-large': { 'zh-CN': '服务器拒收：照片过大。', en: 'Not sent: the server refused it as too large.' },
  'incident.photo.refused.incident-full': {
    'zh-CN': '服务器拒收：本事件的照片已达上限。',
    en: 'Not sent: this incident has reached its limit of photos on the server.',
  },
  'incident.photo.refused.other': { 'zh-CN': '服务器拒收了这张照片。', en: 'Not sent: the server refused this photo.' },
});
