import { afterEach, describe, expect, it, vi } from 'vitest';
import { failedModuleAddress, lazyScreen } from './lazy-screen';

const ORIGIN = 'https://muster.branch.example';
const chunk = `${ORIGIN}/assets/PlaybookLibrary-DqmJ4o01.js`;
const Library = () => null;

afterEach(() => vi.unstubAllGlobals());

describe('the address a failed dynamic import names', () => {
  it('is read from Chromium’s and Firefox’s words, only for the app’s own scripts', () => {
    expect(failedModuleAddress(new TypeError(`Failed to fetch dynamically imported module: ${chunk}`), ORIGIN)).toBe(chunk);
    expect(failedModuleAddress(new TypeError(`error loading dynamically imported module: ${chunk}`), ORIGIN)).toBe(chunk);
    expect(failedModuleAddress(new TypeError('Importing a module script failed.'), ORIGIN)).toBeNull();
    expect(failedModuleAddress(new TypeError('Failed to fetch dynamically imported module: https://elsewhere.example/assets/a.js'), ORIGIN)).toBeNull();
    expect(failedModuleAddress(new TypeError(`Failed to fetch dynamically imported module: ${ORIGIN}/api/x.js`), ORIGIN)).toBeNull();
    expect(failedModuleAddress(new TypeError(`Failed to fetch dynamically imported module: ${chunk}?try=1`), ORIGIN)).toBeNull();
    expect(failedModuleAddress('not an error', ORIGIN)).toBeNull();
  });
});

describe('a screen whose code failed to load', () => {
  it('asks for it again at an address of its own (the browser keeps the failed one), and renders it once it comes', async () => {
    vi.stubGlobal('location', { origin: ORIGIN });
    const load = vi.fn(() => Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${chunk}`)));
    const asked: string[] = [];
    let serverAnswers = false;
    const importAgain = (address: string) => {
      asked.push(address);
      return serverAnswers ? Promise.resolve({ Library }) : Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${address}`));
    };
    const screen = lazyScreen(load, (m: { Library: typeof Library }) => m.Library, importAgain);
    await expect(screen.preload()).rejects.toThrow(/Failed to fetch/);
    await expect(screen.preload()).rejects.toThrow(/Failed to fetch/);
    serverAnswers = true;
    await expect(screen.preload()).resolves.toBe(Library);
    expect(load).toHaveBeenCalledTimes(1);
    expect(asked).toEqual([`${chunk}?try=1`, `${chunk}?try=2`]);
    // Loaded once, kept: no more requests.
    await expect(screen.preload()).resolves.toBe(Library);
    expect(asked).toHaveLength(2);
  });

  it('tries the same way again when the failure names no address', async () => {
    vi.stubGlobal('location', { origin: ORIGIN });
    let fails = true;
    const load = vi.fn(() => (fails ? Promise.reject(new TypeError('Importing a module script failed.')) : Promise.resolve({ Library })));
    const importAgain = vi.fn(() => Promise.resolve({ Library }));
    const screen = lazyScreen(load, (m: { Library: typeof Library }) => m.Library, importAgain);
    await expect(screen.preload()).rejects.toThrow();
    fails = false;
    await expect(screen.preload()).resolves.toBe(Library);
    expect(load).toHaveBeenCalledTimes(2);
    expect(importAgain).not.toHaveBeenCalled();
  });
});
