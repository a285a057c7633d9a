export { createSyncEngine, type SyncEngine, type SyncStatus } from './controller';
export { enrolFromUrl, tokenFromEnrolmentUrl, type EnrolOutcome } from './enrol';

export { httpTransport } from './transport';
