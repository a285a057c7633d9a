import type { FindingSeverity } from '../../domain/events/rounds';
import type { Round } from '../../domain/playbook/schema-rounds';
import type { RectificationStatus } from '../../domain/rounds';
import { messages as roundReportMessages } from '../../domain/rounds/messages';
import type { Speak } from '../../domain/text';
import { useText } from '../../ui/text';

type ReportWords = Speak<typeof roundReportMessages>;

/** "twice a month", "每日一次", "7 days before the flood season", in the words of the round report. */
export function roundFrequency(round: Round, t: ReportWords): string {
  if (round.every) return t('roundReport.frequency.every', { times: round.every.times, per: t(`roundReport.per.${round.every.per}`) });
  if (round.beforeSeason) return t('roundReport.frequency.season', { season: round.beforeSeason.season, days: round.beforeSeason.daysBefore });
  return '';
}

/** A finding's severity and where its rectification stands; overdue in the alarm style. */
export function FindingBadges({ severity, status }: { severity: FindingSeverity; status: RectificationStatus }) {
  const t = useText(roundReportMessages);
  return (
    <span className="finding-badges">
      <span className={`badge severity-${severity}`}>{t(`roundReport.severity.${severity}`)}</span>{' '}
      <span className={`badge rect-status rect-status-${status}`} data-testid="rectification-status">
        {t(`roundReport.status.${status}`)}
      </span>
    </span>
  );
}
