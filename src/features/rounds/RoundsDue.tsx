import { useState } from 'react';
import { Link } from '../../ui/router';
import { useSession } from '../../ui/session';
import { useText } from '../../ui/text';
import { roundsToday, useClock, useRoundPlaybooks, useRoundsHeld } from './hooks';
import { deviceTimeZone } from '../../ui/time-zone';
import { messages } from './due.messages';
import './rounds.css';

/**
 * The home screen's card: "Inspections: N due today, M overdue" (overdue in the alarm style),
 * with the findings still to rectify, linking to /rounds. Nothing at all when no playbook on
 * this device has rounds; nothing while it loads (it comes after the first screen) or when the
 * playbooks cannot be read (the rounds screen says why).
 */
export function RoundsDue() {
  const t = useText(messages);
  const language = useSession((s) => s.language);
  const playbooks = useRoundPlaybooks();
  const held = useRoundsHeld();
  const now = useClock(60_000);
  const [timeZone] = useState(deviceTimeZone);
  if (playbooks.status !== 'ready' || held === undefined || playbooks.value.length === 0) return null;
  const today = roundsToday(playbooks.value, held, now, timeZone, language);
  const lateFindings = today.findings.filter(({ finding }) => finding.dueDate < today.today).length;
  const alarm = today.overdue > 0 || lateFindings > 0;
  return (
    <Link href="/rounds" className={alarm ? 'rounds-due-card alarm' : 'rounds-due-card'} data-testid="home-rounds-due">
      <span className="rounds-due-title">{t('rounds.home.title')}</span>
      <span className="rounds-due-counts">
        <span data-testid="home-rounds-due-today">{t('rounds.home.due', { count: today.dueToday })}</span>
        <span className={today.overdue > 0 ? 'overdue-text' : undefined} data-testid="home-rounds-overdue">
          {t('rounds.home.overdue', { count: today.overdue })}
        </span>
        {today.findings.length > 0 ? (
          <span className={lateFindings > 0 ? 'overdue-text' : undefined} data-testid="home-rounds-findings">
            {t('rounds.home.findings', { count: today.findings.length })}
          </span>
        ) : null}
      </span>
    </Link>
  );
}
