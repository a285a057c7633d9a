import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeviceCertificate, deviceKeyFrom, type DeviceKey } from '../../src/domain/handover/keys';
import { COUNTERSIGN_PATH, sha256Hex, type CountersignResponse } from '../../src/domain/report';
import { DEVICE_CERTIFICATE_PATH, isCertificateResponse, type CertificateResponse } from '../../src/domain/sync-protocol';
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
  });
}
