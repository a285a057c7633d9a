import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { openSqliteStore } from './storage/sqlite';

/** The repository root (holds package.json and dist/), found from this file, not from the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartOptions {
  /** Interface to listen on; 127.0.0.1 keeps a laptop install private unless asked otherwise. */
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  dataDir: string;
  staticDir?: string;
  version?: string;
  slowTestRoute?: boolean;
  /** How long close() lets in-flight requests run before cutting their connections. */
  drainMs?: number;
}

export interface RunningServer {
  /** `http://host:port/`, with the real port when 0 was asked for. */
  readonly url: string;
  readonly port: number;
  /** Absolute path of the database file. */
  readonly dataFile: string;
  /** Requests still being answered; shown while shutting down. */
  inFlight(): number;
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
  const store = openSqliteStore(options.dataDir);
  const app = createApp({
    storage: store,
    version: options.version ?? readPackageVersion(),
    staticDir: options.staticDir ?? join(REPO_ROOT, 'dist'),
    slowTestRoute: options.slowTestRoute ?? false,
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  let active = 0;
  server.on('request', (_req, res) => {
    active += 1;
    res.once('close', () => {
      active -= 1;
    });
  });

  let port: number;
  try {
    port = await listen(server, host, options.port ?? 8080);
  } catch (error) {
    store.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((done, fail) => {
      // Idle keep-alive sockets would hold server.close() open until they time out; a socket
      // becomes idle again each time an in-flight response ends, so sweep until drained.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), drainMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(cut);
        // Only after the last request: a handler still writing must not find the database gone.
        try {
          store.close();
          done();
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      server.closeIdleConnections();
    });
    return closing;
  };

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    dataFile: store.file,
    inFlight: () => active,
    close,
  };
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
