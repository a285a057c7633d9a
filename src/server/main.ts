import { realpathSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ConfigError, readServerConfig } from './config';
import { REPO_ROOT, StartError, startServer, type RunningServer } from './server';
import { certificateWarnings, consoleLanguage, startupMessage } from './startup';
import { StoreOpenError } from './storage/sqlite';
import { loadTls, publicUrlFile, TlsError, type TlsMaterial } from './tls';

export { startServer } from './server';
export type { RunningServer, StartOptions } from './server';

/**
 * A stop request is answered within 5 s, so whoever runs Muster can rely on it. The drain cuts
 * connections at 4 s and then closes the database; this fires only if something hangs.
 */
const SHUTDOWN_DEADLINE_MS = 4_800;

/** A server that runs for months says again, once a day, that its certificate is about to expire. */
const CERTIFICATE_CHECK_MS = 24 * 60 * 60 * 1000;

/**
 * Starts Muster from the environment and stops it cleanly on SIGINT / SIGTERM. Start-up
 * problems a person can fix (busy port, bad PORT, unusable data file) are printed as one line
 * on stderr with exit code 1, without a stack trace.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let server: RunningServer;
  let config: ReturnType<typeof readServerConfig>;
  let tls: TlsMaterial | undefined;
  try {
    config = readServerConfig(env, REPO_ROOT);
    tls = loadTls({ dataDir: config.dataDir, certFile: config.tlsCert, keyFile: config.tlsKey });
    server = await startServer({ ...config, tls });
  } catch (error) {
    const fixable = error instanceof ConfigError || error instanceof StartError || error instanceof StoreOpenError || error instanceof TlsError;
    // A fixable problem is one line; anything else keeps its stack for the bug report.
    console.error(fixable ? error.message : error);
    process.exit(1);
  }
  if (server.publicUrl !== undefined) {
    try {
      writeFileSync(publicUrlFile(config.dataDir), `${server.publicUrl}\n`);
    } catch (error) {
      console.error(`Muster: could not note the public address for npm run admin (${String(error)}); give device add --url.`);
    }
  }
  const language = consoleLanguage(env);
  const message = startupMessage(
    {
      url: server.url,
      // The SQLite file's folder, or the PostgreSQL database (its password not shown).
      dataDir: server.storageKind === 'sqlite' ? config.dataDir : server.dataFile,
      host: config.host,
      https: server.https,
      ...(tls ? { tls } : {}),
      ...(server.publicUrl === undefined ? {} : { publicUrl: server.publicUrl }),
      ...(server.httpPort === undefined ? {} : { httpPort: server.httpPort }),
      trustProxy: config.trustProxy,
      lanAddresses: lanAddresses(),
      now: new Date(),
    },
    language,
  );
  console.log(message.info.join('\n  '));
  for (const warning of message.warnings) console.error(`\n${warning}\n`);
  if (tls) {
    const material = tls;
    const check = setInterval(() => {
      for (const warning of certificateWarnings(material, new Date(), language)) console.error(warning);
    }, CERTIFICATE_CHECK_MS);
    check.unref();
  }

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

/** This PC's IPv4 addresses on its networks, as a phone on the same network would use them. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a?.address ?? '');
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
