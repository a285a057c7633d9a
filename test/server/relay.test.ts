import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvent, type MusterEvent } from '../../src/domain/event';
import {
  checkDeviceCertificate,
  deviceKeyFrom,
  issueDeviceCertificate,
  signEvent,
  type DeviceCertificate,
  type DeviceKey,
} from '../../src/domain/handover/keys';
import { COUNTERSIGN_PATH, sha256Hex, type CountersignResponse } from '../../src/domain/report';
import {
  DEVICE_CERTIFICATE_PATH,
  EVENTS_PATH,
  isCertificateResponse,
  MAX_PUSH_EVENTS,
  type CertificateResponse,
  type PullResponse,
  type PushRelay,
  type PushResponse,
  type PushResult,
} from '../../src/domain/sync-protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { openPostgresStore } from '../../src/server/storage/postgres';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import type { EventStore } from '../../src/server/storage/types';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { freshPostgresDatabase, postgresHarness } from './pg-cluster';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Events carried by hand from one phone to another (issue 21) reach the server from a phone
// that did not record them. Over real HTTP, on a real SQLite file and a real PostgreSQL
// database: a device gets its key certified by the organisation, and the server takes another
// device's event only with that device's signature and certificate, stores it once, and never
// lets the phone that carried it become that device.

const harness = postgresHarness();
const AT = '2026-07-14T02:00:00.000Z';
/** When the duty phone recorded its steps: the past, whatever the machine's clock says. */
const RECORDED = Date.parse('2025-07-14T02:30:00.000Z');

type Phone = 'dutyA' | 'lobbyB' | 'spareC' | 'retiredR' | 'strangerX' | 'headOffice' | 'otherBank';
const LABELS: Record<Phone, string> = {
  dutyA: 'Duty phone A',
  lobbyB: 'Lobby phone B',
  spareC: 'Spare phone C',
  retiredR: 'Retired phone R',
  strangerX: 'Unbound phone X',
  headOffice: 'Head office desk',
  otherBank: "Another bank's phone",
};

/** A device key from fixed bytes: the same key on every run. */
const keyOf = (seed: number): DeviceKey => deviceKeyFrom(new Uint8Array(32).fill(seed));
const keys = { a: keyOf(1), a2: keyOf(2), b: keyOf(3), r: keyOf(4), other: keyOf(5), forger: keyOf(6), forgedOrg: keyOf(7), c: keyOf(8) };

const engines = [
  { name: 'SQLite', skipped: false, databaseUrl: (): Promise<string | undefined> => Promise.resolve(undefined) },
  { name: 'PostgreSQL', skipped: harness.state === 'skipped', databaseUrl: (): Promise<string | undefined> => freshPostgresDatabase('relay') },
];

afterAll(() => removeTempDirs());

