import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent } from '../event';
import { playbookContentHash } from '../playbook/content-hash';

const envelope = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  streamId: 'inc-riverside',
  deviceId: 'phone-a',
  actor: 'Wang on duty',
  hlc: '001784001600000-0000-phone-a',
  v: EVENT_SCHEMA_VERSION,
};

const declared = { playbookId: 'flood-emergency', playbookVersion: '1.0.0', playbookLanguage: 'en', mode: 'real', title: 'Basement flooding', place: 'B1' };
const hash = playbookContentHash({ id: 'flood-emergency', version: '1.0.0' });

describe('incident.declared: the on-duty leader starts the flood plan at 02:00', () => {
  it('records the content hash of the playbook it runs on', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const r = validateEvent({ ...envelope, type: 'incident.declared', payload: { ...declared, playbookHash: hash } });
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'incident.declared') expect(r.value.payload.playbookHash).toBe(hash);
  });

  it('stays valid without a hash, as incidents declared before it was recorded are, with the same schema version', () => {
    expect(validateEvent({ ...envelope, type: 'incident.declared', payload: declared }).ok).toBe(true);
  });

  it.each([
    ['in capitals', hash.toUpperCase(), 'expected the playbook\'s SHA-256 as 64 lower-case hexadecimal digits, got "'],
    ['cut short', hash.slice(0, 16), "expected the playbook's SHA-256 as 64 lower-case hexadecimal digits"],
    ['one digit too many', `${hash}0`, '64 lower-case hexadecimal digits'],
    ['empty', '', '64 lower-case hexadecimal digits'],
    ['broken into groups', hash.replace(/(.{16})(?!$)/g, '$1 '), '64 lower-case hexadecimal digits'],
    ['with its algorithm named', `sha256:${hash}`, '64 lower-case hexadecimal digits'],
    ['not a text', 42, "expected a text (the playbook's SHA-256 as 64 lower-case hexadecimal digits), got number 42"],
    ['null', null, 'expected a text'],
  ])('refuses a hash %s, naming the field', (_, playbookHash, message) => {
    const r = validateEvent({ ...envelope, type: 'incident.declared', payload: { ...declared, playbookHash } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.find((i) => i.path === 'payload.playbookHash')?.message).toContain(message);
  });

  it('still names a misspelt field', () => {
    const r = validateEvent({ ...envelope, type: 'incident.declared', payload: { ...declared, playbookSha: hash } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.find((i) => i.path === 'payload.playbookSha')?.message).toContain('playbookHash');
  });
});
