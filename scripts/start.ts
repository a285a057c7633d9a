// `npm start`: build the app if its sources changed since the last build, then serve it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../src/server/main';
import { checkBuild } from './build-stale';

const root = fileURLToPath(new URL('..', import.meta.url));

const build = checkBuild(root);
if (build.stale) {
  console.log(`Building the app (${build.reason})…`);
  // --no: use the project's own vite, never download one.
  const result = spawnSync('npx', ['--no', '--', 'vite', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? (result.signal ? `stopped by ${result.signal}` : `exit code ${result.status}`);
    console.error(`The app build failed (npx vite build: ${why}). Fix the errors above, then run npm start again.`);
    process.exit(1);
  }
}

await main();
