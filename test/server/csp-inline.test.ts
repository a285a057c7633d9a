import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/server/app';
import { makeTempDir } from './support';

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
});
