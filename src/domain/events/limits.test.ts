import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent, type EventType } from '../event';
import { TEXT_LIMITS } from './limits';

const envelope = { id: 'e1', streamId: 'incident-1', deviceId: 'phone-a', actor: '王值班', hlc: '001784001600000-0000-phone-a', v: EVENT_SCHEMA_VERSION };

/** One field of one event type that each limit governs, with the rest of a valid payload. */
const CASES: [keyof typeof TEXT_LIMITS, EventType, Record<string, unknown>, string][] = [
  ['name', 'role.assigned', { roleId: 'hq.deputy' }, 'person'],
  ['title', 'incident.declared', { playbookId: 'flood', playbookVersion: '1.0.0', mode: 'drill', place: '' }, 'title'],
  ['item', 'supplies.used', { quantity: 1 }, 'item'],
  ['reason', 'step.skipped', { stepId: 's' }, 'reason'],
  ['note', 'end.confirmed', {}, 'note'],
  ['entry', 'note.added', {}, 'text'],
  ['afterAction', 'afterAction.set', { field: 'lessons' }, 'text'],
  ['unit', 'supplies.used', { item: '沙袋', quantity: 1 }, 'unit'],
];

describe('the text limits the forms share with the validators', () => {
  it.each(CASES)('%s: a %s takes %s up to the limit and refuses one character more', (limit, type, rest, field) => {
    const at = (length: number) => validateEvent({ ...envelope, type, payload: { ...rest, [field]: '字'.repeat(length) } });
    expect(at(TEXT_LIMITS[limit]).ok).toBe(true);
    expect(at(TEXT_LIMITS[limit] + 1)).toMatchObject({ ok: false, issues: [{ path: `payload.${field}` }] });
  });

  it('holds a person recording to the name limit too', () => {
    const at = (length: number) => validateEvent({ ...envelope, actor: 'a'.repeat(length), type: 'step.done', payload: { stepId: 's' } });
    expect(at(TEXT_LIMITS.name).ok).toBe(true);
    expect(at(TEXT_LIMITS.name + 1).ok).toBe(false);
  });
});
