export { createSyncEngine, LIVE_WINDOW_MS, type SyncEngine, type SyncStatus } from './controller';
export type { PullProgress } from './engine';
export { codeFromEnrolmentUrl, enrolFromUrl, exchangeEnrolmentCode, tokenFromEnrolmentUrl, type EnrolOutcome } from './enrol';
export { rotateDeviceToken, type RotateOutcome } from './rotate';
export { hintStreamOpener } from './stream';
export { publishPlaybook, type PublishDeps, type PublishOutcome } from './playbooks';

export { httpTransport } from './transport';
