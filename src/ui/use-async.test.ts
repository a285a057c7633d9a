import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LOADING, runLoad, stateFor, useAsync, type AsyncState } from './use-async';

/** A promise settled by the test, when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function recorder<T>() {
  const reports: AsyncState<T>[] = [];
  return { reports, report: (s: AsyncState<T>) => void reports.push(s) };
}

describe('a load and how it settles', () => {
  it('reports the value once it arrives', async () => {
    const { reports, report } = recorder<string>();
    const load = deferred<string>();
    runLoad(() => load.promise, report);
    await settle();
    expect(reports).toEqual([]);
    load.resolve('plan');
    await settle();
    expect(reports).toEqual([{ status: 'ready', value: 'plan', error: undefined }]);
  });

  it('reports the error of a load that rejects, or throws before it returns a promise', async () => {
    const { reports, report } = recorder<string>();
    const boom = new Error('database closed');
    runLoad(() => Promise.reject(boom), report);
    runLoad(() => {
      throw boom;
    }, report);
    await settle();
    expect(reports).toEqual([
      { status: 'failed', value: undefined, error: boom },
      { status: 'failed', value: undefined, error: boom },
    ]);
  });

  it('drops the result of a load cancelled before it settled, and keeps the newer one when loads finish out of order', async () => {
    const { reports, report } = recorder<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    const cancelOlder = runLoad(() => older.promise, report);
    cancelOlder();
    runLoad(() => newer.promise, report);
    newer.resolve('fire, zh-CN');
    await settle();
    older.resolve('flood, en');
    await settle();
    expect(reports).toEqual([{ status: 'ready', value: 'fire, zh-CN', error: undefined }]);

    const failing = deferred<string>();
    runLoad(() => failing.promise, report)();
    failing.reject(new Error('late'));
    await settle();
    expect(reports).toHaveLength(1);
  });
});

describe('which state a screen shows', () => {
  const ready: AsyncState<number> = { status: 'ready', value: 7, error: undefined };

  it('shows a result only for the inputs it was loaded for', () => {
    expect(stateFor(undefined, ['a'])).toBe(LOADING);
    expect(stateFor({ deps: ['a', 1], state: ready }, ['a', 1])).toBe(ready);
    expect(stateFor({ deps: ['a', 1], state: ready }, ['a', 2])).toBe(LOADING);
    expect(stateFor({ deps: ['a'], state: ready }, ['a', 1])).toBe(LOADING);
    expect(stateFor({ deps: [], state: ready }, [])).toBe(ready);
  });

  it('compares inputs as React does: the same object, NaN equal to itself', () => {
    const db = {};
    expect(stateFor({ deps: [db, Number.NaN], state: ready }, [db, Number.NaN])).toBe(ready);
    expect(stateFor({ deps: [{}], state: ready }, [{}])).toBe(LOADING);
  });
});

describe('the hook', () => {
  it('is loading on the first render, before any effect has run', () => {
    function Probe() {
      const state = useAsync(() => Promise.resolve('never shown'), []);
      return createElement('p', null, state.status);
    }
    expect(renderToStaticMarkup(createElement(Probe))).toBe('<p>loading</p>');
  });
});
