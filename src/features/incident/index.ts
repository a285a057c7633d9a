// What other capabilities use of the incident: the list of incidents on this device and its texts.
export { useIncidentList, type IncidentSummary } from './incident-list';
export { messages as incidentMessages } from './messages';
export { messages as incidentListMessages } from './list.messages';
// Photos taken with a record (shrunk, hashed, stored with its event) and shown beside it: the inspection rounds' findings use them too.
export { NotePhotos, PhotoPicker } from './NotePhotos';
// The camera as a QR reader (BarcodeDetector, or jsQR in a worker) while a screen is up: the handover's receiving side reads its codes with it.
export { useQrScanner } from './use-qr-scanner';
