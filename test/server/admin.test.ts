import { spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminUsageError, enrolmentLink, publicBaseUrl, runAdmin, terminalQr } from '../../src/server/admin';
import { createApp } from '../../src/server/app';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, hashEnrolmentCode, newDeviceToken } from '../../src/server/tokens';
import { freePort, makeTempDir, REPO_ROOT, removeTempDirs, spawnServer, stopStrayServers, writeTree } from './support';

afterEach(() => {
  stopStrayServers();
  removeTempDirs();
});

/** Reads a terminal QR code back into pixels (light modules drawn, dark ones blank) and decodes it. */
function decodeTerminalQr(text: string): string | null {
  const rows = text
    .split('\n')
    // eslint-disable-next-line no-control-regex
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, ''))
    .filter((line) => /^[█▀▄ ]+$/.test(line) && line.length > 20);
  const width = rows[0]?.length ?? 0;
  const modules: boolean[][] = []; // true = dark
  for (const line of rows) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (const ch of line) {
      top.push(!(ch === '█' || ch === '▀'));
      bottom.push(!(ch === '█' || ch === '▄'));
    }
    modules.push(top, bottom);
  }
  const scale = 4;
  const w = width * scale;
  const h = modules.length * scale;
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dark = modules[Math.floor(y / scale)]?.[Math.floor(x / scale)] ?? false;
      const i = (y * w + x) * 4;
      pixels[i] = pixels[i + 1] = pixels[i + 2] = dark ? 0 : 255;
      pixels[i + 3] = 255;
    }
  }
  return jsQR(pixels, w, h)?.data ?? null;
}

