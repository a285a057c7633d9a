import type { SyncEngine } from '../../sync/controller';
import { holdLoadsAhead } from '../../ui/first-screen';

/**
 * While the engine runs a round, the screens loaded ahead wait (ui/first-screen.ts): each is a
 * module evaluated on the main thread, and the round's answers queue behind it. Measured with
 * `npm run bench` (pullIntoIndexedDb10kMs): a 10,000-event pull took about 1.3 s with them
 * loading beside it, 0.9 s without. Returns what stops watching (and lets them go).
 */
export function holdLoadsWhileSyncing(engine: Pick<SyncEngine, 'getStatus' | 'subscribe'>, hold: () => () => void = holdLoadsAhead): () => void {
  let release: (() => void) | null = null;
  const follow = () => {
    const { syncing } = engine.getStatus();
    if (syncing && release === null) release = hold();
    else if (!syncing && release !== null) {
      release();
      release = null;
    }
  };
  const unsubscribe = engine.subscribe(follow);
  follow();
  return () => {
    unsubscribe();
    release?.();
    release = null;
  };
}
