import { TZDate } from '@date-fns/tz';
import { lightFormat } from 'date-fns';
import { speaker, type Language, type Speak } from '../text';
import { messages } from './messages';
import type { RoundReportFinding, RoundReportRow } from './report';

/** The words both exports of the round report share: frequency, status, history lines, times. */

export type RoundReportSpeak = Speak<typeof messages>;

export function reportSpeaker(language: Language): RoundReportSpeak {
  return speaker(language, messages);
}

/** A moment as "2026-07-14 09:05" in the report's zone (sortable, the same in both languages). */
export function localTime(ms: number, timeZone: string): string {
  return lightFormat(new TZDate(ms, timeZone), 'yyyy-MM-dd HH:mm');
}

/** "twice a month", "汛期前 7 天完成 (未设定…)". */
export function frequencyText(row: RoundReportRow, t: RoundReportSpeak): string {
  if (row.every) return t('roundReport.frequency.every', { times: row.every.times, per: t(`roundReport.per.${row.every.per}`) });
  if (row.beforeSeason) {
    const due = t('roundReport.frequency.season', { season: row.beforeSeason.season, days: row.beforeSeason.daysBefore });
    return row.beforeSeason.startsOn === undefined
      ? `${due} ${t('roundReport.frequency.noSeasonDate', { season: row.beforeSeason.season })}`
      : `${due} (${row.beforeSeason.startsOn})`;
  }
  return t('roundReport.unlisted');
}

/** Each rectification step on one line, with its photos' hashes. */
export function historyLines(f: RoundReportFinding, timeZone: string, t: RoundReportSpeak): string[] {
  return f.history.map((h) => {
    const when = localTime(h.at, timeZone);
    const line =
      h.kind === 'updated'
        ? t('roundReport.history.updated', { when, by: h.actor, text: h.note })
        : h.kind === 'closed'
          ? t('roundReport.history.closed', { when, by: h.closedBy, text: h.evidence })
          : t('roundReport.history.reopened', { when, by: h.actor, text: h.reason });
    const photos = h.kind === 'reopened' ? [] : h.photos;
    return photos.length > 0 ? `${line} ${t('roundReport.photos', { hashes: photos.map((p) => p.hash).join(', ') })}` : line;
  });
}

export function findingText(f: RoundReportFinding, t: RoundReportSpeak): string {
  const head = f.itemText !== undefined ? `${f.itemText}: ${f.description}` : f.description;
  return f.foundBefore ? `${head} ${t('roundReport.foundBefore')}` : head;
}
