import { campaignTables, formatAmount, type CampaignState } from '../../domain/campaign';
import { tableCells } from '../../domain/campaign/table-cells';
import type { Playbook } from '../../domain/playbook/schema';
import type { Language } from '../../domain/text';

/**
 * The two summary tables handed in (贷款风险分类准确性排查情况汇总表, 重大信用风险隐患排查情况汇总表),
 * built from the entries by the domain, with the same cells as the exported CSV and the printable
 * report: a caption, column headers, one row header per category or dimension, and the total.
 * Wide on a phone: each table scrolls sideways in a focusable region, its first column kept in view.
 */
export function SummaryTables({ state, playbook, language }: { state: CampaignState; playbook: Playbook; language: Language }) {
  return (
    <>
      {campaignTables(state, playbook).map((table) => {
        const { head, rows } = tableCells(table, state.started.currency, language, (minor) => formatAmount(minor, language));
        const captionId = `table-${table.id}`;
        return (
          <div key={table.id} className="summary">
            {/* The title wraps above the table; inside it (a caption) it would scroll away with the columns. */}
            <h3 id={captionId} lang={playbook.language}>
              {table.title}
            </h3>
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0} data-testid={`summary-${table.rows}`}>
              <table className="data-table summary-table" aria-labelledby={captionId}>
                <thead>
                  <tr>
                    {head.map((h, i) => (
                      <th key={i} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, r) => {
                    const total = r === rows.length - 1;
                    const [name, ...cells] = row;
                    return (
                      <tr key={r} className={total ? 'total' : undefined} data-testid={total ? 'summary-total' : undefined}>
                        <th scope="row" lang={total ? undefined : playbook.language}>
                          {name}
                        </th>
                        {cells.map((c, i) => (
                          <td key={i} className="num">
                            {c}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </>
  );
}
