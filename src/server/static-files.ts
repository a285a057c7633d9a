import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

// Hashed file names under /assets/ change whenever their content does, so a year is safe.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// Everything else (index.html, sw.js, the manifest, icons) keeps its name across releases and
// must be revalidated, or a phone could keep an old shell and never see the update prompt.
const REVALIDATE = 'no-cache';

/**
 * Serves the built PWA from `staticDir`: real files as themselves, and any other path that
 * looks like a navigation (no file extension) as index.html so deep links work in the SPA.
 * Register after the API routes: it answers every GET that reaches it.
 */
export function mountStaticApp(app: Hono, staticDir: string): void {
  const indexFile = join(staticDir, 'index.html');
  if (!existsSync(indexFile)) {
    console.warn(`Muster: no built app at ${indexFile}; run "npx vite build" (npm start does it for you).`);
  }

  // No dotfile, ever: a `.env`, `.git/` or `.htpasswd` copied into the folder by mistake stays
  // private, and a dot path never falls through to the shell either.
  app.get('*', async (c, next) => (isDotPath(c.req.path) ? c.text('Not found', 404) : next()));
  app.use('*', cachePolicy);
  // Compressed answers: the JS a phone downloads on a first visit is a third of its size or less.
  // A build's files are sent as the build compressed them (`.br`, `.gz` beside each file:
  // build/precompress.ts); anything else, such as a folder built by plain `vite build`, is
  // gzipped on the way. (Registered after the API routes, so sync responses are not compressed.)
  app.use('*', compress());
  // Made on first use so a `vite build` run after start-up is served without a restart
  // (serveStatic also complains at creation when the folder does not exist yet).
  let files: MiddlewareHandler | undefined;
  app.get('*', (c, next) => {
    files ??= existsSync(staticDir) ? serveStatic({ root: staticDir, precompressed: true }) : undefined;
    return files ? files(c, next) : next();
  });
  app.get('*', async (c) => {
    if (!looksLikeNavigation(c.req.path)) {
      return c.text('Not found', 404);
    }
    let html: string;
    try {
      // A page pre-rendered at build time (a floor's evacuation route: `/routes/a/b/c` →
      // `routes/a/b/c.html`; a shipped playbook in the reader: `/playbooks/a/b` →
      // `playbooks/a/b.html`) shows its content before any JavaScript runs; else the shell.
      const prerendered = prerenderedFile(staticDir, c.req.path);
      // Read per request so a rebuild while the server runs is picked up without a restart.
      html = await readFile(prerendered ?? indexFile, 'utf8');
    } catch {
      return c.text('The Muster app has not been built yet. Run "npm start" to build and serve it.', 503);
    }
    c.header('Cache-Control', REVALIDATE);
    return c.html(html);
  });
}

/** The pre-rendered page for a navigation path, if the build made one (only plain path segments). */
function prerenderedFile(staticDir: string, path: string): string | undefined {
  if (!/^\/(routes(\/[A-Za-z0-9._~-]+){3}|playbooks(\/[A-Za-z0-9._~-]+){2})$/.test(path) || path.includes('..')) return undefined;
  const file = join(staticDir, `${path.slice(1)}.html`);
  return existsSync(file) ? file : undefined;
}

/** Any segment starts with '.' (`/.env`, `/.git/config`, `/a/.hidden/b`), as written or percent-encoded. */
export function isDotPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.') || decodedSegment(segment).startsWith('.'));
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A navigation has no extension in its last segment: `/incidents/42`, not `/assets/a.js`. */
export function looksLikeNavigation(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return posix.extname(last) === '';
}

const cachePolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status !== 200 && c.res.status !== 206) return;
  if (c.res.headers.has('Cache-Control')) return;
  c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
};
