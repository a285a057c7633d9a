import { describe, expect, it } from 'vitest';
import { exportAllFormats, type ReportInput } from '../../src/domain/report';
import { csvField, escapeMarkdown } from '../../src/domain/report/escape';
import { CHINA, floodStory, FLOOD_ID, FLOOD_START } from './stories';
import { parseCsv, unescapeMarkdown } from './support';

// A title typed with a right-to-left override and a NUL: every export shows them, none obeys them.

const story = floodStory('en');
const sneaky = 'Basement \u202Egnp.exe\u0000 flood \u2066x\u2069';
const input: ReportInput = {
  incidentId: FLOOD_ID,
  events: story.events.map((e) => (e.type === 'incident.declared' ? { ...e, payload: { ...e.payload, title: sneaky } } : e)),
  dutyEvents: story.dutyEvents,
  playbook: story.playbook,
  language: 'en',
  timeZoneOffsetMinutes: CHINA,
  generatedAt: FLOOD_START + 86_400_000,
};
// eslint-disable-next-line no-control-regex -- looking for control characters is the test
const BIDI_OR_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('exports show bidi controls and NUL instead of obeying them', () => {
  const all = exportAllFormats(input);
  it.each([
    ['HTML', all.html],
    ['Markdown', unescapeMarkdown(all.markdown)],
    ['CSV', all.csv],
  ])('%s holds no U+202E, NUL or isolate, and shows each as ⟦U+…⟧', (_, text) => {
    expect(text).not.toMatch(BIDI_OR_CONTROL);
    expect(text).toContain('⟦U+202E⟧gnp.exe⟦U+0000⟧');
    expect(text).toContain('⟦U+2066⟧x⟦U+2069⟧');
  });

  it('Markdown escapes what it shows, and the JSON record keeps the text as typed', () => {
    expect(escapeMarkdown('a\u202Eb\u0000c')).toBe('a⟦U+202E⟧b⟦U+0000⟧c');
    expect(all.json).toContain('\\u0000');
  });
});

describe('the CSV formula guard looks past leading white space', () => {
  it.each([' =1+1', '\t=1', '\n=1', '\r\n=1', '  @SUM(A1)', ' \t-2+3', '\u3000＝1'])('%j starts with an apostrophe', (cell) => {
    expect(csvField(cell)).toBe(`"'${cell.replace(/"/g, '""')}"`);
    expect(parseCsv(`${csvField(cell)}\r\n`)[0]?.[0]?.startsWith("'")).toBe(true);
  });

  it('leaves ordinary text, and a minus inside it, alone', () => {
    expect(csvField('Sandbags - 40')).toBe('"Sandbags - 40"');
    expect(csvField('  two spaces first')).toBe('"  two spaces first"');
  });
});
