import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from './app';
import { createContactLog } from './contacts';
import { sqliteHealthCheck, storeHealthCheck } from './health';
import { createHintBus, type HintBus } from './hints';
import type { CostLimits } from './rate-limit';
import type { Site } from './site';
import { openEventStore } from './storage/open';
import type { SqliteEventStore } from './storage/sqlite';
import type { TlsMaterial } from './tls';

/** The repository root (holds package.json and dist/), found from this file, not from the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartOptions {
  /** Interface to listen on; 127.0.0.1 keeps a laptop install private unless asked otherwise. */
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  dataDir: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file in `dataDir` (storage/open.ts). */
  databaseUrl?: string;
  staticDir?: string;
  version?: string;
  slowTestRoute?: boolean;
  /** How long close() lets in-flight requests run before cutting their connections. */
  drainMs?: number;
  /** Speak HTTPS with this certificate (see tls.ts); plain HTTP without. */
  tls?: TlsMaterial;
  /** With `tls`: also listen for plain HTTP here, redirecting to HTTPS (and serving /ca). */
  httpPort?: number;
  /** The address phones use (PUBLIC_URL); else taken from the certificate's first name. */
  publicUrl?: string;
  /** Believe a reverse proxy's X-Forwarded-Proto and X-Forwarded-Host. */
  trustProxy?: boolean;
  /** How often an open hint stream gets a heartbeat (tests shorten it). */
  heartbeatMs?: number;
  /** TOKEN_BYTES_PER_MINUTE, ORG_QUOTA_MB, UNAUTHENTICATED_PER_MINUTE; the defaults of rate-limit.ts when absent. */
  limits?: CostLimits;
  /** MIN_FREE_DISK_MB in bytes: below it /api/health answers 503 (health.ts has the default). */
  minFreeDiskBytes?: number;
}

export interface RunningServer {
  /** `http(s)://host:port/`, with the real port when 0 was asked for. */
  readonly url: string;
  readonly port: number;
  /** The plain-HTTP redirect's port, when there is one. */
  readonly httpPort: number | undefined;
  /** The address phones should use, when it is known (PUBLIC_URL or the certificate's name). */
  readonly publicUrl: string | undefined;
  readonly https: boolean;
  /** Where the data is: the SQLite file's absolute path, or the PostgreSQL address without its password. */
  readonly dataFile: string;
  /** Which adapter holds the data: 'sqlite' or 'postgres'. */
  readonly storageKind: string;
  /** Requests still being answered; shown while shutting down. */
  inFlight(): number;
  /** The hint streams held open (GET /api/v1/stream). */
  readonly hints: HintBus;
  /**
   * Stops accepting connections, lets in-flight requests finish (cutting them after
   * `drainMs`), then closes the database. Safe to call more than once.
   */
  close(): Promise<void>;
}

