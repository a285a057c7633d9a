import { mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../src/domain/playbook/check';
import { playbookContentHash } from '../../src/domain/playbook/content-hash';
import { CHANGE_NOTE_MAX, type PublishedList, type PublishedPlaybook, type PublishedResponse } from '../../src/domain/playbook-publish';
import { createApp } from '../../src/server/app';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limit';
import { startServer, type RunningServer } from '../../src/server/server';
import { SQLITE_FILE_NAME, openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { SQLITE_MIGRATIONS } from '../../src/server/storage/sqlite-migrations';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, REPO_ROOT, removeTempDirs, writeTree } from './support';

// Publishing playbooks over real HTTP, to a real server on a real SQLite file: what the
// safety officer's tablet sends, what the server stores, and what every other device reads.

let server: RunningServer;
let work: string;
/** A second connection to the server's file, as the admin CLI would open while it runs. */
let admin: SqliteEventStore;
const tokens: Record<'editor' | 'member' | 'otherEditor', string> = { editor: '', member: '', otherEditor: '' };

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Record<string, unknown>;
const riverside = readJson('scenarios/examples/riverside.en.json');
/** A shipped plan, written in schema version 1. */
const floodZh = readJson('scenarios/flood.zh-CN.json');

beforeAll(async () => {
  work = makeTempDir('playbooks');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title><div id="root"></div>' });
  const dataDir = join(work, 'data');
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-riverside', name: 'Riverside Sub-branch' }, at);
  await admin.createOrg({ id: 'org-other', name: 'Another bank' }, at);
  const issue = async (key: keyof typeof tokens, orgId: string, label: string, role?: 'editor'): Promise<void> => {
    tokens[key] = newDeviceToken();
    await admin.addDeviceToken({ id: `dt-${key}`, orgId, label, tokenHash: hashDeviceToken(tokens[key]), ...(role ? { role } : {}) }, at);
  };
  await issue('editor', 'org-riverside', "Safety officer's tablet", 'editor');
  await issue('member', 'org-riverside', 'Duty phone');
  await issue('otherEditor', 'org-other', 'Their tablet', 'editor');
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

interface Reply<T> {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  body: T;
}

/** One request over node:http, so the answer's headers (Connection: close) are seen as sent. */
function call<T = unknown>(path: string, opts: { token?: string; method?: string; body?: string; type?: string } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) {
    headers['Content-Type'] = opts.type ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'), headers, agent: false },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON; keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: body as T });
        });
        res.on('error', reject);
      },
    );
    // Once it has answered, the server may close before it has read a refused body: its right.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!(answered && (error.code === 'EPIPE' || error.code === 'ECONNRESET'))) reject(error);
    });
    req.end(opts.body);
  });
}

interface Refusal {
  code?: string;
  error: string;
  issues?: { path: string; message: string; severity: string }[];
  current?: PublishedPlaybook;
}

const publish = <T = PublishedResponse & Refusal>(
  token: string,
  playbook: unknown,
  baseRevision: number | null,
  note: string,
  language?: string,
): Promise<Reply<T>> => call<T>('/api/v1/playbooks', { token, body: JSON.stringify({ playbook, baseRevision, note, ...(language ? { language } : {}) }) });
const list = (token: string): Promise<Reply<PublishedList>> => call<PublishedList>('/api/v1/playbooks', { token });
const version = (token: string, id: string, language: string, revision: number): Promise<Reply<PublishedPlaybook & { error?: string }>> =>
  call(`/api/v1/playbooks/${id}/${language}/${revision}`, { token });
const storedRows = (): number => (admin.db.prepare('SELECT count(*) AS n FROM published_playbooks').get() as { n: number }).n;

/** Riverside as the safety officer edits it: another version and, so it differs, another summary. */
const riversideAt = (v: string, summary = `Riverside, version ${v}`): Record<string, unknown> => ({ ...riverside, version: v, summary });

