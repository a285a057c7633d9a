import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The files worth compressing: text. Images (PNG) are compressed already. */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|webmanifest)$/;
/** Below this a compressed copy saves less than its headers cost (the server's own threshold). */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text file
 * of a build, so the server sends them as they are (serveStatic's `precompressed`) instead of
 * compressing each answer again: no CPU per request on a small branch server, and smaller
 * files than on-the-fly gzip (a phone asks for Brotli over HTTPS, gzip over plain HTTP). Node's
 * own zlib does both. Returns how many files it compressed.
 */
export function precompress(dir: string): number {
  let count = 0;
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) visit(path);
      else if (COMPRESSIBLE.test(name) && stat.size >= MIN_BYTES) {
        const body = readFileSync(path);
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
        count++;
      }
    }
  };
  visit(dir);
  return count;
}