function admin(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run admin', () => {
  it('creates an organisation, enrols a device with a link and QR code, and revokes it while the server runs', async () => {
    const work = makeTempDir('admin');
    writeTree(work, { 'dist/index.html': '<!doctype html>' });
    const dataDir = join(work, 'data');

    const created = admin(dataDir, 'org', 'create', 'Shenzhen', 'Branch', '--id', 'sz-branch');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Created organisation sz-branch (Shenzhen Branch).');

    const added = admin(dataDir, 'device', 'add', 'sz-branch', "Commander's", 'tablet', '--url', 'https://muster.example.org/');
    expect(added.status).toBe(0);
    const link = /https:\/\/muster\.example\.org\/enrol#code=(mse_[A-Za-z0-9_-]{22})/.exec(added.stdout);
    expect(link).not.toBeNull();
    expect(added.stdout).not.toContain('mst_');
    // The QR code printed under the link opens the same link.
    expect(decodeTerminalQr(added.stdout)).toBe(link![0]);
    const tokenId = /device revoke (dt-[0-9a-f]+)/.exec(added.stdout)![1]!;

    const port = await freePort();
    const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: join(work, 'dist') });
    await server.waitForOutput(/Muster is running/);
    // The tablet opens the link: it trades the one-time code for its own token.
    const enrolled = await fetch(`http://127.0.0.1:${port}/api/v1/enrol`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Connection: 'close' },
      body: JSON.stringify({ code: link![1] }),
    });
    expect(enrolled.status).toBe(200);
    const { token } = (await enrolled.json()) as { token: string };
    // A new connection for each request: between two of them this test blocks in spawnSync for
    // seconds, long enough for the server to close an idle keep-alive connection unnoticed.
    const whoami = (): Promise<{ status: number; body: unknown }> =>
      new Promise((resolve, reject) => {
        get({ host: '127.0.0.1', port, path: '/api/v1/whoami', headers: { Authorization: `Bearer ${token}` }, agent: false }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
        }).on('error', reject);
      });
    const me = await whoami();
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ org: { id: 'sz-branch', name: 'Shenzhen Branch' }, device: { tokenId, label: "Commander's tablet", role: 'member' } });

    const listed = admin(dataDir, 'device', 'list', 'sz-branch');
    expect(listed.stdout).toMatch(new RegExp(`${tokenId}\\tCommander's tablet\\tmember\\tissued \\S+\\tactive`));
    expect(listed.stdout).not.toContain(token);

    // The commander's tablet may publish playbooks from its next request on, server still running.
    const promoted = admin(dataDir, 'device', 'role', tokenId, 'editor');
    expect(promoted.status).toBe(0);
    expect(promoted.stdout).toContain(`${tokenId} ("Commander's tablet") is now an editor`);
    expect(((await whoami()).body as { device: { role: string } }).device.role).toBe('editor');
    expect(admin(dataDir, 'device', 'list', 'sz-branch').stdout).toMatch(new RegExp(`${tokenId}\\tCommander's tablet\\teditor\\t`));

    const revoked = admin(dataDir, 'device', 'revoke', tokenId);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${tokenId} ("Commander's tablet")`);
    expect((await whoami()).status).toBe(401);
    expect(admin(dataDir, 'device', 'list', 'sz-branch').stdout).toMatch(/\trevoked \S+/);
  }, 180_000);

  it('explains a wrong command line and exits 1', { timeout: 60_000 }, () => {
    const dataDir = join(makeTempDir('admin-usage'), 'data');
    const r = admin(dataDir, 'device', 'add', 'nowhere', 'phone', '--url', 'https://x.org');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No organisation nowhere');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('admin commands', () => {
  const io = () => {
    const lines: string[] = [];
    return {
      lines,
      io: {
        out: (l: string) => void lines.push(l),
        now: () => Date.UTC(2026, 6, 14, 2),
        env: {} as Record<string, string | undefined>,
        dataDir: makeTempDir('admin-io'),
      },
    };
  };

  it('stores only the hash of the one-time code it prints', async () => {
    const store = openSqliteStore(makeTempDir('admin-hash'));
    try {
      const { lines, io: out } = io();
      await runAdmin(['org', 'create', 'Bank', '--id', 'bank'], store, out);
      await runAdmin(['device', 'add', 'bank', 'phone', '--url', 'https://m.example.org', '--no-qr'], store, out);
      const code = /#code=(\S+)/.exec(lines.join('\n'))![1]!;
      const [row] = store.db.prepare('SELECT * FROM enrolment_codes').all() as Record<string, unknown>[];
      expect(JSON.stringify(row)).not.toContain(code);
      expect(row?.code_hash).toBe(hashEnrolmentCode(code));
      expect(lines.join('\n')).not.toContain('█');
    } finally {
      store.close();
    }
  });

  it.each([
    [['org', 'create'], /Give the organisation a name/],
    [['org', 'create', 'X', '--id', 'Bad Id'], /--id must be/],
    [['device', 'add', 'bank'], /Say which organisation and whose device/],
    [['device', 'revoke'], /Say which token/],
    [['device', 'revoke', 'dt-nope'], /No device token dt-nope/],
    [['device', 'add', 'bank', 'phone', '--role', 'admin', '--url', 'https://m.example.org'], /--role must be member, editor or head-office; got "admin"/],
    [['device', 'add', 'bank', 'phone', '--role'], /--role needs a value/],
    [['device', 'role'], /Say which token and which role: device role <token-id> member\|editor/],
    [['device', 'role', 'dt-nope'], /Say which token and which role/],
    [['device', 'role', 'dt-nope', 'editor'], /No device token dt-nope/],
    [['device', 'role', 'dt-nope', 'owner'], /The role must be member, editor or head-office; got "owner"/],
    [['org', 'create', 'X', '--colour', 'red'], /Unknown option --colour/],
    [['org', 'create', 'Shenzhen', '--parent', 'nowhere'], /No organisation nowhere to put "Shenzhen" under\. See: npm run admin -- org list/],
    [['org', 'create', 'Shenzhen', '--parent'], /--parent needs a value/],
    [['org', 'parent'], /Say which organisation goes under which: org parent <org-id> <parent-id>, or org parent <org-id> none/],
    [['org', 'parent', 'sz'], /Say which organisation goes under which/],
    [['org', 'parent', 'nowhere', 'none'], /No organisation nowhere\. See: npm run admin -- org list/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('refuses %j with a hint', async (args, message) => {
    const store = openSqliteStore(makeTempDir('admin-args'));
    try {
      await expect(runAdmin(args, store, io().io)).rejects.toThrow(message);
    } finally {
      store.close();
    }
  });

  it('issues a member token unless told --role editor, lists each role, and changes a role with device role', async () => {
    const store = openSqliteStore(makeTempDir('admin-roles'));
    try {
      const { lines, io: out } = io();
      await runAdmin(['org', 'create', 'Bank', '--id', 'bank'], store, out);
      await runAdmin(['device', 'add', 'bank', 'Duty', 'phone', '--url', 'https://m.example.org', '--no-qr'], store, out);
      await runAdmin(['device', 'add', 'bank', "Safety officer's", 'tablet', '--role', 'editor', '--url', 'https://m.example.org', '--no-qr'], store, out);
      expect(lines.join('\n')).toContain('for "Duty phone" in Bank (bank), as a member');
      expect(lines.join('\n')).toContain('for "Safety officer\'s tablet" in Bank (bank), as an editor (it may publish playbooks)');
      // Each phone opens its link: the token it gets has the role the link was issued with.
      for (const [, code] of lines.join('\n').matchAll(/#code=(\S+)/g)) {
        await store.redeemEnrolmentCode(hashEnrolmentCode(code!), hashDeviceToken(newDeviceToken()), null, '2026-07-14T02:00:00.000Z');
      }
      // Issued in the same instant, so listed in token id order: found by label here.
      const tokens = await store.listDeviceTokens('bank');
      const duty = tokens.find((t) => t.label === 'Duty phone');
      const safety = tokens.find((t) => t.label === "Safety officer's tablet");
      expect([duty?.role, safety?.role]).toEqual(['member', 'editor']);

      lines.length = 0;
      await runAdmin(['device', 'list', 'bank'], store, out);
      expect(lines).toHaveLength(2);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^${duty!.id}\tDuty phone\tmember\tissued `)),
          expect.stringMatching(new RegExp(`^${safety!.id}\tSafety officer's tablet\teditor\tissued `)),
        ]),
      );

      lines.length = 0;
      await runAdmin(['device', 'role', safety!.id, 'member'], store, out);
      expect(lines).toEqual([
        `${safety!.id} ("Safety officer's tablet") is now a member (it syncs and reads playbooks; it may not publish them), from its next request on.`,
      ]);
      expect((await store.listDeviceTokens('bank')).map((t) => t.role)).toEqual(['member', 'member']);
    } finally {
      store.close();
    }
  });

  it('lists the device commands and their roles in the usage text', async () => {
    const store = openSqliteStore(makeTempDir('admin-help'));
    try {
      const { lines, io: out } = io();
      await runAdmin(['help'], store, out);
      const usage = lines.join('\n');
      expect(usage).toContain('device add <org-id> <label> [--role member|editor|head-office] [--expires <hours>]');
      expect(usage).toContain('device role <token-id> member|editor|head-office');
      expect(usage).toContain('org create <name> [--id <id>] [--parent <org-id>]');
      expect(usage).toContain('org parent <org-id> <parent-id>|none');
      // What a head-office device may do, in the administrator's words.
      expect(usage.replace(/\s+/g, ' ')).toContain('A head-office device reads, live, the events of every organisation below its own');
      expect(usage.replace(/\s+/g, ' ')).toContain('writes nothing: it pushes no events and publishes no playbooks');
    } finally {
      store.close();
    }
  });

  it('needs the address phones use, and puts the one-time code in the fragment', () => {
    expect(() => publicBaseUrl(undefined)).toThrow(AdminUsageError);
    expect(() => publicBaseUrl('muster.example.org')).toThrow(/full address/);
    expect(() => publicBaseUrl('ftp://muster.example.org')).toThrow(/https/);
    expect(() => publicBaseUrl('https://muster.example.org/?x=1')).toThrow(/no path, \? or #/);
    // The app's pages are at the root of its address; a path in front of them would break every link.
    expect(() => publicBaseUrl('https://muster.example.org/sub/')).toThrow(/no path/);
    expect(publicBaseUrl('https://muster.example.org/')).toBe('https://muster.example.org');
    expect(publicBaseUrl('HTTPS://Muster.Example.org:443')).toBe('https://muster.example.org');
    const link = enrolmentLink('https://muster.example.org', 'mse_abc');
    expect(new URL(link).hash).toBe('#code=mse_abc');
    expect(new URL(link).search).toBe('');
  });

  it('draws a QR code any phone camera can read', () => {
    const text = 'https://muster.branch-sz.example.org/enrol#code=mse_' + 'x'.repeat(22);
    expect(decodeTerminalQr(terminalQr(text))).toBe(text);
  });
});