let serial = 0;
/** A step the named device marks done, as validateEvent takes it. */
function stepDone(deviceId: string, stepId = 'close-floodgate', wall = RECORDED): MusterEvent {
  serial += 1;
  const checked = validateEvent({
    id: `0198b000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    streamId: 'inc-flood-b1',
    deviceId,
    actor: '王值班',
    hlc: `${String(wall + serial).padStart(15, '0')}-0000-${deviceId}`,
    type: 'step.done',
    payload: { stepId },
    v: 1,
  });
  if (!checked.ok) throw new Error(`the test's event is not valid: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

/** The proof a phone carries for events it relays: each signed with its device's key. */
function relayOf(certificates: DeviceCertificate[], signed: [MusterEvent, DeviceKey][]): PushRelay {
  return { certificates, signatures: Object.fromEntries(signed.map(([e, key]) => [e.id, signEvent(e, key.secretKey)])) };
}

function refusal(result: PushResult | undefined): { code: string; reason: string } {
  if (result?.status !== 'rejected') throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return { code: result.code, reason: result.reason };
}

for (const engine of engines) {
  describe.skipIf(engine.skipped)(`relayed events and device certificates on ${engine.name}`, () => {
    let server: RunningServer;
    let admin: EventStore;
    const tokens = {} as Record<Phone, string>;

    beforeAll(async () => {
      const work = makeTempDir('relay');
      writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
      const dataDir = join(work, 'data');
      const databaseUrl = await engine.databaseUrl();
      admin = databaseUrl === undefined ? openSqliteStore(dataDir) : await openPostgresStore(databaseUrl);
      await admin.createOrg({ id: 'org-riverside', name: 'Riverside Sub-branch' }, AT);
      await admin.createOrg({ id: 'org-hq', name: 'Head office' }, AT);
      await admin.createOrg({ id: 'org-other', name: 'Another bank' }, AT);
      for (const phone of Object.keys(LABELS) as Phone[]) {
        tokens[phone] = newDeviceToken();
        const orgId = phone === 'headOffice' ? 'org-hq' : phone === 'otherBank' ? 'org-other' : 'org-riverside';
        const role = phone === 'headOffice' ? 'head-office' : 'member';
        await admin.addDeviceToken({ id: `dt-${phone}`, orgId, label: LABELS[phone], tokenHash: hashDeviceToken(tokens[phone]), role }, AT);
      }
      server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist'), ...(databaseUrl === undefined ? {} : { databaseUrl }) });
    });

    afterAll(async () => {
      await server?.close();
      await admin?.close();
    });

    function post(path: string, token: string, body: string, contentType = 'application/json'): Promise<Response> {
      return fetch(new URL(path, server.url), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType }, body });
    }

    async function certify(phone: Phone, deviceId: string, key: DeviceKey): Promise<CertificateResponse> {
      const res = await post(DEVICE_CERTIFICATE_PATH, tokens[phone], JSON.stringify({ deviceId, publicKey: key.publicKey }));
      const answer: unknown = await res.json();
      expect(res.status, JSON.stringify(answer)).toBe(200);
      if (!isCertificateResponse(answer)) throw new Error(`not a certificate response: ${JSON.stringify(answer)}`);
      return answer;
    }

    async function push(phone: Phone, events: MusterEvent[], relayed?: unknown): Promise<PushResponse> {
      const res = await post(EVENTS_PATH, tokens[phone], JSON.stringify({ events, ...(relayed === undefined ? {} : { relayed }) }));
      const answer: unknown = await res.json();
      expect(res.status, JSON.stringify(answer)).toBe(200);
      return answer as PushResponse;
    }

    /** Every event of the organisation as a pull hands them out. */
    async function pullAll(): Promise<PullResponse['events']> {
      const res = await fetch(new URL(`${EVENTS_PATH}?after=0&limit=1000`, server.url), { headers: { Authorization: `Bearer ${tokens.spareC}` } });
      const page = (await res.json()) as PullResponse;
      expect(page.more).toBe(false);
      return page.events;
    }

    const pulledIds = async (): Promise<string[]> => (await pullAll()).map((e) => e.id);

    describe(`POST ${DEVICE_CERTIFICATE_PATH}`, () => {
      it("certifies the duty phone's key with the organisation's key, which also countersigns its reports", async () => {
        const { certificate, orgPublicKey } = await certify('dutyA', 'd-phone-a', keys.a);
        expect(certificate).toMatchObject({ orgId: 'org-riverside', deviceId: 'd-phone-a', publicKey: keys.a.publicKey });
        expect(Number.isNaN(Date.parse(certificate.issuedAt))).toBe(false);
        expect(checkDeviceCertificate(certificate, { orgId: 'org-riverside', publicKey: orgPublicKey })).toBe('valid');
        expect(checkDeviceCertificate(certificate, { orgId: 'org-other', publicKey: orgPublicKey })).toBe('other-organisation');
        expect(checkDeviceCertificate({ ...certificate, publicKey: keys.forger.publicKey }, { orgId: 'org-riverside', publicKey: orgPublicKey })).toBe(
          'bad-signature',
        );
        const countersigned = await post(COUNTERSIGN_PATH, tokens.dutyA, JSON.stringify({ headerHash: sha256Hex('a report header') }));
        expect(((await countersigned.json()) as CountersignResponse).publicKey).toBe(orgPublicKey);

        // Asking again, with a new key, certifies that one under the same organisation key.
        const again = await certify('dutyA', 'd-phone-a', keys.a2);
        expect(again.certificate.publicKey).toBe(keys.a2.publicKey);
        expect(again.orgPublicKey).toBe(orgPublicKey);
        expect(checkDeviceCertificate(again.certificate, { orgId: 'org-riverside', publicKey: orgPublicKey })).toBe('valid');
      });

      it("another bank's phone gets its own organisation's certificate, which does not check against this one's key", async () => {
        const riverside = await certify('dutyA', 'd-phone-a', keys.a);
        const other = await certify('otherBank', 'd-phone-o', keys.other);
        expect(other.certificate.orgId).toBe('org-other');
        expect(other.orgPublicKey).not.toBe(riverside.orgPublicKey);
        expect(checkDeviceCertificate(other.certificate, { orgId: 'org-other', publicKey: other.orgPublicKey })).toBe('valid');
        expect(checkDeviceCertificate({ ...other.certificate, orgId: 'org-riverside' }, { orgId: 'org-riverside', publicKey: riverside.orgPublicKey })).toBe(
          'other-key',
        );
      });

      it('answers 409 for a device id other than the one the token is bound to, naming both, and for a device id another token holds', async () => {
        await certify('dutyA', 'd-phone-a', keys.a);
        const res = await post(DEVICE_CERTIFICATE_PATH, tokens.dutyA, JSON.stringify({ deviceId: 'd-phone-b', publicKey: keys.b.publicKey }));
        expect(res.status).toBe(409);
        expect(((await res.json()) as { error: string }).error).toMatch(/belongs to device d-phone-a, not d-phone-b/);

        // An unbound token cannot take a device id an active token holds, and stays unbound.
        const taken = await post(DEVICE_CERTIFICATE_PATH, tokens.strangerX, JSON.stringify({ deviceId: 'd-phone-a', publicKey: keys.forger.publicKey }));
        expect(taken.status).toBe(409);
        expect(((await taken.json()) as { error: string }).error).toMatch(/Device d-phone-a belongs to another device token/);
        const own = await certify('strangerX', 'd-phone-x', keys.forger);
        expect(own.certificate.deviceId).toBe('d-phone-x');
      });

      it("refuses head office's token as it refuses its countersigning, before reading the body", async () => {
        const res = await post(DEVICE_CERTIFICATE_PATH, tokens.headOffice, JSON.stringify({ deviceId: 'd-hq', publicKey: keys.b.publicKey }));
        expect(res.status).toBe(403);
        const answer = (await res.json()) as { code: string; error: string };
        expect(answer.code).toBe('read-only');
        expect(answer.error).toMatch(/may not get a device certificate/);
      });

      it('refuses a request without a token, another content type, and any body but a device id and a key', async () => {
        const body = JSON.stringify({ deviceId: 'd-phone-a', publicKey: keys.a.publicKey });
        expect(
          (await fetch(new URL(DEVICE_CERTIFICATE_PATH, server.url), { method: 'POST', body, headers: { 'Content-Type': 'application/json' } })).status,
        ).toBe(401);
        expect((await post(DEVICE_CERTIFICATE_PATH, tokens.dutyA, body, 'text/plain')).status).toBe(415);
        for (const [bad, field] of [
          ['{}', /deviceId/],
          ['[]', /JSON object/],
          ['not json', /not valid JSON/],
          [JSON.stringify({ deviceId: 'd-phone-a' }), /publicKey/],
          [JSON.stringify({ deviceId: 'd-phone-a', publicKey: keys.a.publicKey.toUpperCase() }), /publicKey/],
          [JSON.stringify({ deviceId: 'd-phone-a', publicKey: keys.a.publicKey.slice(2) }), /publicKey/],
          [JSON.stringify({ deviceId: '', publicKey: keys.a.publicKey }), /deviceId/],
          [JSON.stringify({ deviceId: 'd'.repeat(65), publicKey: keys.a.publicKey }), /deviceId/],
          [JSON.stringify({ deviceId: 'phone a', publicKey: keys.a.publicKey }), /deviceId/],
          [JSON.stringify({ deviceId: 42, publicKey: keys.a.publicKey }), /deviceId/],
          [JSON.stringify({ deviceId: 'd-phone-a', publicKey: keys.a.publicKey, orgId: 'org-other' }), /Unknown field "orgId"/],
          [`{"deviceId":"d-phone-a","deviceId":"d-phone-a","publicKey":"${keys.a.publicKey}"}`, /"deviceId" is given twice/],
        ] as const) {
          const res = await post(DEVICE_CERTIFICATE_PATH, tokens.dutyA, bad);
          expect(res.status, bad).toBe(400);
          expect(((await res.json()) as { error: string }).error, bad).toMatch(field);
        }
        expect((await post(DEVICE_CERTIFICATE_PATH, tokens.dutyA, JSON.stringify({ deviceId: 'd-phone-a', publicKey: 'a'.repeat(2000) }))).status).toBe(413);
      });
    });

    describe(`POST ${EVENTS_PATH} with relayed events`, () => {
      it("takes the duty phone's steps from the lobby phone with A's signatures and certificate, and stores each once", async () => {
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        await certify('lobbyB', 'd-phone-b', keys.b);
        const recordedOnA = [stepDone('d-phone-a', 'close-floodgate'), stepDone('d-phone-a', 'evacuate-b1'), stepDone('d-phone-a', 'pumps-on')];
        const ownOfB = stepDone('d-phone-b', 'sandbags');
        const relayed = relayOf(
          [certA],
          recordedOnA.map((e) => [e, keys.a]),
        );

        const first = await push('lobbyB', [...recordedOnA, ownOfB], relayed);
        expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
        expect(first.receipt?.deliveredBy).toBe(LABELS.lobbyB);
        const pulled = (await pullAll()).filter((e) => recordedOnA.some((r) => r.id === e.id));
        expect(pulled.map((e) => [e.id, e.deviceId, e.deliveredBy])).toEqual(recordedOnA.map((e) => [e.id, 'd-phone-a', LABELS.lobbyB]));

        // A retry from the lobby phone, and the duty phone's own push when it is back online.
        const retry = await push('lobbyB', [...recordedOnA, ownOfB], relayed);
        expect(retry.results).toEqual(first.results.map((r) => ({ ...r, status: 'duplicate' })));
        const fromA = await push('dutyA', recordedOnA);
        expect(fromA.results).toEqual(first.results.slice(0, 3).map((r) => ({ ...r, status: 'duplicate' })));
        const ids = await pulledIds();
        for (const e of [...recordedOnA, ownOfB])
          expect(
            ids.filter((id) => id === e.id),
            e.id,
          ).toHaveLength(1);
      });

      it('believes a certificate for an older key of the device as well as its newest', async () => {
        const { certificate: older } = await certify('dutyA', 'd-phone-a', keys.a);
        const { certificate: newer } = await certify('dutyA', 'd-phone-a', keys.a2);
        const before = stepDone('d-phone-a', 'before-new-key');
        const after = stepDone('d-phone-a', 'after-new-key');
        const { results } = await push(
          'lobbyB',
          [before, after],
          relayOf(
            [newer, older],
            [
              [before, keys.a],
              [after, keys.a2],
            ],
          ),
        );
        expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
      });

      it('refuses a step changed after the duty phone signed it, and stores nothing of it', async () => {
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        const signed = stepDone('d-phone-a', 'close-floodgate');
        const relayed = relayOf([certA], [[signed, keys.a]]);
        const changed = { ...signed, payload: { stepId: 'open-floodgate' } } as MusterEvent;
        const { results } = await push('lobbyB', [changed], relayed);
        const { code, reason } = refusal(results[0]);
        expect(code).toBe('foreign-device');
        expect(reason).toMatch(new RegExp(`signature of event ${signed.id} does not match the event by device d-phone-a's certified key`));
        expect(await pulledIds()).not.toContain(signed.id);
      });

      it("refuses a certificate signed by a key not the organisation's, one of another organisation, and one altered after issue", async () => {
        const forged = issueDeviceCertificate({ orgId: 'org-riverside', deviceId: 'd-phone-m', publicKey: keys.forger.publicKey }, keys.forgedOrg, AT);
        const { certificate: otherBanks } = await certify('otherBank', 'd-phone-o', keys.other);
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        const byForger = stepDone('d-phone-m');
        const byOtherBank = stepDone('d-phone-o');
        const claimedA = stepDone('d-phone-a', 'claimed-by-forger');
        const { results } = await push(
          'lobbyB',
          [byForger, byOtherBank, claimedA],
          relayOf(
            [forged, otherBanks, { ...certA, publicKey: keys.forger.publicKey }],
            [
              [byForger, keys.forger],
              [byOtherBank, keys.other],
              [claimedA, keys.forger],
            ],
          ),
        );
        const [forger, other, altered] = results.map(refusal);
        expect(forger?.code).toBe('foreign-device');
        expect(forger?.reason).toMatch(/certificate of device d-phone-m is not this organisation's: it was signed by key .*, and this organisation's key is /);
        expect(other?.code).toBe('foreign-device');
        expect(other?.reason).toMatch(
          /certificate of device d-phone-o is not this organisation's: it was issued for organisation org-other, and this token belongs to org-riverside/,
        );
        expect(altered?.code).toBe('foreign-device');
        expect(altered?.reason).toMatch(/certificate of device d-phone-a is not this organisation's: its signature does not match it/);
        const ids = await pulledIds();
        for (const e of [byForger, byOtherBank, claimedA]) expect(ids).not.toContain(e.id);
      });

      it("refuses another device's event with no proof, as before, and says which part of the proof is missing", async () => {
        await certify('lobbyB', 'd-phone-b', keys.b);
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        const bare = stepDone('d-phone-a', 'bare');
        const plain = await push('lobbyB', [bare]);
        expect(refusal(plain.results[0]).code).toBe('foreign-device');
        expect(refusal(plain.results[0]).reason).toMatch(/This device token belongs to device d-phone-b, not d-phone-a/);

        const unsigned = stepDone('d-phone-a', 'unsigned');
        const uncertified = stepDone('d-phone-a', 'uncertified');
        const { results } = await push('lobbyB', [unsigned, uncertified], relayOf([], [[uncertified, keys.a]]));
        expect(refusal(results[0]).reason).toMatch(
          new RegExp(`Event ${unsigned.id} is device d-phone-a's, not this token's, and the push carries no signature of it`),
        );
        expect(refusal(results[1]).reason).toMatch(new RegExp(`Event ${uncertified.id} is signed, but the push carries no certificate of device d-phone-a`));
        expect(results.map((r) => refusal(r).code)).toEqual(['foreign-device', 'foreign-device']);
        // The certificate alone does not stand for a signature.
        const certifiedOnly = stepDone('d-phone-a', 'certified-only');
        const noSignature = await push('lobbyB', [certifiedOnly], { certificates: [certA], signatures: {} });
        expect(refusal(noSignature.results[0]).reason).toMatch(/carries no signature/);
        const ids = await pulledIds();
        for (const e of [bare, unsigned, uncertified, certifiedOnly]) expect(ids).not.toContain(e.id);
      });

      it("still refuses a relayed step stamped far ahead of the server's clock", async () => {
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        const future = stepDone('d-phone-a', 'from-the-future', 999_999_999_000_000);
        const { results } = await push('lobbyB', [future], relayOf([certA], [[future, keys.a]]));
        expect(refusal(results[0]).code).toBe('clock-ahead');
      });

      it("a new phone whose first push carries only a retired phone's steps is not bound to it: its own steps then get in", async () => {
        // The retired phone was certified, recorded steps and handed them over before its token was revoked.
        const { certificate: certR } = await certify('retiredR', 'd-phone-r', keys.r);
        const onR = [stepDone('d-phone-r', 'close-floodgate'), stepDone('d-phone-r', 'evacuate-b1')];
        await admin.revokeDeviceToken('dt-retiredR', AT);

        const carried = await push(
          'spareC',
          onR,
          relayOf(
            [certR],
            onR.map((e) => [e, keys.r]),
          ),
        );
        expect(carried.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
        const own = stepDone('d-phone-c', 'sandbags');
        const next = await push('spareC', [own]);
        expect(next.results.map((r) => r.status)).toEqual(['accepted']);
        // And the token is now the spare phone's: a certificate for the retired phone's id is refused.
        const res = await post(DEVICE_CERTIFICATE_PATH, tokens.spareC, JSON.stringify({ deviceId: 'd-phone-r', publicKey: keys.c.publicKey }));
        expect(res.status).toBe(409);
        expect(((await res.json()) as { error: string }).error).toMatch(/belongs to device d-phone-c, not d-phone-r/);
        const pulled = (await pullAll()).filter((e) => [...onR, own].some((x) => x.id === e.id));
        expect(pulled.map((e) => [e.deviceId, e.deliveredBy])).toEqual([
          ['d-phone-r', LABELS.spareC],
          ['d-phone-r', LABELS.spareC],
          ['d-phone-c', LABELS.spareC],
        ]);
      });

      it('refuses the whole push, naming the field, when relayed is malformed', async () => {
        const { certificate: certA } = await certify('dutyA', 'd-phone-a', keys.a);
        const own = stepDone('d-phone-b', 'never-stored');
        const signature = signEvent(own, keys.b.secretKey);
        const { orgId: _orgId, ...withoutOrg } = certA;
        const tooMany = Object.fromEntries(Array.from({ length: MAX_PUSH_EVENTS + 1 }, (_, i) => [`e-${i}`, signature]));
        for (const [relayed, field] of [
          [[], /relayed must be an object/],
          [{ certificates: [] }, /relayed\.signatures must be an object/],
          [{ signatures: {} }, /relayed\.certificates must be a list/],
          [{ certificates: [], signatures: {}, sender: 'd-phone-a' }, /relayed has an unknown field "sender"/],
          [{ certificates: {}, signatures: {} }, /relayed\.certificates must be a list/],
          [{ certificates: ['x'], signatures: {} }, /relayed\.certificates\[0\] must be a device certificate/],
          [{ certificates: [certA, withoutOrg], signatures: {} }, /relayed\.certificates\[1\]\.orgId must be a text/],
          [{ certificates: [{ ...certA, issuedAt: 0 }], signatures: {} }, /relayed\.certificates\[0\]\.issuedAt must be a text/],
          [{ certificates: [{ ...certA, note: 'x' }], signatures: {} }, /relayed\.certificates\[0\] has an unknown field "note"/],
          [
            { certificates: Array.from({ length: MAX_PUSH_EVENTS + 1 }, () => certA), signatures: {} },
            /relayed\.certificates holds 501 certificates; at most 500/,
          ],
          [{ certificates: [], signatures: [] }, /relayed\.signatures must be an object/],
          [
            { certificates: [], signatures: { [own.id]: signature.slice(2) } },
            new RegExp(`relayed\\.signatures\\["${own.id}"\\] must be an Ed25519 signature`),
          ],
          [{ certificates: [], signatures: { [own.id]: signature.toUpperCase() } }, /128 lower-case hex digits/],
          [{ certificates: [], signatures: { [own.id]: 7 } }, /relayed\.signatures\[.*\] must be an Ed25519 signature/],
          [{ certificates: [], signatures: tooMany }, /relayed\.signatures holds 501 signatures; at most 500/],
          [null, /relayed must be an object/],
        ] as const) {
          const res = await post(EVENTS_PATH, tokens.lobbyB, JSON.stringify({ events: [own], relayed }));
          const answer = (await res.json()) as { error: string };
          expect(res.status, JSON.stringify(relayed).slice(0, 200)).toBe(400);
          expect(answer.error).toMatch(field);
        }
        expect(await pulledIds()).not.toContain(own.id);
      });
    });
  });
}
