// What other capabilities use of the playbooks: the library on this device, one playbook, phone links.
export { loadPlaybook, usePlaybook, usePlaybookLibrary, type LibraryEntry, type PlaybookLoad, type PlaybookSource } from './library';
export { PlaybookList } from './PlaybookList';
export { PhoneLink } from './Phone';
export { messages as playbookMessages } from './messages';
