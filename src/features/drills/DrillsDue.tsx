import { compareDue } from '../../domain/drills';
import { Link } from '../../ui/router';
import { useText } from '../../ui/text';
import { dueWords } from './due-words';
import { useDrillsDue, useNow } from './hooks';
import { messages } from './messages';
import './drills.css';

/**
 * Home's card of drills due: each plan whose next drill is overdue or due within 30 days,
 * overdue first, linking to the drill calendar. Nothing at all while it loads or when no
 * drill is due, so the first screen never waits for it or jumps for nothing.
 */
export function DrillsDue() {
  const t = useText(messages);
  const now = useNow(60_000);
  const due = useDrillsDue(now);
  if (due.status !== 'ready') return null;
  const shown = due.value.filter((d) => d.status !== 'ok').sort(compareDue);
  if (shown.length === 0) return null;
  const alarm = shown.some((d) => d.status === 'overdue' || d.last === null);
  return (
    <Link href="/drills" className={`card card-link drills-due${alarm ? ' alarm' : ''}`} data-testid="drills-due">
      <span className="card-title">{t('drills.home.title')}</span>
      <span className="drills-due-list">
        {shown.map((d) => (
          <span
            key={d.playbookId}
            className={`drills-due-item status-${d.status}${d.status === 'overdue' || d.last === null ? ' late' : ''}`}
            data-testid={`drill-due-${d.playbookId}`}
            data-status={d.status}
          >
            <span className="drills-due-plan" lang={d.playbookLanguage}>
              {d.playbookTitle}
            </span>{' '}
            <span className="drills-due-when">{dueWords(t, d)}</span>
          </span>
        ))}
      </span>
      <span className="card-meta">{t('drills.home.all')}</span>
    </Link>
  );
}
