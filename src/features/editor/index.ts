// What other capabilities use of the editor: links to it and the list of drafts on this device.
export { DraftList, EditPlaybookLink, editPath } from './links';
