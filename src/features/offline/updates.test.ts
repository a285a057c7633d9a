import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyUpdate,
  checkForUpdate,
  postponeUpdate,
  setUpdateController,
  setRegistrar,
  updateWaiting,
  updatedElsewhere,
  useUpdates,
  type UpdateController,
} from './updates';

function controller(found: Awaited<ReturnType<UpdateController['check']>> | Error = 'none') {
  return {
    apply: vi.fn<() => void>(),
    check: vi.fn(() => (found instanceof Error ? Promise.reject(found) : Promise.resolve(found))),
  };
}

beforeEach(() => {
  useUpdates.setState({ phase: 'none', dismissed: false, check: 'idle', controller: null });
});

describe('a new version is offered, never forced', () => {
  it('nothing is applied until the user accepts a waiting version', () => {
    const c = controller();
    setUpdateController(c);
    applyUpdate(); // no version waiting: nothing to accept
    expect(c.apply).not.toHaveBeenCalled();
    updateWaiting();
    expect(useUpdates.getState().phase).toBe('waiting');
    expect(c.apply).not.toHaveBeenCalled();
    applyUpdate();
    expect(c.apply).toHaveBeenCalledTimes(1);
    expect(useUpdates.getState().phase).toBe('applying');
    applyUpdate(); // a second tap does not message the worker again
    updateWaiting(); // nor does a late "waiting" bring the offer back mid-update
    expect(c.apply).toHaveBeenCalledTimes(1);
    expect(useUpdates.getState().phase).toBe('applying');
  });

  it('"Later" hides the offer until the next version', () => {
    updateWaiting();
    postponeUpdate();
    expect(useUpdates.getState()).toMatchObject({ phase: 'waiting', dismissed: true });
    updateWaiting();
    expect(useUpdates.getState().dismissed).toBe(false);
  });

  it('an update accepted in another tab asks this one to reload', () => {
    updatedElsewhere();
    expect(useUpdates.getState().phase).toBe('updatedElsewhere');
  });
});

describe('"check for update" on the settings screen', () => {
  it('says when no service worker is registered (development, old browsers)', async () => {
    await checkForUpdate();
    expect(useUpdates.getState().check).toBe('unavailable');
  });

  it('asked before the app has registered its worker (settings opened first), registers it at once and checks', async () => {
    let registered = 0;
    setRegistrar(() => {
      registered += 1;
      setUpdateController(controller('none'));
      return Promise.resolve();
    });
    try {
      await checkForUpdate();
      expect(registered).toBe(1);
      expect(useUpdates.getState().check).toBe('upToDate');
    } finally {
      setRegistrar(null);
    }
  });

  it.each([
    ['none', 'upToDate'],
    ['installing', 'found'],
    ['waiting', 'ready'],
  ] as const)('the server has %s: %s', async (found, shown) => {
    setUpdateController(controller(found));
    await checkForUpdate();
    expect(useUpdates.getState().check).toBe(shown);
  });

  it('brings back an offer the user postponed', async () => {
    updateWaiting();
    postponeUpdate();
    setUpdateController(controller('waiting'));
    await checkForUpdate();
    expect(useUpdates.getState()).toMatchObject({ check: 'ready', dismissed: false });
  });

  it('a check that cannot reach the server says so', async () => {
    setUpdateController(controller(new TypeError('Failed to update a ServiceWorker')));
    await checkForUpdate();
    expect(useUpdates.getState().check).toBe('failed');
  });
});