/** A start-up failure whose message is meant for the person running the server, as is. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const drainMs = options.drainMs ?? 4_000;
  const { tls } = options;
  if (options.httpPort !== undefined && !tls) {
    throw new StartError(
      'HTTP_PORT redirects plain HTTP to HTTPS, but this server has no certificate. Run npm run admin -- tls init --name <name>, or set TLS_CERT and TLS_KEY, or unset HTTP_PORT.',
    );
  }
  const { store, where } = await openEventStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  // Known once the port is: the certificate's name with the port the server really got.
  let publicUrl = options.publicUrl;
  let httpPort: number | undefined;
  const site: Site = {
    publicUrl: () => publicUrl,
    httpPort: () => httpPort,
    trustProxy: options.trustProxy ?? false,
    ...(tls ? { tls } : {}),
  };
  const hints = createHintBus();
  // Several processes on one PostgreSQL: every commit, whichever process made it, reaches this
  // process's open streams (LISTEN/NOTIFY). A process's own pushes come back the same way; the
  // bus coalesces the two announcements of one commit into one hint.
  let stopListening: (() => Promise<void>) | undefined;
  try {
    stopListening = await store.listenForAppends?.((orgId, seq) => hints.publish(orgId, seq));
  } catch (error) {
    await store.close();
    throw error;
  }
  const contacts = createContactLog(store);
  const app = createApp({
    hints,
    contacts,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    health:
      store.kind === 'sqlite' && 'db' in store
        ? sqliteHealthCheck({
            db: (store as SqliteEventStore).db,
            dataDir: options.dataDir,
            ...(options.minFreeDiskBytes === undefined ? {} : { minFreeBytes: options.minFreeDiskBytes }),
          })
        : storeHealthCheck(store),
    storage: store,
    version: options.version ?? readPackageVersion(),
    staticDir: options.staticDir ?? join(REPO_ROOT, 'dist'),
    slowTestRoute: options.slowTestRoute ?? false,
    site,
  });

  const server = (
    tls
      ? createAdaptorServer({ fetch: app.fetch, createServer: createHttpsServer, serverOptions: { cert: tls.cert, key: tls.key } })
      : createAdaptorServer({ fetch: app.fetch })
  ) as Server;
  let active = 0;
  const count = (target: Server): void => {
    target.on('request', (_req, res) => {
      active += 1;
      res.once('close', () => {
        active -= 1;
      });
    });
  };
  count(server);

  let port: number;
  let redirect: Server | undefined;
  try {
    port = await listen(server, host, options.port ?? 8080);
    if (tls && options.httpPort !== undefined) {
      redirect = createAdaptorServer({ fetch: redirectToHttps(app, port) }) as Server;
      count(redirect);
      httpPort = await listen(redirect, host, options.httpPort);
    }
  } catch (error) {
    server.close();
    await stopListening?.();
    await store.close();
    throw error;
  }
  const certificateName = tls?.names[0];
  publicUrl ??= certificateName === undefined ? undefined : `https://${bracketed(certificateName)}${port === 443 ? '' : `:${port}`}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((done, fail) => {
      // Idle keep-alive sockets would hold server.close() open until they time out; a socket
      // becomes idle again each time an in-flight response ends, so sweep until drained.
      redirect?.close();
      // Open hint streams would hold server.close() until the drain cut them: end them now.
      hints.close();
      const sweep = setInterval(() => {
        server.closeIdleConnections();
        redirect?.closeIdleConnections();
      }, 50);
      const cut = setTimeout(() => {
        server.closeAllConnections();
        redirect?.closeAllConnections();
      }, drainMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(cut);
        // Only after the last request: a handler still writing must not find the database gone.
        contacts
          .flush()
          .then(() => stopListening?.())
          .then(() => store.close())
          .then(() => done())
          .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return {
    url: `${tls ? 'https' : 'http'}://${bracketed(host)}:${port}/`,
    port,
    httpPort,
    publicUrl,
    https: tls !== undefined,
    dataFile: where,
    storageKind: store.kind,
    inFlight: () => active - hints.size(),
    hints,
    close,
  };
}

/**
 * The plain-HTTP side of an HTTPS server: every request is sent to the same host and path on
 * HTTPS, except the branch authority's page and certificate, which a phone must be able to
 * fetch before it trusts the HTTPS side.
 */
function redirectToHttps(app: Hono, httpsPort: number): (request: Request) => Response | Promise<Response> {
  return (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/ca' || url.pathname === '/ca.crt') return app.fetch(request);
    url.protocol = 'https:';
    url.port = httpsPort === 443 ? '' : String(httpsPort);
    // 308 keeps the method and body, so a sync request sent to the old address is not turned into a GET.
    return new Response(null, { status: 308, headers: { Location: url.href } });
  };
}

function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.close();
      rejectListen(listenError(error, host, port));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolveListen(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartError(`Port ${port} on ${host} is already in use — is Muster already running? Set PORT to use another port.`);
    case 'EACCES':
      return new StartError(`Not allowed to listen on port ${port} on ${host}. Set PORT to a port above 1023.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartError(`Cannot listen on HOST ${host}: no such address on this machine. Set HOST to 127.0.0.1 or 0.0.0.0.`);
    default:
      return error;
  }
}

function readPackageVersion(root: string = REPO_ROOT): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
    return pkg.version;
  }
  throw new Error(`${join(root, 'package.json')} has no "version"`);
}