describe('who may publish', () => {
  it('refuses the duty phone, a member’s device, with not-editor and the command that makes an editor; nothing is stored', async () => {
    const res = await publish(tokens.member, riverside, null, 'First issue');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not-editor');
    expect(res.body.error).toContain('npm run admin -- device add org-riverside "<name>" --role editor');
    expect(storedRows()).toBe(0);
    expect((await list(tokens.member)).body).toEqual({ playbooks: [] });
  });

  it('tells each device its role in whoami', async () => {
    const editor = await call<{ device: { role: string } }>('/api/v1/whoami', { token: tokens.editor });
    const member = await call<{ device: { role: string } }>('/api/v1/whoami', { token: tokens.member });
    expect(editor.body.device).toEqual({ tokenId: 'dt-editor', label: "Safety officer's tablet", role: 'editor' });
    expect(member.body.device.role).toBe('member');
  });

  it('answers 401 without a valid token, on every playbook route', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/v1/playbooks', undefined],
      ['GET', '/api/v1/playbooks/riverside-flood/en/1', undefined],
      ['POST', '/api/v1/playbooks', JSON.stringify({ playbook: riverside, baseRevision: null, note: 'x' })],
    ] as const) {
      const res = await call(path, { method, body, token: newDeviceToken() });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(storedRows()).toBe(0);
  });
});

