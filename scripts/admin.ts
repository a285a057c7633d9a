// `npm run admin -- …`: organisations and device tokens (see src/server/admin.ts).
import { ConfigError, readServerConfig } from '../src/server/config';
import { AdminUsageError, runAdmin } from '../src/server/admin';
import { REPO_ROOT } from '../src/server/server';
import { openSqliteStore, StoreOpenError } from '../src/server/storage/sqlite';

let store;
let dataDir: string;
try {
  dataDir = readServerConfig(process.env, REPO_ROOT).dataDir;
  store = openSqliteStore(dataDir);
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
  store.close();
}
