import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, readServerConfig } from './config';
import { REPO_ROOT, StartError, startServer, type RunningServer } from './server';
import { StoreOpenError } from './storage/sqlite';

export { startServer } from './server';
export type { RunningServer, StartOptions } from './server';

/**
 * A stop request is answered within 5 s, so whoever runs Muster can rely on it. The drain cuts
 * connections at 4 s and then closes the database; this fires only if something hangs.
 */
const SHUTDOWN_DEADLINE_MS = 4_800;

/**
 * Starts Muster from the environment and stops it cleanly on SIGINT / SIGTERM. Start-up
 * problems a person can fix (busy port, bad PORT, unusable data file) are printed as one line
 * on stderr with exit code 1, without a stack trace.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let server: RunningServer;
  let dataDir: string;
  try {
    const config = readServerConfig(env, REPO_ROOT);
    dataDir = config.dataDir;
    server = await startServer(config);
  } catch (error) {
    const fixable = error instanceof ConfigError || error instanceof StartError || error instanceof StoreOpenError;
    // A fixable problem is one line; anything else keeps its stack for the bug report.
    console.error(fixable ? error.message : error);
    process.exit(1);
  }
  console.log(`Muster is running at ${server.url} (data in ${dataDir})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.log(`Muster: ${signal} again, still stopping…`);
      return;
    }
    stopping = true;
    const closed = server.close();
    const pending = server.inFlight();
    console.log(`Muster is stopping (${signal})${pending > 0 ? `, finishing ${pending} request(s)` : ''}…`);
    const deadline = setTimeout(() => {
      console.error('Muster did not stop in time; exiting anyway.');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    closed.then(
      () => {
        console.log('Muster stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Muster failed while stopping:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  await main();
}
