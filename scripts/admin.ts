// `npm run admin -- …`: organisations and device tokens (see src/server/admin.ts).
import { ConfigError, readServerConfig } from '../src/server/config';
import { AdminUsageError, runAdmin } from '../src/server/admin';
import { REPO_ROOT } from '../src/server/server';
import { openEventStore } from '../src/server/storage/open';
import { StoreOpenError } from '../src/server/storage/sqlite';
import type { EventStore } from '../src/server/storage/types';

// The same database as the server: DATABASE_URL's PostgreSQL when set, else DATA_DIR's SQLite file.
let store: EventStore;
let dataDir: string;
try {
  const config = readServerConfig(process.env, REPO_ROOT);
  dataDir = config.dataDir;
  store = (await openEventStore({ dataDir, databaseUrl: config.databaseUrl })).store;
} catch (error) {
  console.error(error instanceof StoreOpenError || error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
try {
  await runAdmin(process.argv.slice(2), store, { out: (line) => console.log(line), now: () => Date.now(), env: process.env, dataDir });
} catch (error) {
  console.error(error instanceof AdminUsageError ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}
