// What other capabilities use of the report: the incident's Report tab.
export { ReportPanel } from './ReportPanel';
// Saving and printing an export file: the rounds and campaign reports use the same ways out.
export { downloadFile, printHtml, type ExportFile } from './deliver';
