import { defineMessages } from '../../domain/text';

/** Texts of the incidents as other screens list them (the home screen, the start form's "resume"). */
export const messages = defineMessages({
  'incident.start.resume': { 'zh-CN': '继续：{title}', en: 'Resume: {title}' },
  'incident.start.resumeMeta': { 'zh-CN': '{actor} 于 {time} 启动', en: 'started {time} by {actor}' },
  'incident.new': { 'zh-CN': '启动事件', en: 'Start an incident' },
});
