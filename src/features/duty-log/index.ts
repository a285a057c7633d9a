// What other capabilities use of the duty log: the entries written during an incident.
export { DutyLogDuring } from './DutyLog';
export { messages as dutyLogMessages } from './messages';
