import { useEffect, useState, type DependencyList } from 'react';

/** Where a load stands: on its way, done with a value, or failed with the error it threw. */
export type AsyncState<T> =
  | { readonly status: 'loading'; readonly value: undefined; readonly error: undefined }
  | { readonly status: 'ready'; readonly value: T; readonly error: undefined }
  | { readonly status: 'failed'; readonly value: undefined; readonly error: unknown };

export const LOADING: AsyncState<never> = { status: 'loading', value: undefined, error: undefined };

/**
 * Starts `load` and reports once how it settled. After the returned cancel, nothing is reported:
 * a load overtaken by a newer one (the inputs changed, the screen closed) can never overwrite it.
 */
export function runLoad<T>(load: () => Promise<T>, report: (state: AsyncState<T>) => void): () => void {
  let current = true;
  // Through the constructor so that a load which throws before returning its promise fails like one that rejects.
  const settling = new Promise<T>((resolve) => resolve(load()));
  void settling.then(
    (value) => {
      if (current) report({ status: 'ready', value, error: undefined });
    },
    (error: unknown) => {
      if (current) report({ status: 'failed', value: undefined, error });
    },
  );
  return () => {
    current = false;
  };
}

/** What a failed load says to a person: an Error's message, or whatever else was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A settled state and the inputs it was loaded for. */
interface Settled<T> {
  readonly deps: DependencyList;
  readonly state: AsyncState<T>;
}

/**
 * What to show for `deps`: the settled state if it was loaded for these very inputs, else
 * loading. On the render where the inputs change, the effect that reloads has not run yet, and
 * the previous inputs' result must not show for the new ones even for that one frame.
 */
export function stateFor<T>(settled: Settled<T> | undefined, deps: DependencyList): AsyncState<T> {
  if (settled === undefined || settled.deps.length !== deps.length) return LOADING;
  return settled.deps.every((d, i) => Object.is(d, deps[i])) ? settled.state : LOADING;
}

/**
 * The result of an async `load`, run again whenever `deps` change (compared as useEffect
 * compares them); a result that arrives after the inputs changed or the screen closed is
 * dropped. `load` must read only what `deps` list.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [settled, setSettled] = useState<Settled<T>>();
  // `deps` stands for `load`, which is a new function on every render; the callers' lists
  // are checked by the linter (exhaustive-deps knows useAsync).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => runLoad(load, (state) => setSettled({ deps, state })), deps);
  return stateFor(settled, deps);
}
