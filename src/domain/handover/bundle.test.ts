import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from '../canonical-json';
import { EVENT_SCHEMA_VERSION, validateEvent, type MusterEvent } from '../event';
import { utf8 } from '../report/sha256';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleProblemText,
  openBundle,
  openBundleWith,
  writeBundle,
  type BundleBody,
  type OpenContext,
  type SignedEvent,
} from './bundle';
import { deviceKeyFrom, issueDeviceCertificate, signEvent, verifySignature } from './keys';

const key = (seed: number) => deviceKeyFrom(Uint8Array.from({ length: 32 }, (_, i) => (seed * 37 + i * 11) & 0xff));
const orgKey = key(1);
const otherOrgKey = key(2);
const phoneA = key(3);
const phoneB = key(4);
const stranger = key(5);
const ORG = 'branch-riverside';
const AT = '2026-07-14T02:30:00.000Z';
const certA = issueDeviceCertificate({ orgId: ORG, deviceId: 'phone-a', publicKey: phoneA.publicKey }, orgKey, AT);
const certB = issueDeviceCertificate({ orgId: ORG, deviceId: 'phone-b', publicKey: phoneB.publicKey }, orgKey, AT);
const received = new Set<string>();
const ctx: OpenContext = { org: { orgId: ORG, publicKey: orgKey.publicKey }, received: (id) => received.has(id) };

