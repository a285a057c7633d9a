// `npm start`: build the app if its sources changed since the last build, then serve it.
import { main } from '../src/server/main';
import { ensureBuilt } from '../build/build-app';

try {
  ensureBuilt({ logLevel: 'warn' });
} catch (error) {
  const status = (error as { status?: unknown }).status;
  const why = typeof status === 'number' ? `exit code ${status}` : error instanceof Error ? error.message : String(error);
  console.error(`The app build failed (vite build: ${why}). Fix the errors above, then run npm start again.`);
  process.exit(1);
}

await main();
