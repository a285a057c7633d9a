// The roster's screens, one chunk: the app loads it only on /roster… and /check-in. The CSV
// reader (papaparse) is loaded only when a file is previewed.
export { RosterScreen } from './RosterScreen';
export { ImportRoster } from './ImportRoster';
export { MyCheckIn } from './MyCheckIn';
export { Badges } from './Badges';