describe('the safety officer publishes the Riverside flood plan', () => {
  /** Revision 1 as first served, to hold the later answers against. */
  let firstAnswer = '';

  it('stores it as revision 1 (201), lists it, and serves a body whose content hash is the one listed', async () => {
    const res = await publish(tokens.editor, riverside, null, '  First issue of the flood plan  ');
    expect(res.status).toBe(201);
    expect(res.body.published).toEqual({
      id: 'riverside-flood',
      language: 'en',
      revision: 1,
      version: '1.0.0',
      kind: 'flood',
      title: 'Riverside Sub-branch flood plan (example)',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      note: 'First issue of the flood plan',
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      publishedBy: "Safety officer's tablet",
    });

    // The duty phone, a member, reads what was published.
    expect((await list(tokens.member)).body).toEqual({ playbooks: [res.body.published] });
    const served = await version(tokens.member, 'riverside-flood', 'en', 1);
    expect(served.status).toBe(200);
    const { playbook, ...info } = served.body;
    expect(info).toEqual(res.body.published);
    expect(playbook).toEqual(riverside);
    expect(playbookContentHash(playbook)).toBe(res.body.published.hash);
    firstAnswer = served.text;
  });

  it('stores a shipped plan of schema version 1 migrated to version 2, hashed as migrated', async () => {
    expect(floodZh.schemaVersion).toBeUndefined();
    const res = await publish(tokens.editor, floodZh, null, '首次发布防汛预案');
    expect(res.status).toBe(201);
    expect(res.body.published).toMatchObject({ id: 'flood-emergency', language: 'zh-CN', revision: 1, version: floodZh.version, note: '首次发布防汛预案' });
    const served = await version(tokens.member, 'flood-emergency', 'zh-CN', 1);
    const body = served.body.playbook as Record<string, unknown>;
    expect(body.schemaVersion).toBe(2);
    const migrated = validatePlaybook(floodZh);
    expect(migrated.ok && migrated.playbook).toEqual(body);
    expect(served.body.hash).toBe(playbookContentHash(body));
  });

  it('refuses a plan with a missing title and a route down a stairway that does not exist: 422, path by path, nothing stored', async () => {
    const broken = structuredClone(riverside) as Record<string, unknown> & { buildings: { floors: { routes: { legs: { stairway?: string }[] }[] }[] }[] };
    delete broken.title;
    const leg = broken.buildings[0]!.floors[1]!.routes[0]!.legs[0]!;
    expect(leg.stairway).toBe('north-stairs');
    leg.stairway = 'stair-z';
    const before = storedRows();

    const english = await publish(tokens.editor, broken, 1, 'Broken on purpose');
    expect(english.status).toBe(422);
    expect(english.body.code).toBe('invalid');
    expect(english.body.issues?.map((i) => i.path)).toEqual(['title', 'buildings[0].floors[1].routes[0].legs[0].stairway']);
    expect(english.body.issues?.[0]?.message).toBe('missing; expected a text');
    expect(english.body.issues?.[1]?.message).toContain('unknown stairway "stair-z"');

    const chinese = await publish(tokens.editor, broken, 1, 'Broken on purpose', 'zh-CN');
    expect(chinese.status).toBe(422);
    expect(chinese.body.issues?.map((i) => i.path)).toEqual(['title', 'buildings[0].floors[1].routes[0].legs[0].stairway']);
    expect(chinese.body.issues?.[0]?.message).toBe('缺少该字段；应为文本');
    expect(chinese.body.issues?.[1]?.message).toContain('未知的楼梯 "stair-z"');
    expect(storedRows()).toBe(before);
  });

  it('refuses a new revision whose version is not above the published one, at `version`, in the request’s language', async () => {
    const before = storedRows();
    const same = await publish(tokens.editor, riversideAt('1.0.0'), 1, 'Forgot to raise the version');
    expect(same.status).toBe(422);
    expect(same.body.code).toBe('invalid');
    expect(same.body.issues).toEqual([
      {
        path: 'version',
        severity: 'error',
        message: 'version 1.0.0 must be greater than 1.0.0, the version published now (revision 1); raise the version and publish again',
      },
    ]);
    const lower = await publish(tokens.editor, riversideAt('0.9.0'), 1, '版本号没有提高', 'zh-CN');
    expect(lower.status).toBe(422);
    expect(lower.body.issues?.map((i) => [i.path, i.message])).toEqual([
      ['version', '版本 0.9.0 必须高于当前已发布的版本 1.0.0（第 1 次发布）；请提高版本号后再发布'],
    ]);
    expect(storedRows()).toBe(before);
  });

  it('stores the next version, started from revision 1, as revision 2', async () => {
    const res = await publish(tokens.editor, riversideAt('1.1.0', 'Basement route now via stair B'), 1, 'Basement route now via stair B');
    expect(res.status).toBe(201);
    expect(res.body.published).toMatchObject({ id: 'riverside-flood', language: 'en', revision: 2, version: '1.1.0' });
    const listed = (await list(tokens.member)).body.playbooks.filter((p) => p.id === 'riverside-flood');
    expect(listed).toEqual([res.body.published]);
  });

  it('refuses a draft started from revision 1 now that revision 2 exists: 409 stale, with revision 2 as it is served', async () => {
    const before = storedRows();
    const res = await publish(tokens.editor, riversideAt('1.2.0'), 1, 'Edited an old copy');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('stale');
    expect(res.body.error).toMatch(/Revision 2 of riverside-flood in en was published after revision 1/);
    const second = await version(tokens.editor, 'riverside-flood', 'en', 2);
    expect(res.body.current).toEqual(second.body);
    expect((res.body.current?.playbook as { summary: string }).summary).toBe('Basement route now via stair B');

    // A draft that says it starts from nothing is stale too, once anything is published.
    const fresh = await publish(tokens.editor, riversideAt('2.0.0'), null, 'Wrote it again from scratch');
    expect(fresh.status).toBe(409);
    expect(fresh.body.current?.revision).toBe(2);
    expect(storedRows()).toBe(before);
  });

  it('lets only one of two publishes sent at once from the same base win; the other hears the winner', async () => {
    const [a, b] = await Promise.all([
      publish(tokens.editor, riversideAt('1.3.0', 'Tablet A'), 2, 'From tablet A'),
      publish(tokens.editor, riversideAt('1.3.1', 'Tablet B'), 2, 'From tablet B'),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(won.body.published.revision).toBe(3);
    expect(lost.body.current?.revision).toBe(3);
    expect(lost.body.current?.note).toBe(won.body.published.note);
    expect((admin.db.prepare(`SELECT max(revision) AS r FROM published_playbooks WHERE id = 'riverside-flood'`).get() as { r: number }).r).toBe(3);
  });

  it('still serves revision 1 byte for byte after the later ones, and offers no way to change or remove it', async () => {
    expect(firstAnswer).not.toBe('');
    expect((await version(tokens.member, 'riverside-flood', 'en', 1)).text).toBe(firstAnswer);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await call('/api/v1/playbooks/riverside-flood/en/1', { method, token: tokens.editor, body: JSON.stringify({ note: 'rewritten' }) });
      expect(res.status, method).toBe(404);
      const whole = await call('/api/v1/playbooks', { method, token: tokens.editor, body: '{}' });
      expect(whole.status, method).toBe(404);
    }
    expect((await version(tokens.member, 'riverside-flood', 'en', 1)).text).toBe(firstAnswer);
  });

  it('answers 404 as JSON for a revision never published, and 400 for one that is not a number', async () => {
    const missing = await version(tokens.member, 'riverside-flood', 'en', 99);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/No published playbook riverside-flood in en with revision 99/);
    expect((await version(tokens.member, 'riverside-flood', 'fr', 1)).status).toBe(404);
    expect((await call('/api/v1/playbooks/riverside-flood/en/first', { token: tokens.member })).status).toBe(400);
    expect((await call('/api/v1/playbooks/riverside-flood/en/0', { token: tokens.member })).status).toBe(400);
  });
});

