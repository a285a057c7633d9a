import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuild, isBuildStale } from '../../build/build-app';
import { makeTempDir, removeTempDirs, writeTree } from './support';

afterEach(() => removeTempDirs());

const BUILT_AT = new Date('2025-07-01T02:00:00Z');
const BEFORE = new Date('2025-07-01T01:00:00Z');
const AFTER = new Date('2025-07-01T03:00:00Z');

/** A repository whose every input predates the build in dist/. */
function builtProject(): string {
  const root = makeTempDir('build');
  const files = {
    'index.html': '<div id="root"></div>',
    'vite.config.ts': 'export default {}',
    'src/app/App.tsx': 'export function App() {}',
    'src/app/App.test.tsx': 'test',
    'src/server/main.ts': 'server',
    'public/icon.svg': '<svg/>',
    'scenarios/flood.json': '{}',
    'dist/index.html': '<html></html>',
  };
  writeTree(root, files);
  for (const path of Object.keys(files)) touch(root, path, BEFORE);
  touch(root, 'dist/index.html', BUILT_AT);
  return root;
}

function touch(root: string, path: string, when: Date): void {
  utimesSync(join(root, path), when, when);
}

describe('deciding whether npm start must build the app first', () => {
  it('builds when there is no dist/index.html', () => {
    const root = makeTempDir('nobuild');
    writeTree(root, { 'index.html': '', 'src/main.tsx': '' });
    expect(checkBuild(root)).toEqual({ stale: true, reason: 'dist/index.html is missing' });
  });

  it('does not build when nothing changed since the last build', () => {
    expect(checkBuild(builtProject())).toEqual({ stale: false, reason: 'dist/ is up to date' });
  });

  it.each(['src/app/App.tsx', 'index.html', 'vite.config.ts', 'public/icon.svg', 'scenarios/flood.json'])(
    'builds when %s changed after the build, and says so',
    (path) => {
      const root = builtProject();
      touch(root, path, AFTER);
      expect(checkBuild(root)).toEqual({ stale: true, reason: `${path} changed after the last build` });
      expect(isBuildStale(root)).toBe(true);
    },
  );

  it('builds when a new source file appears in a new folder', () => {
    const root = builtProject();
    writeTree(root, { 'src/features/routes/FloorRoute.tsx': 'export {}' });
    touch(root, 'src/features/routes/FloorRoute.tsx', AFTER);
    expect(isBuildStale(root)).toBe(true);
  });

  it.each(['src/server/main.ts', 'src/app/App.test.tsx'])('ignores %s, which is not in the browser bundle', (path) => {
    const root = builtProject();
    touch(root, path, AFTER);
    expect(isBuildStale(root)).toBe(false);
  });

  it('does not mind a project without public/ or scenarios/', () => {
    const root = makeTempDir('minimal');
    writeTree(root, { 'index.html': '', 'src/main.tsx': '', 'dist/index.html': '' });
    touch(root, 'index.html', BEFORE);
    touch(root, 'src/main.tsx', BEFORE);
    touch(root, 'dist/index.html', BUILT_AT);
    expect(isBuildStale(root)).toBe(false);
  });
});
