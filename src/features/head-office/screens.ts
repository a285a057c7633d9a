// Head office's two screens, one chunk: the app loads them only on the routes under /head-office.
export { HeadOfficeOverview } from './HeadOfficeOverview';
export { branchIncidentScreen, type IncidentParts } from './BranchIncidentPage';