describe('organisations are kept apart', () => {
  it('shows another organisation nothing of Riverside’s: an empty list and 404 for the body', async () => {
    expect((await list(tokens.otherEditor)).body).toEqual({ playbooks: [] });
    const res = await version(tokens.otherEditor, 'riverside-flood', 'en', 1);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('Riverside');
  });

  it('gives another organisation its own revision 1 of the same id, leaving Riverside’s as it was', async () => {
    const res = await publish(tokens.otherEditor, riverside, null, 'Our copy');
    expect(res.status).toBe(201);
    expect(res.body.published).toMatchObject({ revision: 1, publishedBy: 'Their tablet' });
    expect((await list(tokens.member)).body.playbooks.find((p) => p.id === 'riverside-flood')?.revision).toBe(3);
  });
});

describe('strict publish requests', () => {
  it('answers 415 to a publish that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await call('/api/v1/playbooks', { token: tokens.editor, body: JSON.stringify({ playbook: riverside, baseRevision: 3, note: 'x' }), type });
      expect(res.status, type).toBe(415);
    }
  });

  it('answers 413, and closes the connection, for a body over the limit', async () => {
    const huge = { ...riverside, summary: 'x'.repeat(1_100_000) };
    const res = await publish(tokens.editor, huge, 3, 'Too big');
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect((res.body as unknown as { error: string }).error).toMatch(/over 1000000 bytes/);
  });

  it.each([
    ['a list instead of an object', '[]', /JSON object/],
    ['broken JSON', '{"playbook": }', /not valid JSON/],
    ['a field given twice', '{"playbook": {}, "baseRevision": null, "note": "a", "note": "b"}', /"note" is given twice/],
    ['no playbook', '{"baseRevision": null, "note": "First issue"}', /^playbook is missing/],
    ['no baseRevision', '{"playbook": {}, "note": "First issue"}', /^baseRevision must be null/],
    ['baseRevision 0', '{"playbook": {}, "baseRevision": 0, "note": "First issue"}', /^baseRevision must be null/],
    ['baseRevision 1.5', '{"playbook": {}, "baseRevision": 1.5, "note": "First issue"}', /^baseRevision must be null/],
    ['baseRevision as text', '{"playbook": {}, "baseRevision": "1", "note": "First issue"}', /^baseRevision must be null/],
    ['no note', '{"playbook": {}, "baseRevision": null}', /^note must say what changed/],
    ['a blank note', '{"playbook": {}, "baseRevision": null, "note": "   "}', /^note must say what changed/],
    ['a note that is a number', '{"playbook": {}, "baseRevision": null, "note": 7}', /^note must say what changed/],
    ['a note too long', JSON.stringify({ playbook: {}, baseRevision: null, note: 'n'.repeat(CHANGE_NOTE_MAX + 1) }), /^note must be at most 500 characters/],
    ['a language that is not text', '{"playbook": {}, "baseRevision": null, "note": "x", "language": 7}', /^language, when given/],
    ['a field it does not know', '{"playbook": {}, "baseRevision": null, "note": "x", "orgId": "org-other"}', /Unknown field "orgId"/],
  ])('answers 400 to %s, naming what is wrong', async (_label, body, message) => {
    const before = storedRows();
    const res = await call<{ error: string }>('/api/v1/playbooks', { token: tokens.editor, body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
    expect(storedRows()).toBe(before);
  });

  it('takes a note of exactly the longest length', async () => {
    const res = await publish(tokens.editor, riversideAt('1.4.0'), 3, 'n'.repeat(CHANGE_NOTE_MAX));
    expect(res.status).toBe(201);
    expect(res.body.published.revision).toBe(4);
  });

  it('answers 400 to a base revision when nothing of that id and language is published', async () => {
    const res = await publish(tokens.editor, { ...riverside, id: 'riverside-fire' }, 2, 'Thought it was published');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^baseRevision 2 names no published version/);
  });
});

