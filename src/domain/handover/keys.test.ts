import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, validateEvent, type MusterEvent } from '../event';
import { checkDeviceCertificate, checkEventSignature, deviceKeyFrom, issueDeviceCertificate, signEvent, type DeviceCertificate } from './keys';

const seeded = (seed: number) => Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 17) & 0xff);
const orgKey = deviceKeyFrom(seeded(1)); // an organisation's key is an Ed25519 pair like any other
const otherOrgKey = deviceKeyFrom(seeded(2));
const phoneA = deviceKeyFrom(seeded(3));
const phoneB = deviceKeyFrom(seeded(4));
const ORG = { orgId: 'branch-riverside', publicKey: orgKey.publicKey };
const AT = '2026-07-14T02:00:00.000Z';

function event(overrides: Partial<Record<keyof MusterEvent, unknown>> = {}): MusterEvent {
  const v = validateEvent({
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    streamId: 'inc-basement',
    deviceId: 'phone-a',
    actor: '王值班',
    hlc: '001784001600000-0000-phone-a',
    type: 'step.done',
    payload: { stepId: 'flood.respond.evacuate' },
    v: EVENT_SCHEMA_VERSION,
    ...overrides,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.value;
}

describe('device keys and certificates', () => {
  const certA = issueDeviceCertificate({ orgId: ORG.orgId, deviceId: 'phone-a', publicKey: phoneA.publicKey }, orgKey, AT);

  it('a certificate issued by the organisation checks out on any device of it, offline', () => {
    expect(certA).toMatchObject({ orgId: 'branch-riverside', deviceId: 'phone-a', publicKey: phoneA.publicKey, issuedAt: AT });
    expect(certA.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(checkDeviceCertificate(certA, ORG)).toBe('valid');
  });

  it('refuses another organisation’s certificate, one signed by another key, and one altered', () => {
    const foreign = issueDeviceCertificate({ orgId: 'branch-hillside', deviceId: 'phone-a', publicKey: phoneA.publicKey }, otherOrgKey, AT);
    expect(checkDeviceCertificate(foreign, ORG)).toBe('other-organisation');
    // Same organisation name, but not its key: someone made a certificate of their own.
    const selfMade = issueDeviceCertificate({ orgId: ORG.orgId, deviceId: 'phone-a', publicKey: phoneA.publicKey }, otherOrgKey, AT);
    expect(checkDeviceCertificate(selfMade, ORG)).toBe('other-key');
    // The organisation's key id copied in does not make it the organisation's signature.
    expect(checkDeviceCertificate({ ...selfMade, orgKeyId: certA.orgKeyId }, ORG)).toBe('bad-signature');
    // Another device's key put into phone A's certificate.
    const swapped: DeviceCertificate = { ...certA, publicKey: phoneB.publicKey };
    expect(checkDeviceCertificate(swapped, ORG)).toBe('bad-signature');
    expect(checkDeviceCertificate({ ...certA, deviceId: 'phone-b' }, ORG)).toBe('bad-signature');
    expect(checkDeviceCertificate({ ...certA, signature: 'zz' }, ORG)).toBe('bad-signature');
  });

  it('an event signed by its device checks out with that device’s certificate, wherever it travelled', () => {
    const e = event();
    const signature = signEvent(e, phoneA.secretKey);
    expect(checkEventSignature(e, signature, certA)).toBe('valid');
    // The server's additions are not part of what was signed.
    expect(checkEventSignature({ ...e, seq: 42, receivedAt: AT } as unknown as MusterEvent, signature, certA)).toBe('valid');
    // Key order in the payload does not matter (canonical JSON): a parser may give it either way.
    const skipped = event({ type: 'step.skipped', payload: { stepId: 'flood.respond.evacuate', reason: 'Road closed' } });
    const reordered = event({ type: 'step.skipped', payload: { reason: 'Road closed', stepId: 'flood.respond.evacuate' } });
    expect(Object.keys(reordered.payload)).toEqual(['reason', 'stepId']);
    expect(checkEventSignature(reordered, signEvent(skipped, phoneA.secretKey), certA)).toBe('valid');
  });

  it('refuses an event changed after signing, or signed by another device, or claimed for another device', () => {
    const e = event();
    const signature = signEvent(e, phoneA.secretKey);
    expect(checkEventSignature(event({ actor: '李值班' }), signature, certA)).toBe('bad-signature');
    expect(checkEventSignature(event({ payload: { stepId: 'flood.respond.other' } }), signature, certA)).toBe('bad-signature');
    expect(checkEventSignature(event({ hlc: '001784001600001-0000-phone-a' }), signature, certA)).toBe('bad-signature');
    // Phone B signs an event in phone A's name: A's certificate does not cover B's key.
    expect(checkEventSignature(e, signEvent(e, phoneB.secretKey), certA)).toBe('bad-signature');
    // An event naming phone B checked with phone A's certificate.
    const certB = issueDeviceCertificate({ orgId: ORG.orgId, deviceId: 'phone-b', publicKey: phoneB.publicKey }, orgKey, AT);
    expect(checkEventSignature(event({ deviceId: 'phone-b', hlc: '001784001600000-0000-phone-b' }), signature, certA)).toBe('other-device');
    expect(checkEventSignature(e, signature, certB)).toBe('other-device');
    expect(checkEventSignature(e, 'not hex', certA)).toBe('bad-signature');
  });

  it('a device key needs exactly 32 random bytes', () => {
    expect(() => deviceKeyFrom(new Uint8Array(31))).toThrow(/32 random bytes/);
    expect(deviceKeyFrom(seeded(3))).toEqual(phoneA);
    expect(phoneA.publicKey).not.toBe(phoneB.publicKey);
  });
});