describe('an organisation tree: head office, regions, branches', () => {
  const io = () => {
    const lines: string[] = [];
    return {
      lines,
      io: { out: (l: string) => void lines.push(l), now: () => Date.UTC(2026, 6, 14, 2), env: {}, dataDir: makeTempDir('admin-tree-io') },
    };
  };
  const at = '2026-07-14T02:00:00.000Z';

  async function withTree(run: (store: SqliteEventStore, out: ReturnType<typeof io>) => Promise<void>): Promise<void> {
    const store = openSqliteStore(makeTempDir('admin-tree'));
    try {
      const out = io();
      await runAdmin(['org', 'create', 'Head office', '--id', 'hq'], store, out.io);
      await runAdmin(['org', 'create', 'South region', '--id', 'rg-south', '--parent', 'hq'], store, out.io);
      await runAdmin(['org', 'create', 'Shenzhen', '--id', 'br-sz', '--parent', 'rg-south'], store, out.io);
      await runAdmin(['org', 'create', 'Guangzhou', '--id', 'br-gz', '--parent', 'rg-south'], store, out.io);
      await runAdmin(['org', 'create', 'Another bank', '--id', 'other'], store, out.io);
      await run(store, out);
    } finally {
      store.close();
    }
  }

  it('creates a branch under its region and says who sees it', async () => {
    await withTree(async (store, { lines }) => {
      expect(lines).toContain('Created organisation br-sz (Shenzhen), under South region (rg-south).');
      expect(lines).toContain('Head-office devices of rg-south and of the organisations above it see its events, read only.');
      expect(lines).toContain('Created organisation other (Another bank).');
      expect((await store.getOrg('br-sz'))?.parentId).toBe('rg-south');
      expect((await store.getOrg('other'))?.parentId).toBeNull();
    });
  });

  it('lists the organisations as a tree, each under the one it reports to', async () => {
    await withTree(async (store, { lines, io: out }) => {
      lines.length = 0;
      await runAdmin(['org', 'list'], store, out);
      expect(lines).toEqual([
        `other\tAnother bank\tcreated ${at}`,
        `hq\tHead office\tcreated ${at}\t1 directly below`,
        `  rg-south\tSouth region\tcreated ${at}\t2 directly below`,
        `    br-gz\tGuangzhou\tcreated ${at}`,
        `    br-sz\tShenzhen\tcreated ${at}`,
      ]);
    });
  });

  it('moves an organisation under another, or under none, and refuses a loop naming both', async () => {
    await withTree(async (store, { lines, io: out }) => {
      lines.length = 0;
      await runAdmin(['org', 'parent', 'other', 'hq'], store, out);
      expect(lines).toEqual([
        'other (Another bank) now reports to hq (Head office): head-office devices of hq and above see its events from their next request.',
      ]);
      expect((await store.descendantOrgs('hq')).map((o) => o.id)).toContain('other');

      await expect(runAdmin(['org', 'parent', 'hq', 'br-sz'], store, out)).rejects.toThrow(
        /^hq \(Head office\) cannot go under br-sz \(Shenzhen\): br-sz is below hq, so that would make a loop\. Move br-sz out first/,
      );
      await expect(runAdmin(['org', 'parent', 'rg-south', 'rg-south'], store, out)).rejects.toThrow(/rg-south cannot be put under itself/);
      await expect(runAdmin(['org', 'parent', 'br-sz', 'nowhere'], store, out)).rejects.toThrow(/No organisation nowhere to put br-sz under/);
      // Nothing moved on a refusal.
      expect((await store.getOrg('hq'))?.parentId).toBeNull();
      expect((await store.getOrg('rg-south'))?.parentId).toBe('hq');

      lines.length = 0;
      await runAdmin(['org', 'parent', 'rg-south', 'none'], store, out);
      expect(lines).toEqual(['rg-south (South region) now reports to no organisation: it is a top organisation, and no head office sees its events.']);
      expect((await store.descendantOrgs('hq')).map((o) => o.id)).toEqual(['other']);
      // Now the region may take head office under it: hq is no longer above it.
      await runAdmin(['org', 'parent', 'hq', 'rg-south'], store, out);
      expect((await store.descendantOrgs('rg-south')).map((o) => o.id)).toEqual(['other', 'br-gz', 'hq', 'br-sz']);
    });
  });

  it('issues a head-office enrolment link whose token reads the branches and writes nothing', async () => {
    await withTree(async (store, { lines, io: out }) => {
      lines.length = 0;
      await runAdmin(['device', 'add', 'hq', 'Duty', 'desk', '--role', 'head-office', '--url', 'https://m.example.org', '--no-qr'], store, out);
      expect(lines.join('\n')).toContain(
        `for "Duty desk" in Head office (hq), as head office (it reads every branch's events below its organisation; it writes nothing)`,
      );
      expect(lines.join('\n')).not.toContain('no organisation is below');
      const code = /#code=(\S+)/.exec(lines.join('\n'))![1]!;

      // The desk opens the link: the token it gets is head office's.
      const dist = makeTempDir('admin-tree-dist');
      writeTree(dist, { 'index.html': '<!doctype html><title>Muster</title>' });
      const app = createApp({ storage: store, version: 'test', staticDir: dist, now: () => Date.UTC(2026, 6, 14, 3) });
      const enrolled = await app.request('/api/v1/enrol', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
      expect(enrolled.status).toBe(200);
      const { token, role } = (await enrolled.json()) as { token: string; role: string };
      expect(role).toBe('head-office');
      const get = (path: string): Promise<Response> => Promise.resolve(app.request(path, { headers: { Authorization: `Bearer ${token}` } }));
      expect(((await (await get('/api/v1/whoami')).json()) as { device: { role: string } }).device.role).toBe('head-office');
      const branches = (await (await get('/api/v1/branches')).json()) as { branches: { id: string }[] };
      expect(branches.branches.map((b) => b.id)).toEqual(['br-gz', 'br-sz', 'rg-south']);
      expect((await store.listDeviceTokens('hq')).map((t) => [t.label, t.role])).toEqual([['Duty desk', 'head-office']]);

      // A head-office link for an organisation with nothing below it says so.
      lines.length = 0;
      await runAdmin(['device', 'add', 'other', 'Desk', '--role', 'head-office', '--url', 'https://m.example.org', '--no-qr'], store, out);
      expect(lines).toContain(
        'Note: no organisation is below other yet, so this device will see no branches. Add one: npm run admin -- org create "<name>" --parent other',
      );
    });
  });
});

describe('enrolment addresses phones can work offline at', () => {
  it('refuses a plain-HTTP LAN address with the reason and exits 1, unless --insecure', { timeout: 120_000 }, () => {
    const dataDir = join(makeTempDir('admin-insecure'), 'data');
    expect(admin(dataDir, 'org', 'create', 'Riverside', '--id', 'riverside').status).toBe(0);

    const refused = admin(dataDir, 'device', 'add', 'riverside', 'Duty phone', '--url', 'http://192.168.1.20:8080');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('http://192.168.1.20:8080 is plain HTTP');
    expect(refused.stderr).toContain('cannot work offline');
    expect(refused.stderr).toContain('--insecure');
    expect(refused.stdout).not.toContain('/enrol#');
    // Nothing was issued for the refused link.
    expect(admin(dataDir, 'device', 'list', 'riverside').stdout).toContain('No devices in riverside.');

    const forced = admin(dataDir, 'device', 'add', 'riverside', 'Duty phone', '--url', 'http://192.168.1.20:8080', '--insecure', '--no-qr');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^http:\/\/192\.168\.1\.20:8080\/enrol#code=mse_/m);

    // This PC itself is a secure context even over HTTP.
    const local = admin(dataDir, 'device', 'add', 'riverside', 'Desk PC', '--url', 'http://127.0.0.1:8080', '--no-qr');
    expect(local.status).toBe(0);
  });
});
