// What other capabilities use of the incident: the list of incidents on this device and its texts.
export { useIncidentList, type IncidentSummary } from './hooks';
export { messages as incidentMessages } from './messages';
