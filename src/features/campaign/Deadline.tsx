import { daysBetween } from '../../domain/campaign/missing';
import { useText } from '../../ui/text';
import { messages } from './due.messages';
import './campaign-due.css';

/**
 * How long until a campaign's report is due, or how long overdue; in alarm style once overdue
 * (seed plan part 2, 五: 于3月20日前报). A report handed in says so instead.
 */
export function Deadline({ deadline, today, submitted }: { deadline: string; today: string; submitted: boolean }) {
  const t = useText(messages);
  if (submitted)
    return (
      <span className="campaign-deadline handed-in" data-state="handed-in">
        {t('campaignDue.handedIn')}
      </span>
    );
  const days = daysBetween(today, deadline);
  if (days < 0)
    return (
      <span className="campaign-deadline overdue" data-state="overdue">
        {t('campaignDue.overdue', { days: -days, deadline })}
      </span>
    );
  return (
    <span className={days === 0 ? 'campaign-deadline due-today' : 'campaign-deadline'} data-state={days === 0 ? 'today' : 'left'}>
      {days === 0 ? t('campaignDue.today', { deadline }) : t('campaignDue.left', { days, deadline })}
    </span>
  );
}
