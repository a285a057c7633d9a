import { afterEach, expect, it } from 'vitest';
import { syncOnce } from '../../src/sync/engine';
import { removeTempDirs, T0, tempDir, TestDevice, TestServer } from './support';

afterEach(() => removeTempDirs());

it('smoke', async () => {
  const server = new TestServer(tempDir('smoke'));
  await server.addOrg('org-a');
  const token = await server.issueToken('org-a');
  const a = new TestDevice('a', () => T0);
  const b = new TestDevice('b', () => T0);
  await a.enrol(token);
  await b.enrol(token);
  await a.record({ streamId: 'inc-1', actor: 'Wang', type: 'note.added', payload: { text: 'hello' } });
  const r1 = await syncOnce({ db: a.db, transport: a.transport(server, token), now: () => a.now() });
  const r2 = await syncOnce({ db: b.db, transport: b.transport(server, token), now: () => b.now() });
  console.log(r1, r2);
  expect(await b.eventIds()).toEqual(await a.eventIds());
  server.close();
});
