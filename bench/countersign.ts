import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTERSIGN_PATH, sha256Hex } from '../src/domain/report';
import { startServer } from '../src/server/server';
import { openSqliteStore } from '../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../src/server/tokens';
import { median } from './measure';

/**
 * What countersigning adds to an online export: the median time of POST /api/v1/countersign
 * over real HTTP to a real server and SQLite file (token check, key read, Ed25519 signature),
 * once the organisation's key exists. 50 requests, one at a time.
 */
export async function benchCountersign(): Promise<{ countersignMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'muster-bench-countersign-'));
  const dataDir = join(dir, 'data');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Muster</title>');
  const setup = openSqliteStore(dataDir);
  const token = newDeviceToken();
  const at = new Date(0).toISOString();
  await setup.createOrg({ id: 'org-bench', name: 'Bench' }, at);
  await setup.addDeviceToken({ id: 'dt-bench', orgId: 'org-bench', label: 'Bench phone', tokenHash: hashDeviceToken(token) }, at);
  setup.close();
  const server = await startServer({ port: 0, dataDir, staticDir: dir });
  try {
    const sign = async (i: number) => {
      const res = await fetch(new URL(COUNTERSIGN_PATH, server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ headerHash: sha256Hex(`report ${i}`) }),
      });
      if (res.status !== 200) throw new Error(`countersign answered ${res.status}: ${await res.text()}`);
      await res.json();
    };
    await sign(-1); // makes the key
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await sign(i);
      times.push(performance.now() - t);
    }
    return { countersignMs: Math.round(median(times) * 100) / 100 };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchCountersign());
