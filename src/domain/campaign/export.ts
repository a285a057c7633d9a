import type { Playbook } from '../playbook/schema';
import { csvField } from '../report/escape';
import { UTF8_BOM } from '../report/csv';
import type { Language } from '../text';
import type { CampaignState } from './state';
import { campaignTables } from './summary';
import { csvAmount, tableCells } from './table-cells';

export { campaignReportHtml, type CampaignReportOptions } from './report-html';
export { csvAmount } from './table-cells';

/** One summary table as a CSV file. */
export interface CampaignCsv {
  readonly tableId: string;
  /** The table's title as the playbook gives it (the file does not repeat it: row 1 is the header). */
  readonly title: string;
  /** "<table id>.csv", safe on every file system. */
  readonly fileName: string;
  readonly text: string;
}

/**
 * Each summary table of the playbook as its own CSV file: RFC 4180 (every field quoted, quotes
 * doubled, CRLF), a BOM so Excel reads the Chinese, a cell that a spreadsheet would run as a
 * formula neutralised (report/escape.ts csvField), amounts in yuan with two decimals computed
 * from integers. Rows: one per category or dimension of the playbook, then the total. Pure.
 */
export function campaignTablesCsv(state: CampaignState, playbook: Playbook, language: Language): CampaignCsv[] {
  return campaignTables(state, playbook).map((table) => {
    const { head, rows } = tableCells(table, state.started.currency, language, csvAmount);
    const text = `${UTF8_BOM}${[head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
    return { tableId: table.id, title: table.title, fileName: `${table.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`, text };
  });
}
