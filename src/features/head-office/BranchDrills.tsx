import { dateWords, drillsMessages, dueWords } from '../drills';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import type { BranchRow } from '../../storage/branches';
import { useBranchDrills } from './hooks';
import { messages } from './messages';

/**
 * The branches with a drill overdue or due within 30 days (seed plan 4, 一、6(3): at least one
 * drill every six months), the most overdue first, each plan with its due words and its last
 * drill. Read only, from this device's copy of the branches' records.
 */
export function BranchDrills({ branches, now }: { branches: readonly BranchRow[]; now: number }) {
  const t = useText(messages);
  const tDrills = useText(drillsMessages);
  const language = useSession((s) => s.language);
  const view = useBranchDrills(branches, now, language);
  if (view.status === 'loading') return null;
  const overdue = view.rows.filter((r) => r.overdue > 0).length;
  const soon = view.rows.filter((r) => r.overdue === 0).length;
  return (
    <section aria-labelledby="ho-drills-heading" className="ho-drills" data-testid="branch-drills">
      <h2 id="ho-drills-heading">{t('headOffice.drills.title')}</h2>
      {view.noPlaybooks ? (
        <p className="callout" role="note">
          {t('headOffice.drills.noPlaybooks')}
        </p>
      ) : view.rows.length === 0 ? (
        <p className="empty" data-testid="no-branch-drills">
          {t('headOffice.drills.none')}
        </p>
      ) : (
        <>
          <p className="ho-summary" data-testid="branch-drills-summary">
            {t('headOffice.drills.summary', { overdue, soon })}
          </p>
          <ul className="cards">
            {view.rows.map((row) => (
              <li key={row.orgId} className={`card ho-drill-branch${row.overdue > 0 ? ' attention' : ''}`} data-testid={`branch-drills-${row.orgId}`}>
                <span className="card-title">{row.name}</span>
                <ul className="ho-drill-list">
                  {row.due.map((d) => (
                    <li key={d.playbookId} className={`status-${d.status}`} data-testid={`branch-drill-${d.playbookId}`} data-status={d.status}>
                      <span className="drills-due-plan" lang={d.playbookLanguage}>
                        {d.playbookTitle}
                      </span>{' '}
                      <span className="drills-due-when">{dueWords(tDrills, d)}</span>
                      {d.last ? <span className="card-meta"> · {t('headOffice.drills.last', { date: dateWords(language, d.last.at) })}</span> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
