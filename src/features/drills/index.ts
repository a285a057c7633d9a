// What other capabilities use of the drill calendar: the drills due for home, and for head
// office the playbooks drilled on this device, the due words and their texts.
export { DrillsDue } from './DrillsDue';
export { dateWords, dueWords } from './due-words';
export { useDrilledPlaybooks, type Loaded } from './hooks';
export { messages as drillsMessages } from './messages';
