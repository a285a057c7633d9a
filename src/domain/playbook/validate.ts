/**
 * The playbook validator's public face: the CLI (scripts/validate.ts) and the in-app import
 * both come through here. Every entry point takes `{ language: 'zh-CN' | 'en' }` for its
 * messages; English when left out.
 */
export { validatePlaybook, type PlaybookCheck } from './check';
export { comparePlaybookTwins } from './twins';
export { MAX_PLAYBOOK_BYTES, parsePlaybookText, playbookFileSizeIssue, readPlaybookBytes } from './file';
export { speak, type PlaybookCheckOptions, type Say } from './messages';
