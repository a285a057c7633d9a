// What other capabilities use of the report: the incident's Report tab.
export { ReportPanel } from './ReportPanel';
