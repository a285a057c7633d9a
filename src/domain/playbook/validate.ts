/**
 * The playbook validator's public face: the CLI (scripts/validate.ts) and the in-app import
 * both come through here.
 */
export { validatePlaybook, type PlaybookCheck } from './check';
export { comparePlaybookTwins } from './twins';
export { MAX_PLAYBOOK_BYTES, parsePlaybookText, playbookFileSizeIssue, readPlaybookBytes } from './file';
