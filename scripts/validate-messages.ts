import { defineMessages } from '../src/domain/text';

/** The validator CLI's own lines; the problems themselves come worded from the validator. */
export const messages = defineMessages({
  'validate.usage': {
    'zh-CN':
      '用法：validate [--lang en|zh-CN] [playbook.json …]   （不给文件时校验 scenarios/ 中的全部预案）\n  --lang zh-CN   用简体中文列出问题（默认：en）\n',
    en: 'usage: validate [--lang en|zh-CN] [playbook.json …]   (no files: every playbook in scenarios/)\n  --lang zh-CN   print the problems in Simplified Chinese (default: en)\n',
  },
  'validate.ok': { 'zh-CN': '通过（{id} {version}，{language}）', en: 'OK ({id} {version}, {language})' },
  'validate.okWithWarnings': {
    'zh-CN': '通过（{id} {version}，{language}），另有 {count} 条警告',
    en: 'OK ({id} {version}, {language}), with {count} warning(s)',
  },
  'validate.error': { 'zh-CN': '错误', en: 'error' },
  'validate.warning': { 'zh-CN': '警告', en: 'warning' },
  'validate.place': { 'zh-CN': '{path}（{place}）', en: '{path} ({place})' },
  'validate.twin': { 'zh-CN': '（对照文件：{file}）', en: ' (twin: {file})' },
  'validate.summary': { 'zh-CN': '{total} 个文件中有 {failed} 个存在错误', en: '{failed} of {total} files have errors' },
  'validate.badLanguage': { 'zh-CN': 'validate：--lang 应为 {languages} 之一，实际为 {given}', en: 'validate: --lang must be one of {languages}, got {given}' },
});
