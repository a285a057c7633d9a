// What the shell uses of sync: starting the engine once the first screen is up.
export { startSync } from './app-sync';
export { Followers } from './Followers';
// What the playbook editor asks before offering "Publish".
export { useDeviceRole } from './useDeviceRole';
