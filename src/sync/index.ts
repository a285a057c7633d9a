export { createSyncEngine, LIVE_WINDOW_MS, type SyncEngine, type SyncStatus } from './controller';
export { enrolFromUrl, tokenFromEnrolmentUrl, type EnrolOutcome } from './enrol';
export { hintStreamOpener } from './stream';
export { publishPlaybook, type PublishDeps, type PublishOutcome } from './playbooks';

export { httpTransport } from './transport';
