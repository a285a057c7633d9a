import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCrowd, pushNote, type Crowd } from '../../bench/streams';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// One server process holds a whole branch's phones on their hint streams at once (issue 13,
// "Scale"); the bench measures 2,000 of them, this checks a few hundred in every run.

const PHONES = 300;
/** Each phone token opens 30 streams, inside the rate limiter's burst of 120 per token. */
const TOKENS = 10;

let server: RunningServer | undefined;
let crowd: Crowd | undefined;

afterEach(async () => {
  crowd?.close();
  await server?.close();
  removeTempDirs();
});

describe('one server holding many streams', () => {
  it('hints all 300 phones of the branch after one push, and ends every stream when it stops', async () => {
    const work = makeTempDir('many-streams');
    const dataDir = join(work, 'data');
    writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
    const store = openSqliteStore(dataDir);
    const at = '2026-07-14T02:00:00.000Z';
    await store.createOrg({ id: 'org-sz', name: 'Shenzhen branch' }, at);
    const issue = async (label: string): Promise<string> => {
      const token = newDeviceToken();
      await store.addDeviceToken({ id: `dt-${label}`, orgId: 'org-sz', label, tokenHash: hashDeviceToken(token) }, at);
      return token;
    };
    const phones: string[] = [];
    for (let i = 0; i < TOKENS; i++) phones.push(await issue(`phone-${i}`));
    const dutyOfficer = await issue('duty-officer');
    store.close();
    server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });

    // Every stream has heard where the branch stands once it is open.
    crowd = await openCrowd({ port: server.port, tokens: phones, count: PHONES });
    expect(crowd.size).toBe(PHONES);
    expect(server.hints.size()).toBe(PHONES);

    // The duty officer records a note: every phone hears its seq.
    const seq = await pushNote(`http://127.0.0.1:${server.port}`, dutyOfficer);
    await crowd.allHeard(seq);
    expect(crowd.latestSeq()).toBe(seq);

    // Stopping the server ends all 300 streams; none is left subscribed.
    await server.close();
    await crowd.allEnded();
    expect(server.hints.size()).toBe(0);
  });
});
