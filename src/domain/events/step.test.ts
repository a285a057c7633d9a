import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent } from '../event';

const envelope = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  streamId: 'inc-riverside',
  deviceId: 'phone-b',
  actor: 'Electrician Zhou',
  hlc: '001784001600000-0000-phone-b',
  v: EVENT_SCHEMA_VERSION,
};

describe('step.started: the electrician starts cutting the power', () => {
  it('is a well-formed event with the step it starts', () => {
    expect(validateEvent({ ...envelope, type: 'step.started', payload: { stepId: 'step.alert.power' } }).ok).toBe(true);
  });

  it.each([
    [{}, 'payload.stepId', 'expected a text'],
    [{ stepId: '' }, 'payload.stepId', 'must not be empty'],
    [{ stepId: 's'.repeat(101) }, 'payload.stepId', ''],
    [{ stepId: 'step.alert.power', at: 5 }, 'payload.at', 'unknown field'],
  ])('refuses a payload that is wrong (%#), naming the field', (payload, path, message) => {
    const r = validateEvent({ ...envelope, type: 'step.started', payload });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.find((i) => i.path === path)?.message).toContain(message);
  });

  it('leaves the older step events as they were', () => {
    expect(validateEvent({ ...envelope, type: 'step.done', payload: { stepId: 's' } }).ok).toBe(true);
    expect(validateEvent({ ...envelope, type: 'step.skipped', payload: { stepId: 's', reason: 'no power' } }).ok).toBe(true);
    expect(validateEvent({ ...envelope, type: 'step.reopened', payload: { stepId: 's' } }).ok).toBe(true);
  });
});
