import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../build/build-app';
import { FIRST_SCREEN, REPORT_FILE, checkBudget, recordOf, type FirstLoad, type FirstLoadReport, type Part } from '../../build/byte-budget';
import { makeTempDir, removeTempDirs } from './support';

afterAll(() => removeTempDirs());

const part = (source: string, gzip: number, file = `assets/${source.split('/').pop() ?? source}-HASH.js`): Part => ({
  file,
  source,
  modules: 1,
  raw: gzip * 3,
  gzip,
});
const load = (js: Part[], css: Part[] = []): FirstLoad => ({
  js: { gzip: js.reduce((n, p) => n + p.gzip, 0), raw: 0, parts: [...js].sort((a, b) => b.gzip - a.gzip) },
  css: { gzip: css.reduce((n, p) => n + p.gzip, 0), raw: 0, parts: css },
});

describe('the first-load budget, on figures', () => {
  const today = load(
    [part('index.html', 60_000), part('src/features/home/HomeLists.tsx', 2_000), part('node_modules/dexie/dist/dexie.js', 30_000)],
    [part('assets/index.css from index.html', 4_000)],
  );

  it('says nothing when the JavaScript and the CSS fit', () => {
    expect(checkBudget(today, { jsGzip: 92_000, cssGzip: 4_000 }, recordOf(today))).toBeUndefined();
  });

  it('names the total, the budget, and every chunk largest first with its source module', () => {
    const message = checkBudget(today, { jsGzip: 91_999, cssGzip: 10_000 }, recordOf(today)) ?? '';
    expect(message).toContain('First-load JavaScript is 92,000 B gzip in 3 files, over its budget of 91,999 B by 1 B');
    const listed = message.split('Largest first:\n')[1]?.split('\n').slice(0, 3) ?? [];
    expect(listed.map((line) => line.trim().split(/\s{2,}/)[1])).toEqual(['index.html', 'node_modules/dexie/dist/dexie.js', 'src/features/home/HomeLists.tsx']);
    expect(message).toContain('Nothing grew since build/first-load.json');
    expect(message).not.toContain('CSS');
  });

  it('names the chunk that grew since the record, and a new one, but not one that moved by a few bytes', () => {
    const grown = load(
      [
        part('index.html', 60_040),
        part('src/features/home/HomeLists.tsx', 9_000),
        part('node_modules/dexie/dist/dexie.js', 30_000),
        part('node_modules/date-fns/format.js', 7_000),
      ],
      [],
    );
    const message = checkBudget(grown, { jsGzip: 92_000, cssGzip: 10_000 }, recordOf(today)) ?? '';
    const grew = message.split('\n').find((line) => line.startsWith('Grew since build/first-load.json:')) ?? '';
    expect(grew).toContain('src/features/home/HomeLists.tsx (+7,000 B: 2,000 B → 9,000 B)');
    expect(grew).toContain('node_modules/date-fns/format.js (new, 7,000 B)');
    expect(grew).not.toContain('index.html');
    expect(grew).not.toContain('dexie');
  });

  it('holds the CSS, inline styles included, to its own budget', () => {
    const styled = load(
      [part('index.html', 1_000)],
      [part('index.html <style>', 6_000, 'index.html'), part('assets/home.css from src/features/home/HomeLists.tsx', 5_000)],
    );
    const message = checkBudget(styled, { jsGzip: 1_000, cssGzip: 10_000 }, undefined) ?? '';
    expect(message).toContain('First-load CSS is 11,000 B gzip in 2 files, over its budget of 10,000 B by 1,000 B');
    expect(message).toContain('index.html <style>');
    expect(message).toContain('MUSTER_BUDGET_CSS_GZIP');
    expect(message).not.toContain('JavaScript');
  });
});

/** `vite build` as buildApp runs it, but with its output kept: the budget's message is what this test reads. */
async function build(outDir: string, budget: { js: number }): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MUSTER_BUDGET: '',
      MUSTER_BUDGET_ACCEPT: '', // never rewrite the repository's record from a test
      MUSTER_BUDGET_JS_GZIP: String(budget.js),
      MUSTER_BUDGET_CSS_GZIP: String(1_000_000_000),
    },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((done) => child.once('close', done));
  return { status, stderr };
}

describe('the build holds the first load to its budget', () => {
  // Two production builds: minutes on a busy machine.
  it('fails over the budget, naming the largest chunk; passes at the budget; and writes what it counted', { timeout: 600_000 }, async () => {
    const outDir = join(makeTempDir('budget'), 'dist');

    const over = await build(outDir, { js: 1_000 });
    expect(over.status).not.toBe(0);
    const total = /First-load JavaScript is ([\d,]+) B gzip/.exec(over.stderr)?.[1];
    expect(total, over.stderr).toBeDefined();
    expect(over.stderr).toContain('over its budget of 1,000 B');
    const largest = over.stderr.split('Largest first:\n')[1]?.split('\n')[0] ?? '';

    const atBudget = await build(outDir, { js: Number(total?.replaceAll(',', '')) });
    expect(atBudget.status, `${atBudget.stderr}\n(or a source file changed between the two builds)`).toBe(0);
    const report = JSON.parse(readFileSync(join(outDir, REPORT_FILE), 'utf8')) as FirstLoadReport;
    // The same sources give the same bytes (unless a file changed between the two builds).
    expect(report.js.gzip.toLocaleString('en-US')).toBe(total);
    expect(report.budget.jsGzip).toBe(report.js.gzip);
    const [first] = report.js.parts;
    expect(largest).toContain(first?.source);
    expect(largest).toContain(first?.file);

    // The entry of index.html and the chunks of the home screen's start, as the files the browser gets; the lists'
    // database code (HomeLists, Dexie) loads after the first screen on a first visit, so it is not counted.
    const sources = report.js.parts.map((p) => p.source);
    expect(sources).toContain('index.html');
    expect(sources).not.toContain('src/features/home/HomeLists.tsx');
    expect(sources.some((s) => s.includes('dexie'))).toBe(false);
    for (const module of FIRST_SCREEN) expect(sources).toContain(module);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entry = report.js.parts.find((p) => p.source === 'index.html');
    // Named by the page's start script (src/app/start-app.ts), which asks for it after the first paint.
    expect(html).toContain(`("/${entry?.file}", [`);
    for (const p of report.js.parts) expect(gzipSync(readFileSync(join(outDir, p.file)), { level: 9 }).length, p.file).toBe(p.gzip);
  });
});
