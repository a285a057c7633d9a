// What other capabilities use of the offline layer: storage persistence, updates, the version.
export { availableBytes, readStorageStatus, requestPersistentStorage, type StorageStatus } from './storage';
export { checkForUpdate, useUpdates, type UpdateCheck } from './updates';
export { APP_VERSION } from './version';
export { formatBytes } from './bytes';
export { messages } from './messages';
export { reportRequestFailed, reportRequestSucceeded } from './network';
