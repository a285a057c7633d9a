import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent } from './event';
import { isWellFormedText, malformedTextIssues } from './validation';

// Half of 🚒 (U+1F692 is \uD83D\uDE92): what a phone keyboard or a cut-off paste can leave behind.
const HALF = '\uD83D';

const note = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  streamId: 'incident-1',
  deviceId: 'phone-a',
  actor: '王值班',
  hlc: '001784001600000-0000-phone-a',
  type: 'note.added',
  payload: { text: '消防车 🚒 已到场', tags: ['fire-brigade-arrived'] },
  v: EVENT_SCHEMA_VERSION,
};

describe('texts in an event are well-formed Unicode', () => {
  it('accepts Chinese text and a whole emoji (a surrogate pair)', () => {
    expect(validateEvent(note).ok).toBe(true);
  });

  it.each([
    ['the note text', { ...note, payload: { ...note.payload, text: `消防车 ${HALF} 已到场` } }, 'payload.text'],
    ['a tag', { ...note, payload: { ...note.payload, tags: ['fire-brigade-arrived', `x${HALF}`] } }, 'payload.tags[1]'],
    ['the actor', { ...note, actor: `王${HALF}` }, 'actor'],
    ['the event id', { ...note, id: `a${HALF}` }, 'id'],
    ['the stream id', { ...note, streamId: `\uDE92incident` }, 'streamId'],
    ['the device id', { ...note, deviceId: `phone${HALF}` }, 'deviceId'],
  ])('refuses a lone surrogate in %s, naming that field', (_what, input, path) => {
    const result = validateEvent(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path && i.message.includes('lone UTF-16 surrogate'));
    expect(issue?.message).toMatch(/well-formed Unicode/);
  });

  it.each([
    ['the actor', { ...note, actor: '王\u0000值班' }, 'actor'],
    ['the note text', { ...note, payload: { ...note.payload, text: 'a\u0000b' } }, 'payload.text'],
  ])('refuses the NUL character in %s (PostgreSQL cannot store it), naming that field', (_what, input, path) => {
    const result = validateEvent(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.find((i) => i.path === path)?.message).toMatch(/NUL character \(U\+0000 at position 1\)/);
  });

  it('says where in the text the broken character is', () => {
    const result = validateEvent({ ...note, payload: { text: `ab${HALF}` } });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'payload.text',
          message: 'the text holds a broken character (a lone UTF-16 surrogate \\uD83D at position 2); texts must be well-formed Unicode',
        },
      ],
    });
  });
});

describe('malformedTextIssues', () => {
  it('finds broken texts and field names at any depth, each at its path', () => {
    const issues = malformedTextIssues({ a: [{ b: `x${HALF}` }], [`k${HALF}`]: 1, ok: '🚒' }, 'payload');
    expect(issues.map((i) => i.path)).toEqual(['payload.a[0].b', `payload.k${HALF}`]);
    expect(issues[1]?.message).toMatch(/^the field name holds a broken character/);
  });

  it('walks a deeply nested value without exhausting the stack', () => {
    let deep: unknown = HALF;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(malformedTextIssues(deep, '')).toHaveLength(1);
  });

  it('tells a pair from a lone half at either end', () => {
    expect(isWellFormedText('🚒')).toBe(true);
    expect(isWellFormedText('\uD83D')).toBe(false);
    expect(isWellFormedText('\uDE92')).toBe(false);
    expect(isWellFormedText('\uDE92\uD83D')).toBe(false);
    expect(isWellFormedText('')).toBe(true);
  });
});
