import { fill, LANGUAGES, type Language } from '../text';
import { messages } from './messages';

export type ReportLabelKey = keyof typeof messages;
/** The report's words in one language, as plain templates (the report builders fill them). */
export type ReportLabels = Readonly<Record<ReportLabelKey, string>>;
export type ReportLanguage = Language;
export const REPORT_LANGUAGES: readonly ReportLanguage[] = LANGUAGES;

const byLanguage = new Map<Language, ReportLabels>();

/** The report's words in `language`; the same object each time. */
export function reportLabels(language: ReportLanguage): ReportLabels {
  let labels = byLanguage.get(language);
  if (!labels) {
    labels = Object.fromEntries(Object.entries(messages).map(([key, m]) => [key, m[language]])) as Record<ReportLabelKey, string>;
    byLanguage.set(language, labels);
  }
  return labels;
}

export { fill };
