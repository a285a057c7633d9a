import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import { mountCaPage } from './ca/page';
import type { ContactLog } from './contacts';
import type { HealthCheck } from './health';
import type { HintBus } from './hints';
import { DEFAULT_COST_LIMITS, type CostLimits, type RateLimitOptions } from './rate-limit';
import { cameOverHttps, publicAddress, strictTransport, type Site } from './site';
import { mountStaticApp } from './static-files';
import type { EventStore } from './storage/types';
import { createSyncApi } from './sync-api';
import { createBlobsApi } from './blobs-api';

interface AppOptions {
  storage: EventStore;
  /** The package.json version, reported by /api/health so a device can tell which server it reached. */
  version: string;
  /** Folder holding the production build (`vite build` output). Defaults to `dist`. */
  staticDir?: string;
  /** Adds GET /api/test/slow?ms=N, used by tests to hold a request open across a shutdown. */
  slowTestRoute?: boolean;
  /** Requests per device token (see rate-limit.ts for the default). */
  rateLimit?: RateLimitOptions;
  /** Bytes per token, storage per organisation, requests per address without a token (rate-limit.ts). */
  limits?: CostLimits;
  /** Server wall clock (ms); tests pass their own. */
  now?: () => number;
  /** Where refused conflicting pushes are reported; the server log by default. */
  warn?: (message: string) => void;
  /** How phones reach the server; plain HTTP with no public address by default. */
  site?: Site;
  /** The hints of /api/v1/stream; the server passes its own so shutdown can end the streams. */
  hints?: HintBus;
  /** How often an open stream gets a heartbeat (tests shorten it). */
  heartbeatMs?: number;
  /** Devices' contacts waiting to be written; the server passes its own to flush at shutdown. */
  contacts?: ContactLog;
  /** The database and disk checks of /api/health (health.ts); without it health only says it answered. */
  health?: HealthCheck;
  /** Photo size limits (PHOTO_LIMITS by default); tests pass smaller ones. */
  photoLimits?: { readonly maxBytes: number; readonly maxBytesPerIncident: number };
}

const PLAIN_HTTP: Site = { publicUrl: () => undefined, httpPort: () => undefined, trustProxy: false };

/** Builds the HTTP app: the JSON API under /api, the built PWA everywhere else. */
export function createApp({
  storage,
  version,
  staticDir = 'dist',
  slowTestRoute = false,
  rateLimit,
  limits,
  now,
  warn,
  site = PLAIN_HTTP,
  hints,
  heartbeatMs,
  contacts,
  health,
  photoLimits,
}: AppOptions): Hono {
  const app = new Hono();

  app.use('*', securityHeaders(followPolicy(resolve(staticDir))));
  app.use('*', strictTransport(site));

  const api = new Hono();
  // Sync data must never come from an HTTP cache: a stale pull page would hide events. A photo
  // (blobs-api.ts) says otherwise itself: its address is its content's hash, so it never goes stale.
  api.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // What a phone, a poster page or an administrator needs to know about this server: which one
  // it is, the address phones should use, and whether (and until when) it speaks HTTPS.
  // With a health check (health.ts), also whether the database reads and writes and the disk
  // has room: 503 with the reasons when not, so a monitor sees it before the phones do.
  api.get('/health', async (c) => {
    const { status, ...checks } = health ? await health() : { status: 'ok' as const };
    return c.json(
      {
        status,
        app: 'muster',
        version,
        storage: storage.kind,
        publicUrl: publicAddress(c, site),
        https: cameOverHttps(c, site),
        certificateExpires: site.tls?.expires.toISOString() ?? null,
        ...checks,
      },
      status === 'ok' ? 200 : 503,
    );
  });
  if (slowTestRoute) {
    api.get('/test/slow', (c) => {
      const ms = Math.min(Math.max(Number(c.req.query('ms') ?? '1000') || 0, 0), 30_000);
      // The first line goes out at once, so a test knows the request is in flight before it
      // signals the process; the second comes only after the wait.
      return stream(c, async (body) => {
        await body.write('started\n');
        await new Promise((done) => setTimeout(done, ms));
        await body.write('finished\n');
      });
    });
  }
  const v1 = createSyncApi({
    storage,
    rateLimit,
    site,
    now,
    warn,
    ...(limits ? { limits } : {}),
    ...(hints ? { hints } : {}),
    ...(heartbeatMs ? { heartbeatMs } : {}),
    ...(contacts ? { contacts } : {}),
  });
  // Notes' photos: added to the sync API after its token check and rate limit, so they pass both.
  v1.route('/blobs', createBlobsApi({ storage, now: now ?? Date.now, limits: limits ?? DEFAULT_COST_LIMITS, ...(photoLimits ? { photoLimits } : {}) }));
  api.route('/v1', v1);
  // Unknown API paths get JSON, never the SPA shell: a client parsing HTML as JSON fails confusingly.
  api.all('*', (c) => c.json({ error: `No API route for ${c.req.method} ${c.req.path}` }, 404));
  app.route('/api', api);

  // The branch authority's certificate and how to install it: server pages, in both languages.
  mountCaPage(app, site);

  mountStaticApp(app, resolve(staticDir));

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    console.error(`Muster: ${c.req.method} ${c.req.path} failed:`, error);
    return c.req.path === '/api' || c.req.path.startsWith('/api/') ? c.json({ error: 'Internal server error' }, 500) : c.text('Internal server error', 500);
  });
  return app;
}

/**
 * The app is a Vite build whose only inline script is the one index.html carries to keep its
 * pre-rendered home screen in the person's language (build/prerender-plugin.ts): scripts come
 * only from this origin, plus that script by its hash, read from the shipped index.html.
 * Inline style attributes (React `style={…}`) need 'unsafe-inline' for styles; styles cannot
 * run code. `blob:` for workers and images made on the device (a QR code, an exported file);
 * the API is same-origin, so nothing else may be fetched.
 */
export function contentSecurityPolicy(staticDir: string): string {
  let html = '';
  try {
    html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  } catch {
    // No build to serve (API only): no inline script to allow.
  }
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inline].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy of the build being served, made again when index.html changes: a build put in
 * place while the server runs (which serves it without a restart) brings its own start script,
 * which names its own entry file, so its hash differs.
 */
export function followPolicy(staticDir: string): () => string {
  const indexFile = join(staticDir, 'index.html');
  let seen = '';
  let policy = '';
  return () => {
    let stamp = 'none';
    try {
      const stat = statSync(indexFile);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      // No build (yet): the policy without inline scripts.
    }
    if (stamp !== seen || !policy) {
      policy = contentSecurityPolicy(staticDir);
      seen = stamp;
    }
    return policy;
  };
}

const securityHeaders =
  (policy: () => string): MiddlewareHandler =>
  async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    headers.set('Cross-Origin-Resource-Policy', 'same-origin');
    headers.set('Content-Security-Policy', policy());
    // The camera may be wanted to scan a floor's QR code; nothing else the app does needs a sensor.
    headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()');
  };
