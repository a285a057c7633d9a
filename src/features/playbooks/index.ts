// What other capabilities use of the playbooks: the library on this device, one playbook, phone links.
export { loadPlaybook, usePlaybook, usePlaybookLibrary, type LibraryEntry, type LoadedPlaybook, type PlaybookLoad, type PlaybookSource } from './library';
export { PlaybookList } from './PlaybookList';
export { PlaybookCards } from './PlaybookCards';
export { shippedLibrary } from './merge';
export { PhoneLink } from './Phone';
import { messages } from './messages';
import { messages as listMessages } from './list.messages';

/** Every text of the playbooks (the list's and the reader's), for other capabilities' screens. */
export const playbookMessages = { ...listMessages, ...messages };
/** Only the list's texts: what the home screen needs. */
export { listMessages as playbookListMessages };
