import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAYBOOKS_PATH, type DeviceRole, type PublishedPlaybook, type PublishedPlaybookInfo, type PublishRequest } from '../../src/domain/playbook-publish';
import { playbookContentHash } from '../../src/domain/playbook/content-hash';
import { validatePlaybook } from '../../src/domain/playbook/check';
import type { Playbook } from '../../src/domain/playbook/schema';
import { WHOAMI_PATH } from '../../src/domain/sync-protocol';
import { isRecord } from '../../src/domain/validation';
import { loadPlaybook } from '../../src/features/playbooks/library';
import { runAdmin } from '../../src/server/admin';
import { getStoredPlaybook } from '../../src/storage/playbooks';
import { readDeviceRole } from '../../src/storage/sync-state';
import { createSyncEngine } from '../../src/sync/controller';
import { syncOnce } from '../../src/sync/engine';
import { exchangeEnrolmentCode } from '../../src/sync/enrol';
import { publishPlaybook, type PublishOutcome } from '../../src/sync/playbooks';
import { httpTransport } from '../../src/sync/transport';
import { halfway, ManualTimers, removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';
import { samplePlaybook } from '#fixtures/sample-playbook';

/**
 * Published playbooks between phones. The server's playbook routes are being written to the
 * contract in src/domain/playbook-publish.ts; until they land, `ContractServer` speaks that
 * contract over real HTTP (a Node server on a free port) and hands every other request — push,
 * pull, whoami — to the real sync server on a real SQLite file, so the events of each round go
 * through the real thing. The last test runs against the real server alone.
 */

const ORG = 'org-bank-sz';

/** The organisation's published versions, served by the contract of playbook-publish.ts. */
class ContractServer {
  private http: Server | null = null;
  /** Every version, in the order published, per id and language. */
  private readonly versions = new Map<string, PublishedPlaybook[]>();
  /** What each token may do; `undefined` plays a server from before roles (whoami says none). */
  readonly roles = new Map<string, DeviceRole | undefined>();
  /** Requests to the playbook routes, as "GET /api/v1/playbooks/…". */
  readonly playbookRequests: string[] = [];
  /** Changes a version's body on its way out (a broken proxy, a bug): its hash then lies. */
  tamper: ((p: PublishedPlaybook) => PublishedPlaybook) | null = null;
  /** When set, the list answers with this status. */
  listFails: number | null = null;
  /** The list names only revisions up to this one: the server restored from an older backup. */
  restoredTo: number | null = null;
  baseUrl = '';

  constructor(
    private readonly real: TestServer,
    private readonly now: () => number = () => T0,
  ) {}

  async listen(): Promise<string> {
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
    });
    await new Promise<void>((done) => this.http!.listen(0, '127.0.0.1', done));
    this.baseUrl = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    const http = this.http;
    this.http = null;
    if (http) await new Promise<void>((done) => http.close(() => done()));
  }

  /** The organisation publishes `playbook` (as an editor's tablet would), without a request. */
  publish(playbook: Playbook, note: string, publishedBy = "Safety officer's tablet"): PublishedPlaybook {
    const key = `${playbook.id}/${playbook.language}`;
    const history = this.versions.get(key) ?? [];
    const version: PublishedPlaybook = {
      id: playbook.id,
      language: playbook.language,
      revision: history.length + 1,
      version: playbook.version,
      kind: playbook.kind,
      title: playbook.title,
      hash: playbookContentHash(playbook),
      note,
      publishedAt: new Date(this.now()).toISOString(),
      publishedBy,
      playbook,
    };
    this.versions.set(key, [...history, version]);
    return version;
  }

  private current(key: string): PublishedPlaybook | undefined {
    const history = (this.versions.get(key) ?? []).filter((v) => this.restoredTo === null || v.revision <= this.restoredTo);
    return history.at(-1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = await readBody(req);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (url.pathname === WHOAMI_PATH) return this.whoami(req, res, url, token);
    if (url.pathname !== PLAYBOOKS_PATH && !url.pathname.startsWith(`${PLAYBOOKS_PATH}/`)) return this.forward(req, res, url, body);
    this.playbookRequests.push(`${req.method} ${url.pathname}`);
    if (!this.roles.has(token)) return send(res, 401, { error: 'A valid device token is required' });
    if (req.method === 'GET' && url.pathname === PLAYBOOKS_PATH) {
      if (this.listFails !== null) return send(res, this.listFails, { error: 'The list is not available now' });
      const playbooks: PublishedPlaybookInfo[] = [...this.versions.keys()].flatMap((key) => {
        const current = this.current(key);
        if (!current) return [];
        const { playbook: _body, ...info } = current;
        return [info];
      });
      return send(res, 200, { playbooks });
    }
    if (req.method === 'GET') {
      const [id, language, revision] = url.pathname
        .slice(PLAYBOOKS_PATH.length + 1)
        .split('/')
        .map(decodeURIComponent);
      const found = this.versions.get(`${id}/${language}`)?.find((v) => String(v.revision) === revision);
      if (!found) return send(res, 404, { error: 'No such published version' });
      return send(res, 200, this.tamper ? this.tamper(found) : found);
    }
    if (req.method === 'POST') return this.publishRequest(req, res, token, body);
    return send(res, 405, { error: 'Method not allowed' });
  }

  private async publishRequest(req: IncomingMessage, res: ServerResponse, token: string, body: Buffer): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: 'Send JSON' });
    let request: PublishRequest;
    try {
      request = JSON.parse(body.toString('utf8')) as PublishRequest;
    } catch {
      return send(res, 400, { error: 'The body is not JSON' });
    }
    if (this.roles.get(token) !== 'editor') return send(res, 403, { code: 'not-editor', error: 'This device may not publish playbooks' });
    const checked = validatePlaybook(request.playbook, { language: request.language === 'zh-CN' ? 'zh-CN' : 'en' });
    if (!checked.ok) return send(res, 422, { code: 'invalid', error: 'The playbook has errors', issues: checked.issues });
    const current = this.current(`${checked.playbook.id}/${checked.playbook.language}`);
    if ((current?.revision ?? null) !== request.baseRevision) {
      return send(res, 409, { code: 'stale', error: 'Someone published after this draft began', current });
    }
    const { playbook: _body, ...published } = this.publish(checked.playbook, request.note, await this.labelOf(token));
    await Promise.resolve();
    return send(res, 201, { published });
  }

  private async labelOf(token: string): Promise<string> {
    const me = (await (await this.real.app.request(WHOAMI_PATH, { headers: { Authorization: `Bearer ${token}` } })).json()) as { device: { label: string } };
    return me.device.label;
  }

  /** The real whoami, with the token's role added as the new server will answer it. */
  private async whoami(req: IncomingMessage, res: ServerResponse, url: URL, token: string): Promise<void> {
    const answer = await this.real.app.request(url.pathname, { headers: { Authorization: req.headers.authorization ?? '' } });
    const json = (await answer.json()) as unknown;
    const role = this.roles.get(token);
    if (answer.ok && isRecord(json) && isRecord(json.device) && role !== undefined) json.device.role = role;
    send(res, answer.status, json);
  }

  /** Push, pull and the rest: the real sync server answers. */
  private async forward(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
    const answer = await this.real.app.request(`${url.pathname}${url.search}`, {
      method: req.method ?? 'GET',
      headers,
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(body) }),
    });
    const bytes = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json', 'Content-Length': bytes.length });
    res.end(bytes);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, json: unknown): void {
  const text = JSON.stringify(json);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

let server: TestServer;
let contract: ContractServer;
let devices: TestDevice[] = [];

beforeEach(async () => {
  server = new TestServer(tempDir('playbooks'));
  await server.addOrg(ORG, 'Shenzhen branch');
  contract = new ContractServer(server);
  await contract.listen();
});
afterEach(async () => {
  for (const d of devices) await d.dispose();
  devices = [];
  await contract.close();
  server.close();
  removeTempDirs();
});

/** A phone of the organisation, enrolled with a token of `role` (undefined: a server from before roles). */
async function phone(name: string, role: DeviceRole | undefined = 'member'): Promise<{ device: TestDevice; token: string }> {
  const device = new TestDevice(name, () => T0, 0, devices.length + 3);
  devices.push(device);
  const token = await server.issueToken(ORG, name === 'tablet' ? "Safety officer's tablet" : name);
  contract.roles.set(token, role);
  await device.enrol(token);
  return { device, token };
}

/** One sync round of `device` over real HTTP through the contract server. */
function round(device: TestDevice, token: string, recheckIdentity = false): ReturnType<typeof syncOnce> {
  return syncOnce({ db: device.db, transport: httpTransport({ baseUrl: contract.baseUrl, token }), recheckIdentity, ...device.env });
}

/** The safety officer's fire plan at `version`. */
const firePlan = (version: string, title = `Fire plan ${version}`): Playbook => ({ ...samplePlaybook(), version, title });

const publishFrom = (device: TestDevice, request: PublishRequest, baseUrl = contract.baseUrl): Promise<PublishOutcome> =>
  publishPlaybook(request, { db: device.db, transportFor: (token) => httpTransport({ baseUrl, token }), now: device.env.now });

const note = (text: string) => ({ streamId: 'inc-fire-3f', actor: '王值班', type: 'note.added' as const, payload: { text } });

describe('a member phone and the organisation’s published playbooks', () => {
  it('receives a playbook published after its last round on its next round, and opens it offline as the published copy', async () => {
    const { device: member } = await phone('member-phone');
    const timers = new ManualTimers();
    const engine = createSyncEngine({
      db: member.db,
      transportFor: (t) => httpTransport({ baseUrl: contract.baseUrl, token: t }),
      now: member.env.now,
      random: halfway,
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    expect((await engine.syncNow()).lastError).toBeNull();
    expect(await member.db.playbooks.count()).toBe(0);

    contract.publish(firePlan('1.1.0', 'Head office fire plan'), 'Basement route now via stair B');
    const status = await engine.syncNow();
    expect(status.lastError).toBeNull();
    expect(await getStoredPlaybook(member.db, 'sample-fire', 'en')).toMatchObject({
      source: 'published',
      version: '1.1.0',
      storedAt: T0,
      published: { revision: 1, note: 'Basement route now via stair B', publishedBy: "Safety officer's tablet" },
    });
    // Nothing more is asked of the server to open it: it is read from the device.
    await contract.close();
    const loaded = await loadPlaybook(member.db, 'sample-fire', 'en');
    expect(loaded?.source).toBe('published');
    expect(loaded?.playbook.title).toBe('Head office fire plan');
  });

  it('takes revision 2 over revision 1, and keeps revision 2 when a restored server lists revision 1 again', async () => {
    const { device: member, token } = await phone('member-phone');
    contract.publish(firePlan('1.1.0'), 'First issue');
    expect((await round(member, token)).playbooks).toEqual({ received: 1, refused: 0, problem: null });
    contract.publish(firePlan('1.2.0'), 'Assembly point moved to the car park');
    expect((await round(member, token)).playbooks.received).toBe(1);
    expect(await getStoredPlaybook(member.db, 'sample-fire', 'en')).toMatchObject({ version: '1.2.0', published: { revision: 2 } });

    contract.restoredTo = 1;
    contract.playbookRequests.length = 0;
    expect((await round(member, token)).playbooks).toEqual({ received: 0, refused: 0, problem: null });
    // Only the list was asked for: an older revision's body is not even fetched.
    expect(contract.playbookRequests).toEqual([`GET ${PLAYBOOKS_PATH}`]);
    expect(await getStoredPlaybook(member.db, 'sample-fire', 'en')).toMatchObject({ version: '1.2.0', published: { revision: 2 } });
  });

  it('refuses a body whose content hash is not the published one, stores nothing, and still syncs the events', async () => {
    const { device: member, token } = await phone('member-phone');
    contract.publish(firePlan('1.1.0'), 'First issue');
    contract.tamper = (p) => ({ ...p, playbook: { ...(p.playbook as Playbook), title: 'Someone else’s plan' } });
    const eventId = await member.record(note('3F 烟雾，已疏散'));

    const report = await round(member, token);
    expect(report.playbooks).toEqual({ received: 0, refused: 1, problem: null });
    expect(report.pushed).toBe(1);
    expect(server.eventIds(ORG)).toEqual([eventId]);
    expect(await member.db.playbooks.count()).toBe(0);

    // The next round asks again, and an honest answer is kept.
    contract.tamper = null;
    expect((await round(member, token)).playbooks.received).toBe(1);
    expect((await getStoredPlaybook(member.db, 'sample-fire', 'en'))?.published?.revision).toBe(1);
  });

  it('refuses a body that is another playbook than the one listed', async () => {
    const { device: member, token } = await phone('member-phone');
    contract.publish(firePlan('1.1.0'), 'First issue');
    contract.tamper = (p) => ({ ...p, playbook: { ...(p.playbook as Playbook), id: 'other-plan' } });
    expect((await round(member, token)).playbooks).toMatchObject({ received: 0, refused: 1 });
    expect(await member.db.playbooks.count()).toBe(0);
  });

  it('goes on syncing events when the playbook list fails, and catches up on the next round', async () => {
    const { device: member, token } = await phone('member-phone');
    const { device: other, token: otherToken } = await phone('other-phone');
    const fromOther = await other.record(note('B1 进水 20 cm'));
    await round(other, otherToken);
    contract.publish(firePlan('1.1.0'), 'First issue');
    contract.listFails = 503;

    const report = await round(member, token);
    expect(report.pulled).toBe(1);
    expect(await member.eventIds()).toEqual([fromOther]);
    expect(report.playbooks.problem).toContain('HTTP 503');
    expect(await member.db.playbooks.count()).toBe(0);

    contract.listFails = null;
    expect((await round(member, token)).playbooks).toEqual({ received: 1, refused: 0, problem: null });
  });

  it('keeps a newer file imported on the phone, and does not fetch the older published body every round', async () => {
    const { device: member, token } = await phone('member-phone');
    await member.db.playbooks.put({
      id: 'sample-fire',
      language: 'en',
      version: '2.0.0',
      kind: 'fire',
      title: 'Adapted here',
      source: 'imported',
      body: firePlan('2.0.0'),
      storedAt: T0,
    });
    contract.publish(firePlan('1.1.0'), 'First issue');
    await round(member, token);
    expect(contract.playbookRequests).toEqual([`GET ${PLAYBOOKS_PATH}`]);
    expect(await getStoredPlaybook(member.db, 'sample-fire', 'en')).toMatchObject({ source: 'imported', version: '2.0.0' });
  });
});

describe('what this phone may do', () => {
  it('is learnt from whoami on the first round: an editor’s tablet, a member’s phone, a token from before roles', async () => {
    const { device: tablet, token: editor } = await phone('tablet', 'editor');
    const { device: member, token: memberToken } = await phone('member-phone', 'member');
    const { device: old, token: oldToken } = await phone('old-phone', undefined);
    for (const d of [tablet, member, old]) expect(await readDeviceRole(d.db)).toBeNull();
    await round(tablet, editor);
    await round(member, memberToken);
    await round(old, oldToken);
    expect(await readDeviceRole(tablet.db)).toBe('editor');
    expect(await readDeviceRole(member.db)).toBe('member');
    expect(await readDeviceRole(old.db)).toBe('member');
  });

  it('follows a change the administrator made, from the next start of the app', async () => {
    const { device: member, token } = await phone('member-phone', 'member');
    await round(member, token);
    contract.roles.set(token, 'editor');
    await round(member, token);
    expect(await readDeviceRole(member.db)).toBe('member');
    await round(member, token, true);
    expect(await readDeviceRole(member.db)).toBe('editor');
  });

  it('is unknown on a phone that has not joined', async () => {
    const lone = new TestDevice('lone', () => T0);
    devices.push(lone);
    expect(await readDeviceRole(lone.db)).toBeNull();
  });
});

describe('publishing from the editor', () => {
  const request = (version: string, baseRevision: number | null, note = 'Basement route now via stair B'): PublishRequest => ({
    playbook: firePlan(version),
    baseRevision,
    note,
    language: 'en',
  });

  it('201: says what was published, and the tablet holds the new version at once', async () => {
    const { device: tablet } = await phone('tablet', 'editor');
    const outcome = await publishFrom(tablet, request('1.1.0', null));
    expect(outcome).toMatchObject({
      ok: true,
      published: { id: 'sample-fire', language: 'en', revision: 1, version: '1.1.0', publishedBy: "Safety officer's tablet" },
    });
    expect(await getStoredPlaybook(tablet.db, 'sample-fire', 'en')).toMatchObject({ source: 'published', published: { revision: 1 } });
    expect(await readDeviceRole(tablet.db)).toBe('editor');
  });

  it('403: a member’s phone is refused as not an editor, and now knows it', async () => {
    const { device: member } = await phone('member-phone', 'member');
    const outcome = await publishFrom(member, request('1.1.0', null));
    expect(outcome).toEqual({ ok: false, refusal: { code: 'not-editor', error: 'This device may not publish playbooks' } });
    expect(await readDeviceRole(member.db)).toBe('member');
    expect(await member.db.playbooks.count()).toBe(0);
  });

  it('422: an invalid playbook comes back with the validator’s issues, path by path', async () => {
    const { device: tablet } = await phone('tablet', 'editor');
    const broken = { ...firePlan('1.1.0'), title: 42 };
    const outcome = await publishFrom(tablet, { playbook: broken, baseRevision: null, note: 'Typo', language: 'en' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || !('refusal' in outcome) || outcome.refusal.code !== 'invalid')
      throw new Error(`expected an invalid refusal, got ${JSON.stringify(outcome)}`);
    expect(outcome.refusal.issues.map((i) => i.path)).toContain('title');
  });

  it('409: a draft begun before someone else published is stale; the current version comes back and is kept', async () => {
    const { device: tablet } = await phone('tablet', 'editor');
    contract.publish(firePlan('1.1.0', 'Published from head office'), 'Head office issue');
    const outcome = await publishFrom(tablet, request('1.2.0', null));
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'stale', current: { revision: 1, version: '1.1.0' } } });
    expect(await getStoredPlaybook(tablet.db, 'sample-fire', 'en')).toMatchObject({ title: 'Published from head office', published: { revision: 1 } });
  });

  it('no answer: says offline, and nothing is stored', async () => {
    const { device: tablet } = await phone('tablet', 'editor');
    const gone = contract.baseUrl;
    await contract.close();
    const outcome = await publishFrom(tablet, request('1.1.0', null), gone);
    expect(outcome).toMatchObject({ ok: false, problem: 'offline' });
    expect(await tablet.db.playbooks.count()).toBe(0);
  });

  it('a request the server cannot take (415, 400): a server problem, in the server’s words', async () => {
    const { device: tablet, token } = await phone('tablet', 'editor');
    const raw = await fetch(`${contract.baseUrl}${PLAYBOOKS_PATH}`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: 'x' });
    expect(raw.status).toBe(415);
    const outcome = await publishPlaybook(request('1.1.0', null), {
      db: tablet.db,
      now: tablet.env.now,
      transportFor: (t) => httpTransport({ baseUrl: contract.baseUrl, token: t, fetch: (input, init) => fetch(input, { ...init, body: '{not json' }) }),
    });
    expect(outcome).toEqual({ ok: false, problem: 'server', message: 'HTTP 400: The body is not JSON' });
  });

  it('a revoked token or none: not enrolled', async () => {
    const { device: tablet, token } = await phone('tablet', 'editor');
    contract.roles.delete(token);
    expect(await publishFrom(tablet, request('1.1.0', null))).toMatchObject({ ok: false, problem: 'not-enrolled' });
    const lone = new TestDevice('lone', () => T0);
    devices.push(lone);
    expect(await publishFrom(lone, request('1.1.0', null))).toMatchObject({ ok: false, problem: 'not-enrolled' });
  });
});