describe('a token issued before device roles existed', () => {
  it('is a member once the server has brought the file up to date', async () => {
    const dataDir = join(makeTempDir('playbooks-old'), 'data');
    const oldSchema = SQLITE_MIGRATIONS.filter((m) => m.version <= 3);
    expect(oldSchema.map((m) => m.version)).toEqual([1, 2, 3]);
    const token = newDeviceToken();
    // The file as Muster left it before migration 4: made by the migrations of the time.
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, SQLITE_FILE_NAME));
    for (const m of oldSchema) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    db.prepare(`INSERT INTO orgs (id, name, created_at) VALUES ('org-old', 'Old branch', '2025-01-01T00:00:00.000Z')`).run();
    db.prepare(
      `INSERT INTO device_tokens (id, org_id, token_hash, label, created_at) VALUES ('dt-old', 'org-old', ?, 'Old tablet', '2025-01-01T00:00:00.000Z')`,
    ).run(hashDeviceToken(token));
    db.close();

    const old = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
    try {
      const headers = { Authorization: `Bearer ${token}` };
      const me = (await (await fetch(new URL('/api/v1/whoami', old.url), { headers })).json()) as { device: unknown };
      expect(me.device).toEqual({ tokenId: 'dt-old', label: 'Old tablet', role: 'member' });
      const res = await fetch(new URL('/api/v1/playbooks', old.url), {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ playbook: riverside, baseRevision: null, note: 'First issue' }),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('not-editor');
    } finally {
      await old.close();
    }
  });
});

describe('rate limit', () => {
  // On the server's own clock, held still, as in the sync API's test.
  it('counts publishing and reading playbooks against the same per-device budget as syncing', async () => {
    const clock = Date.UTC(2026, 6, 14, 2, 0, 0);
    const store = openSqliteStore(join(makeTempDir('playbooks-rate'), 'data'));
    try {
      const at = new Date(clock).toISOString();
      await store.createOrg({ id: 'org-riverside', name: 'Riverside' }, at);
      const token = newDeviceToken();
      await store.addDeviceToken({ id: 'dt-busy', orgId: 'org-riverside', label: 'busy tablet', tokenHash: hashDeviceToken(token), role: 'editor' }, at);
      const app = createApp({ storage: store, version: 'test', staticDir: join(work, 'dist'), now: () => clock });
      const headers = { Authorization: `Bearer ${token}` };
      for (let i = 0; i < DEFAULT_RATE_LIMIT.burst; i++) expect((await app.request('/api/v1/whoami', { headers })).status).toBe(200);
      expect((await app.request('/api/v1/playbooks', { headers })).status).toBe(429);
      const refused = await app.request('/api/v1/playbooks', {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ playbook: riverside, baseRevision: null, note: 'First issue' }),
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await store.currentPlaybooks('org-riverside')).toEqual([]);
    } finally {
      store.close();
    }
  });
});
