import 'fake-indexeddb/auto';
import { openDb } from '../src/storage/db';
import { appendEvent, type WriteEnv } from '../src/storage/events';
import { median } from './measure';

/** Appending 1,000 events through the storage layer (event + outbox + clock, one transaction each). */
export async function benchAppend(): Promise<{ append1kEventsMs: number }> {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const db = openDb(`bench-${r}`);
    await db.open();
    let now = Date.UTC(2026, 6, 14, 2, 0, 0);
    const env: WriteEnv = { now: () => (now += 100), random: (b) => crypto.getRandomValues(b) };
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      await appendEvent(db, { streamId: 'bench', actor: 'bench', type: 'step.done', payload: { stepId: `s${i}` } }, env);
    }
    runs.push(performance.now() - start);
    db.close();
    await db.delete();
  }
  return { append1kEventsMs: median(runs) };
}
