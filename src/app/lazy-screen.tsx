import { createElement, lazy, type ComponentType } from 'react';

/**
 * A screen loaded on demand that renders at once when its code is already here. React.lazy
 * alone suspends on first render even for a loaded module, and React holds a revealed
 * Suspense boundary back for up to 300 ms; preloading the first screen before the first
 * render, and the others when the browser is idle, avoids both.
 */
export interface LazyScreen<P extends object> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
}

export function lazyScreen<M, P extends object>(load: () => Promise<M>, pick: (m: M) => ComponentType<P>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => (pending ??= load().then((m) => (loaded = pick(m))));
  const Fallback = lazy(() => preload().then((c) => ({ default: c })));
  function Screen(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Fallback as unknown as ComponentType<P>, props);
  }
  return { Component: Screen, preload };
}