let n = 0;
function signed(deviceId: 'phone-a' | 'phone-b', type: string, payload: unknown, streamId = 'inc-basement'): SignedEvent {
  n += 1;
  const v = validateEvent({
    id: `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`,
    streamId,
    deviceId,
    actor: deviceId === 'phone-a' ? '王值班' : '李行长',
    hlc: `0017840016${String(n).padStart(5, '0')}-0000-${deviceId}`,
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return { event: v.value, signature: signEvent(v.value, deviceId === 'phone-a' ? phoneA.secretKey : phoneB.secretKey) };
}

const events = [
  signed('phone-a', 'step.done', { stepId: 'flood.respond.evacuate' }),
  signed('phone-b', 'step.skipped', { stepId: 'flood.respond.sandbags', reason: 'No sandbags left' }),
  signed('phone-a', 'step.done', { stepId: 'flood.respond.power' }),
];

function body(overrides: Partial<BundleBody> = {}): BundleBody {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_VERSION,
    bundleId: 'hb-0001',
    orgId: ORG,
    createdAt: AT,
    sender: { deviceId: 'phone-a', label: 'Duty phone' },
    incidents: ['inc-basement'],
    dutyLogs: [],
    events,
    certificates: [certA, certB],
    photos: [],
    ...overrides,
  };
}

/** A bundle re-sealed after its body was changed, as a sender with a real key could do. */
function resealed(b: BundleBody, secretKey = phoneA.secretKey): string {
  return writeBundle(b, secretKey);
}

describe('handover bundles', () => {
  it('a phone of the same organisation opens a bundle, with every event and who signed it', () => {
    const text = writeBundle(body(), phoneA.secretKey);
    expect(text.split('\n')[0]).toMatch(/^MUSTER-BUNDLE\/1 \d+ [0-9a-f]{64} [0-9a-f]{128}$/);
    const opened = openBundle(text, ctx);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(opened.body.events.map((e) => e.event)).toEqual(events.map((e) => e.event));
    expect(opened.body.sender).toEqual({ deviceId: 'phone-a', label: 'Duty phone' });
  });

  it('refuses a bundle with one byte changed, and one cut short, before reading it', () => {
    const text = writeBundle(body(), phoneA.secretKey);
    // Every position of the body, one at a time: each change is found.
    const start = text.indexOf('\n') + 1;
    for (let at = start; at < text.length; at += 97) {
      const changed = text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
      const r = openBundle(changed, ctx);
      expect(r.ok ? 'opened' : r.problem, `byte ${at}`).toMatch(/^(damaged|truncated)$/);
    }
    expect(openBundle(text.slice(0, -40), ctx)).toMatchObject({ ok: false, problem: 'truncated', got: expect.any(Number) as unknown });
    expect(openBundle(text + ' ', ctx)).toMatchObject({ ok: false, problem: 'damaged', reason: 'extra-bytes' });
    expect(openBundle(text.slice(0, 30), ctx)).toMatchObject({ ok: false, problem: 'not-a-bundle' });
    expect(openBundle(text.slice(0, text.indexOf('\n')), ctx)).toMatchObject({ ok: false, problem: 'truncated', got: 0 });
    expect(openBundle('{"events": []}', ctx)).toMatchObject({ ok: false, problem: 'not-a-bundle' });
    expect(openBundle(text.replace('MUSTER-BUNDLE/1', 'MUSTER-BUNDLE/2'), ctx)).toMatchObject({ ok: false, problem: 'newer-format', version: 2 });
  });

  it('refuses another organisation’s bundle, and one whose certificates this organisation did not issue', () => {
    const theirA = issueDeviceCertificate({ orgId: 'branch-hillside', deviceId: 'phone-a', publicKey: phoneA.publicKey }, otherOrgKey, AT);
    expect(openBundle(resealed(body({ orgId: 'branch-hillside', certificates: [theirA] })), ctx)).toMatchObject({
      ok: false,
      problem: 'other-organisation',
      orgId: 'branch-hillside',
    });
    // Our organisation's name, but a certificate someone made with a key of their own.
    const selfMade = issueDeviceCertificate({ orgId: ORG, deviceId: 'phone-a', publicKey: phoneA.publicKey }, otherOrgKey, AT);
    expect(openBundle(resealed(body({ certificates: [selfMade, certB] })), ctx)).toMatchObject({ ok: false, problem: 'untrusted-device', deviceId: 'phone-a' });
    // No certificate for the sender at all.
    expect(openBundle(resealed(body({ certificates: [certB] })), ctx)).toMatchObject({ ok: false, problem: 'untrusted-device', deviceId: 'phone-a' });
  });

  it('refuses a bundle sealed by another key than its sender’s', () => {
    expect(openBundle(writeBundle(body(), stranger.secretKey), ctx)).toMatchObject({ ok: false, problem: 'bad-seal' });
    // Phone B's key, while the bundle says phone A sent it.
    expect(openBundle(writeBundle(body(), phoneB.secretKey), ctx)).toMatchObject({ ok: false, problem: 'bad-seal' });
  });

  it('refuses an event changed after its device signed it, even in a bundle sealed again', () => {
    const [first, ...rest] = events;
    if (!first) throw new Error('no event');
    const altered = { ...first, event: { ...first.event, actor: '张三' } as MusterEvent };
    expect(openBundle(resealed(body({ events: [altered, ...rest] })), ctx)).toMatchObject({
      ok: false,
      problem: 'bad-event-signature',
      eventId: first.event.id,
    });
    // An event in the name of a device whose certificate the bundle does not carry.
    expect(openBundle(resealed(body({ certificates: [certA] })), ctx)).toMatchObject({ ok: false, problem: 'unsigned-event', deviceId: 'phone-b' });
    // An event of an incident the bundle does not name.
    const elsewhere = signed('phone-a', 'step.done', { stepId: 'fire.evacuate' }, 'inc-other');
    expect(openBundle(resealed(body({ events: [...events, elsewhere] })), ctx)).toMatchObject({
      ok: false,
      problem: 'unexpected-stream',
      streamId: 'inc-other',
    });
    // The same event twice.
    expect(openBundle(resealed(body({ events: [...events, first] })), ctx)).toMatchObject({ ok: false, problem: 'damaged', reason: 'repeated-event' });
  });

  it('takes an event the sender pulled from the server, unsigned, only with the server’s receipt', () => {
    const [first, ...rest] = events;
    if (!first) throw new Error('no event');
    const pulled = { event: first.event, receipt: { receivedAt: AT, deliveredBy: 'Duty phone' } };
    const opened = openBundle(resealed(body({ events: [pulled, ...rest] })), ctx);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(opened.body.events[0]).toEqual(pulled);
    // Neither a signature nor a receipt: nothing vouches for it.
    expect(openBundle(resealed(body({ events: [{ event: first.event }, ...rest] })), ctx)).toMatchObject({
      ok: false,
      problem: 'unsigned-event',
      eventId: first.event.id,
    });
  });

  it('carries photos a note names, and refuses one that is not the image its name says', () => {
    const image = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    const hash = bytesToHex(sha256(image));
    const note = signed('phone-a', 'note.added', { text: '地下室进水', photos: [{ hash, type: 'image/jpeg', bytes: 300, width: 40, height: 30 }] });
    const photo = { hash, streamId: 'inc-basement', type: 'image/jpeg' as const, width: 40, height: 30, data: Buffer.from(image).toString('base64') };
    const opened = openBundle(resealed(body({ events: [...events, note], photos: [photo] })), ctx);
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(opened.body.photos).toEqual([photo]);
    const other = Buffer.from(image.map((b) => b ^ 1)).toString('base64');
    expect(openBundle(resealed(body({ events: [...events, note], photos: [{ ...photo, data: other }] })), ctx)).toMatchObject({
      ok: false,
      problem: 'bad-photo',
      hash,
    });
    // A photo no note of the bundle names.
    expect(openBundle(resealed(body({ photos: [photo] })), ctx)).toMatchObject({ ok: false, problem: 'bad-photo', hash });
    expect(openBundle(resealed(body({ photos: [{ ...photo, type: 'image/gif' as 'image/jpeg' }] })), ctx)).toMatchObject({
      ok: false,
      problem: 'damaged',
      reason: 'field',
      at: 'photos[0].type',
    });
  });

  it('checks the events’ signatures with a verifier the caller gives, with the same answers', async () => {
    const verify = (signature: string, message: Uint8Array, publicKey: string) => Promise.resolve(verifySignature(signature, message, publicKey));
    const opened = await openBundleWith(writeBundle(body(), phoneA.secretKey), ctx, verify);
    expect(opened.ok).toBe(true);
    const [first, ...rest] = events;
    if (!first) throw new Error('no event');
    const altered = { ...first, event: { ...first.event, actor: '张三' } as MusterEvent };
    expect(await openBundleWith(resealed(body({ events: [...rest, altered] })), ctx, verify)).toMatchObject({
      ok: false,
      problem: 'bad-event-signature',
      eventId: first.event.id,
    });
    // Everything else is checked before any signature: a damaged bundle never reaches the verifier.
    let asked = 0;
    const counting = (s: string, m: Uint8Array, k: string) => {
      asked += 1;
      return verify(s, m, k);
    };
    expect(await openBundleWith(writeBundle(body(), phoneA.secretKey).slice(0, -5), ctx, counting)).toMatchObject({ ok: false, problem: 'truncated' });
    expect(asked).toBe(0);
  });

  it('names the record and the field of an event that is not valid', () => {
    const [first] = events;
    if (!first) throw new Error('no event');
    const broken = { ...first, event: { ...first.event, payload: { stepId: 3 } } as unknown as MusterEvent };
    expect(openBundle(resealed(body({ events: [broken] })), ctx)).toMatchObject({
      ok: false,
      problem: 'invalid-event',
      eventId: first.event.id,
      field: 'payload.stepId',
    });
  });

  it('refuses a replay: a bundle received before changes nothing', () => {
    const text = writeBundle(body({ bundleId: 'hb-replay' }), phoneA.secretKey);
    expect(openBundle(text, ctx).ok).toBe(true);
    received.add('hb-replay');
    expect(openBundle(text, ctx)).toMatchObject({ ok: false, problem: 'already-received', bundleId: 'hb-replay' });
  });

  it('a body with a key given twice, or a field missing, is damaged, and says where', () => {
    const withField = (text: string) => {
      const bytes = utf8(text);
      const hash = bytesToHex(sha256(bytes));
      const seal = bytesToHex(ed25519.sign(utf8(`muster.handover-bundle.v1\n${hash}`), hexToBytes(phoneA.secretKey)));
      return `MUSTER-BUNDLE/1 ${bytes.length} ${hash} ${seal}\n${text}`;
    };
    const json = canonicalJson(body());
    expect(openBundle(withField(json.replace('{"bundleId"', '{"bundleId":"x","bundleId"')), ctx)).toMatchObject({
      ok: false,
      problem: 'damaged',
      reason: 'duplicate-key',
      at: 'bundleId',
    });
    const { sender: _sender, ...noSender } = body();
    expect(openBundle(withField(canonicalJson(noSender)), ctx)).toMatchObject({ ok: false, problem: 'damaged', reason: 'field', at: 'sender' });
  });

  it('says each refusal in both languages, with the file’s name', () => {
    const text = writeBundle(body(), phoneA.secretKey);
    const r = openBundle(text.slice(0, -10), ctx);
    if (r.ok) throw new Error('opened');
    expect(bundleProblemText(r, 'riverside.muster', 'en')).toMatch(
      /^“riverside\.muster” is incomplete: it should hold \d+ bytes and holds \d+\. Ask for it to be sent again\. Nothing was stored\.$/,
    );
    expect(bundleProblemText(r, 'riverside.muster', 'zh-CN')).toMatch(/^“riverside\.muster”不完整：应有 \d+ 字节，只收到 \d+ 字节。/);
    const changed = text.replace('Duty phone', 'Duty phonX');
    const d = openBundle(changed, ctx);
    if (d.ok) throw new Error('opened');
    expect(bundleProblemText(d, 'a.muster', 'zh-CN')).toBe(
      '“a.muster”已损坏或被改动（内容与文件头中的 SHA-256 校验值不符）。请让对方重新发送。未保存任何内容。',
    );
    expect(bundleProblemText({ problem: 'other-organisation', orgId: 'branch-hillside' }, 'b.muster', 'en')).toBe(
      '“b.muster” comes from another organisation (branch-hillside), not the one this phone belongs to. Nothing was stored.',
    );
  });
});
