import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/server/app';
import { startServer } from '../../src/server/server';
import { makeTempDir, removeTempDirs } from './support';

afterAll(() => removeTempDirs());

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the content security policy allows index.html’s own inline script by its hash, and nothing else inline', () => {
  it('adds the hash of each inline script of the shipped index.html to script-src', () => {
    const dir = makeTempDir('csp');
    const script = '(function keep() { document.documentElement.lang = "en"; })();';
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><head><script type="module" src="/assets/a.js"></script></head><body><div id="root"></div><script>${script}</script></body></html>`,
    );
    const scriptSrc = contentSecurityPolicy(dir)
      .split('; ')
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe(`script-src 'self' ${sha(script)}`);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it('is self only when there is no build or no inline script', () => {
    const empty = makeTempDir('csp-none');
    expect(contentSecurityPolicy(join(empty, 'missing'))).toContain("script-src 'self';");
    mkdirSync(join(empty, 'dist'));
    writeFileSync(join(empty, 'dist', 'index.html'), '<!doctype html><html><body><script type="module" src="/x.js"></script></body></html>');
    expect(contentSecurityPolicy(join(empty, 'dist'))).toContain("script-src 'self';");
  });

  it('follows a new build put in place while the server runs: its own start script is allowed, the old one no longer', async () => {
    const work = makeTempDir('csp-follow');
    const dist = join(work, 'dist');
    mkdirSync(dist);
    const page = (script: string) => `<!doctype html><html><body><div id="root"></div><script>${script}</script></body></html>`;
    const a = '(function start(entry) { void entry; })("/assets/index-aaaa.js");';
    const b = '(function start(entry) { void entry; })("/assets/index-bbbbbb.js");';
    writeFileSync(join(dist, 'index.html'), page(a));
    const server = await startServer({ port: 0, dataDir: join(work, 'data'), staticDir: dist });
    try {
      const policy = async () => (await fetch(`http://127.0.0.1:${server.port}/`)).headers.get('content-security-policy') ?? '';
      expect(await policy()).toContain(sha(a));
      writeFileSync(join(dist, 'index.html'), page(b));
      const after = await policy();
      expect(after).toContain(sha(b));
      expect(after).not.toContain(sha(a));
    } finally {
      await server.close();
    }
  });
});