// Against the real server alone: waits for the playbook routes (GET/POST /api/v1/playbooks)
// and `device add … --role editor` being written now. It fails until they land; it is not skipped.
describe('the real server (needs the server’s playbook routes, issue 15)', () => {
  it('an editor’s tablet publishes, and a member’s phone receives it on its next round', async () => {
    const lines: string[] = [];
    await runAdmin(['device', 'add', ORG, "Safety officer's tablet", '--role', 'editor', '--url', 'https://muster.example.org', '--no-qr'], server.store, {
      out: (line) => lines.push(line),
      now: () => T0,
      env: {},
      dataDir: server.dataDir,
    });
    // The tablet opens the link: its one-time code buys it an editor's token.
    const code = /#code=(mse_[A-Za-z0-9_-]+)/.exec(lines.join('\n'))?.[1] ?? '';
    const exchanged = await exchangeEnrolmentCode({ baseUrl: 'https://muster.example.org', code, fetch: server.fetch });
    const editorToken = exchanged.ok ? exchanged.enrolled.token : undefined;
    expect(editorToken).toBeDefined();
    const tablet = new TestDevice('real-tablet', () => T0);
    const member = new TestDevice('real-member', () => T0);
    devices.push(tablet, member);
    const memberToken = await server.issueToken(ORG, 'member phone');
    await tablet.enrol(editorToken!);
    await member.enrol(memberToken);

    await syncOnce({ db: tablet.db, transport: tablet.transport(server, editorToken!), ...tablet.env });
    expect(await readDeviceRole(tablet.db)).toBe('editor');
    const outcome = await publishPlaybook(
      { playbook: firePlan('1.1.0'), baseRevision: null, note: 'Basement route now via stair B', language: 'en' },
      { db: tablet.db, transportFor: (t) => tablet.transport(server, t), now: tablet.env.now },
    );
    expect(outcome).toMatchObject({ ok: true, published: { revision: 1, version: '1.1.0' } });

    const report = await syncOnce({ db: member.db, transport: member.transport(server, memberToken), ...member.env });
    expect(report.playbooks).toEqual({ received: 1, refused: 0, problem: null });
    expect(await getStoredPlaybook(member.db, 'sample-fire', 'en')).toMatchObject({
      source: 'published',
      version: '1.1.0',
      published: { revision: 1, note: 'Basement route now via stair B', publishedBy: "Safety officer's tablet" },
    });
    expect(await readDeviceRole(member.db)).toBe('member');
  });
});
