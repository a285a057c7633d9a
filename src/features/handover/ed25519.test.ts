import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../../domain/event';
import { deviceKeyFrom, eventSignatureMessage, signEvent } from '../../domain/handover/keys';
import { eventSigner, verifyEd25519 } from './ed25519';

// The phone's own Ed25519 (WebCrypto; Node has it too) must sign and check exactly as the
// domain's pure-JavaScript one does: the server and older phones check with that one.

const key = deviceKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 0xff));
const other = deviceKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 17 + 9) & 0xff));
const event: MusterEvent = {
  id: '0190a1b2-c3d4-7e5f-8a9b-000000000042',
  streamId: 'inc-basement',
  deviceId: 'd-duty',
  actor: '王值班',
  hlc: '001784001600000-0000-d-duty',
  type: 'note.added',
  payload: { text: '配电房进水 20 cm' },
  v: EVENT_SCHEMA_VERSION,
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the phone’s own Ed25519', () => {
  it('signs an event with the very signature the domain makes', async () => {
    const sign = await eventSigner(key);
    expect(await sign(event)).toBe(signEvent(event, key.secretKey));
  });

  it('accepts a true signature and refuses a changed event, another key and anything that is not a signature', async () => {
    const signature = signEvent(event, key.secretKey);
    const message = eventSignatureMessage(event);
    expect(await verifyEd25519(signature, message, key.publicKey)).toBe(true);
    expect(await verifyEd25519(signature, eventSignatureMessage({ ...event, actor: '张三' }), key.publicKey)).toBe(false);
    expect(await verifyEd25519(signature, message, other.publicKey)).toBe(false);
    expect(
      await verifyEd25519(
        signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        message,
        key.publicKey,
      ),
    ).toBe(false);
    expect(await verifyEd25519('zz', message, key.publicKey)).toBe(false);
    expect(await verifyEd25519(signature, message, 'f'.repeat(64))).toBe(false);
  });

  it('falls back to the domain’s Ed25519 on a browser whose WebCrypto has none, with the same answers', async () => {
    const older = deviceKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 1) & 0xff));
    const importKey = vi.spyOn(crypto.subtle, 'importKey').mockRejectedValue(new DOMException('Unrecognized name', 'NotSupportedError'));
    const sign = await eventSigner(older);
    const signature = await sign(event);
    expect(signature).toBe(signEvent(event, older.secretKey));
    expect(await verifyEd25519(signature, eventSignatureMessage(event), older.publicKey)).toBe(true);
    expect(await verifyEd25519(signature, eventSignatureMessage({ ...event, actor: '张三' }), older.publicKey)).toBe(false);
    expect(importKey).toHaveBeenCalled();
  });
});
