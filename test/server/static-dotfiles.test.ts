import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/server';
import { isDotPath } from '../../src/server/static-files';
import { makeTempDir, rawGet, removeTempDirs, writeTree } from './support';

// Finding 10 of issue 16 (the static part): files whose names start with a dot, copied into the
// built app's folder by mistake, were served to anyone.

const SECRET = 'DATABASE_PASSWORD=hunter2';
let server: RunningServer;

beforeAll(async () => {
  const work = makeTempDir('dotfiles');
  writeTree(work, {
    'dist/index.html': '<!doctype html><title>Muster shell</title>',
    'dist/app.js': 'export const ok = true;',
    'dist/.env': SECRET,
    'dist/.git/config': `[remote "origin"]\n\turl = https://${SECRET}@example.org/muster.git\n`,
    'dist/.well-known/security.txt': SECRET,
    'dist/assets/.hidden/a.js': SECRET,
    'dist/assets/.DS_Store': SECRET,
  });
  server = await startServer({ port: 0, dataDir: join(work, 'data'), staticDir: join(work, 'dist') });
});

afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('the static server serves no dotfile', () => {
  it.each([
    '/.env',
    '/.git/config',
    '/.git/',
    '/.well-known/security.txt',
    '/assets/.hidden/a.js',
    '/assets/.DS_Store',
    '/%2Eenv',
    '/%2egit/config',
    '/.env?x=1',
  ])('answers 404 to %s, with none of its content', async (path) => {
    const answer = await rawGet(server.port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('hunter2');
    expect(answer.body).not.toContain('Muster shell');
  });

  it('still serves the app’s files and its deep links', async () => {
    expect((await rawGet(server.port, '/app.js')).status).toBe(200);
    const deepLink = await rawGet(server.port, '/incidents/inc-flood-b1');
    expect(deepLink.status).toBe(200);
    expect(deepLink.body).toContain('Muster shell');
  });
});

describe('isDotPath', () => {
  it.each([
    ['/.env', true],
    ['/a/.b/c', true],
    ['/%2Eenv', true],
    ['/a/..', true],
    ['/env', false],
    ['/assets/app.1f3a.js', false],
    ['/routes/a/b/c', false],
    ['/', false],
  ])('%s → %s', (path, expected) => {
    expect(isDotPath(path)).toBe(expected);
  });
});
