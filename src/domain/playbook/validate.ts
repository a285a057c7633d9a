/**
 * The playbook validator's public face: the CLI (scripts/validate.ts) and the in-app import
 * both come through here. Every entry point takes `{ language: 'zh-CN' | 'en' }` for its
 * messages; English when left out. Errors keep a file out, warnings do not; each issue names
 * its path, its place in the file's words and, when the text was given, its line and column.
 */
export { validatePlaybook, type PlaybookCheck, type PlaybookIssue, type Severity } from './check';
export { comparePlaybookTwins } from './twins';
export { MAX_PLAYBOOK_BYTES, parsePlaybookText, placeIssuesInText, playbookFileSizeIssue, readPlaybookBytes } from './file';
export { speak, type PlaybookCheckOptions, type Say } from './messages';
