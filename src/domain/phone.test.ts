import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent } from './event';
import { isPhoneNumber, PHONE_MAX_LENGTH, PHONE_PATTERN, telHref } from './phone';
import { Phone } from './playbook/schema-common';

const GOOD = ['119', '17', '+86 316 123 4567', '(0316) 1234-5678', '0316-12345678', '0316 1234 5678', '0316/1234567', '316.123.4567', '+(86) 10 1234'];
const JUNK = ['', '1', '+', '()', ' 119', '-119', 'abc', '119a', '12+34', '0316-1234567 转 801', 'ext. 801', '１１９', '1'.repeat(PHONE_MAX_LENGTH + 1)];

describe('the phone number rule', () => {
  it.each(GOOD)('takes %j', (n) => expect(isPhoneNumber(n)).toBe(true));
  it.each(JUNK)('refuses %j', (n) => expect(isPhoneNumber(n)).toBe(false));

  it('compiles as an HTML pattern attribute (v mode, whole value) and agrees with itself there', () => {
    const html = new RegExp(`^(?:${PHONE_PATTERN.source})$`, 'v');
    for (const n of [...GOOD, ...JUNK]) expect(html.test(n)).toBe(PHONE_PATTERN.test(n));
  });

  it('is the rule a role assignment and a playbook file are checked by', () => {
    const assigned = (phone: string) =>
      validateEvent({
        id: 'e1',
        streamId: 'incident-1',
        deviceId: 'phone-a',
        actor: '王值班',
        hlc: '001784001600000-0000-phone-a',
        type: 'role.assigned',
        payload: { roleId: 'hq.deputy', person: '张副组长', phone },
        v: EVENT_SCHEMA_VERSION,
      }).ok;
    for (const n of [...GOOD, ...JUNK]) {
      expect(assigned(n)).toBe(isPhoneNumber(n));
      expect(Phone.safeParse(n).success).toBe(isPhoneNumber(n));
    }
  });

  it('dials the digits and a leading "+" only', () => {
    expect(telHref('+86 (316) 123-4567')).toBe('tel:+863161234567');
    expect(telHref('(0316) 1234-5678')).toBe('tel:031612345678');
    expect(telHref('119')).toBe('tel:119');
  });
});
