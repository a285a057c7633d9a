import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen loaded on demand that renders at once when its code is already here. React.lazy
 * alone suspends on first render even for a loaded module, and React holds a revealed
 * Suspense boundary back for up to 300 ms; preloading the first screen before the first
 * render, and the others when the browser is idle, avoids both.
 */
interface LazyScreen<P extends object> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
}

/** Screens whose code failed to load while on screen, each with how to give it a fresh try. */
const failed = new Set<() => void>();

/**
 * Lets each screen whose code failed to load fetch it again the next time it renders. Called
 * once the error is on screen, not when the load fails: React renders a screen again right
 * after its load settles, and a fresh attempt then would retry in a loop instead of saying so.
 */
export function retryFailedScreens(): void {
  for (const retry of failed) retry();
  failed.clear();
}

/**
 * The address of the app's own module a failed dynamic import names ("Failed to fetch
 * dynamically imported module: <address>", as Chromium and Firefox say it), or null.
 */
export function failedModuleAddress(error: unknown, origin: string): string | null {
  const found = error instanceof Error ? /(https?:\/\/[^\s'"?]+\.js(\?[^\s'"]*)?)/.exec(error.message)?.[1] : undefined;
  if (found === undefined) return null;
  try {
    const address = new URL(found);
    return address.origin === origin && address.pathname.startsWith('/assets/') && address.search === '' ? address.href : null;
  } catch {
    return null;
  }
}

/** Imports a module by its address; a separate function so tests can stand in for the browser. */
export type ImportByAddress = (address: string) => Promise<unknown>;

const importByAddress: ImportByAddress = (address) => import(/* @vite-ignore */ address);

export function lazyScreen<M, P extends object>(
  load: () => Promise<M>,
  pick: (m: M) => ComponentType<P>,
  importAgain: ImportByAddress = importByAddress,
): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  // A failed load is forgotten, so the next preload or visit fetches the code again (a network
  // that came back, a server that had a hiccup) instead of failing forever. The browser keeps a
  // failed module for the page's life (Chromium answers the same address with the same failure,
  // without asking the network), so a second try asks for it at an address of its own.
  let failedAt: string | null = null;
  let tries = 0;
  const attempt = (): Promise<M> => (failedAt === null ? load() : (importAgain(`${failedAt}?try=${++tries}`) as Promise<M>));
  const preload = () =>
    (pending ??= attempt().then(
      (m) => (loaded = pick(m)),
      (error: unknown) => {
        pending = null;
        failedAt ??= typeof location === 'undefined' ? null : failedModuleAddress(error, location.origin);
        throw error;
      },
    ));
  // React.lazy keeps a rejection for good, so a failed one is replaced by a new one.
  const fresh = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      preload().then(
        (c) => ({ default: c }),
        (error: unknown) => {
          failed.add(() => (Fallback = fresh()));
          throw error;
        },
      ),
    );
  let Fallback = fresh();
  function Screen(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Fallback as unknown as ComponentType<P>, props);
  }
  return { Component: Screen, preload };
}
