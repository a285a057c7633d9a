import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/domain/sync-protocol';
import { startServer, type RunningServer } from '../../src/server/server';
import { openSqliteStore, type SqliteEventStore } from '../../src/server/storage/sqlite';
import { hashDeviceToken, newDeviceToken } from '../../src/server/tokens';
import { makeTempDir, removeTempDirs, writeTree } from './support';

// Finding 6 of issue 16: a lone UTF-16 surrogate in a text was stored as invalid UTF-8, so the
// same bytes resent no longer matched the stored copy and came back as a "conflict".

let server: RunningServer;
let admin: SqliteEventStore;
const token = newDeviceToken();

beforeAll(async () => {
  const work = makeTempDir('well-formed');
  const dataDir = join(work, 'data');
  writeTree(work, { 'dist/index.html': '<!doctype html><title>Muster</title>' });
  admin = openSqliteStore(dataDir);
  const at = '2026-07-14T02:00:00.000Z';
  await admin.createOrg({ id: 'org-bank-sz', name: 'Shenzhen branch' }, at);
  await admin.addDeviceToken({ id: 'dt-commander', orgId: 'org-bank-sz', label: 'commander phone', tokenHash: hashDeviceToken(token) }, at);
  server = await startServer({ port: 0, dataDir, staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  admin.close();
  removeTempDirs();
});

/** The body goes out exactly as written: JSON's \uD83D escape is how a lone surrogate travels. */
async function pushText(body: string): Promise<PushResponse> {
  const res = await fetch(new URL('/api/v1/events', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PushResponse;
}

const NOTE_ID = '0198a000-0000-7000-8000-000000000601';
const brokenNote = `{"events":[{"id":"${NOTE_ID}","streamId":"inc-flood-b1","deviceId":"d-commander","actor":"王值班","hlc":"001784080800000-0000-d-commander","type":"note.added","payload":{"text":"消防车 \\uD83D 已到场"},"v":1}]}`;

describe('a push with a lone surrogate in a text', () => {
  it('is refused as invalid, naming the field, and nothing is stored', async () => {
    const answer = await pushText(brokenNote);
    expect(answer.results).toEqual([
      {
        id: NOTE_ID,
        status: 'rejected',
        code: 'invalid',
        reason: 'payload.text: the text holds a broken character (a lone UTF-16 surrogate \\uD83D at position 4); texts must be well-formed Unicode',
      },
    ]);
    expect(admin.db.prepare('SELECT count(*) AS n FROM events WHERE id = ?').get(NOTE_ID)).toEqual({ n: 0 });
  });

  it('is refused the same way when resent, never as a conflict', async () => {
    const again = await pushText(brokenNote);
    expect(again.results[0]).toMatchObject({ id: NOTE_ID, status: 'rejected', code: 'invalid' });
  });

  it('names the actor when the broken character is there', async () => {
    const answer = await pushText(brokenNote.replace('"王值班"', '"王\\uDE92"').replace('\\uD83D', '🚒'));
    expect(answer.results[0]).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      reason: expect.stringMatching(/^actor: the text holds a broken character/) as unknown,
    });
  });

  it('accepts the note once the text is whole (a full emoji is a pair, not a lone half)', async () => {
    const answer = await pushText(brokenNote.replace('\\uD83D', '\\uD83D\\uDE92'));
    expect(answer.results[0]).toMatchObject({ id: NOTE_ID, status: 'accepted' });
    expect((await pushText(brokenNote.replace('\\uD83D', '🚒'))).results[0]).toMatchObject({ id: NOTE_ID, status: 'duplicate' });
  });
});
