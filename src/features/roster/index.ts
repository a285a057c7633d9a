// What other capabilities use of the branch roster: the roster on this device (the headcount
// counts against it), the links to its screens, and its texts.
export { useBranchRoster } from './store';
export { RosterLinks } from './RosterLinks';
export { messages as rosterMessages } from './messages';
