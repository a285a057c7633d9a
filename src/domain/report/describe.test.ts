import { describe, expect, it } from 'vitest';
import { NOTE_TAGS } from '../events/note';
import { tagText } from './describe';
import { REPORT_LANGUAGES, reportLabels } from './labels';

describe('quick tags in the report', () => {
  it('words every quick tag a note can carry, in every report language', () => {
    for (const language of REPORT_LANGUAGES) {
      const labels = reportLabels(language);
      for (const tag of NOTE_TAGS) expect(tagText(tag, labels)).not.toBe(tag);
    }
  });

  it('shows a tag the app does not know as it was typed', () => {
    expect(tagText('水泵', reportLabels('zh-CN'))).toBe('水泵');
  });
});
