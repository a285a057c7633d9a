import { describe, expect, it } from 'vitest';
import { PHOTO_LIMITS, type PhotoType } from '../../domain/events/photo';
import { fitWithin, PhotoRefused, preparePhoto, preparePhotos, type DecodedImage, type PhotoEnv } from './photo-capture';

// The phone's side of a photo, with the browser's decoder and encoder stood in for: what size it
// comes out, which encoding is kept, and what is refused with which reason. The real pipeline
// runs in Chromium in test/e2e/photos.e2e.ts.

interface FakeImage extends DecodedImage {
  closed: boolean;
}

/** Encodes to `sizeOf(type, quality)` bytes; WebP only when `webp`, else the PNG a browser falls back to. */
function fakeEnv(opts: { sizeOf?: (type: PhotoType, quality: number) => number; webp?: boolean; undecodable?: boolean } = {}) {
  const drawn: { width: number; height: number; type: string; quality: number }[] = [];
  const images: FakeImage[] = [];
  const env: PhotoEnv<FakeImage> = {
    decode: (file) => {
      if (opts.undecodable) return Promise.reject(new Error('bad image'));
      const [, w = '1', h = '1'] = /(\d+)x(\d+)/.exec((file as File).name) ?? [];
      const image: FakeImage = { width: Number(w), height: Number(h), closed: false, close: () => (image.closed = true) };
      images.push(image);
      return Promise.resolve(image);
    },
    encode: (_image, width, height, type, quality) => {
      drawn.push({ width, height, type, quality });
      const size = opts.sizeOf?.(type, quality) ?? 300_000;
      const made = type === 'image/webp' && !opts.webp ? 'image/png' : type;
      return Promise.resolve(new Blob([new Uint8Array(size)], { type: made }));
    },
    sha256: (bytes) => Promise.resolve(`${bytes.byteLength}`.padStart(64, '0')),
  };
  return { env, drawn, images };
}

const file = (name: string, type = 'image/jpeg') => new File([new Uint8Array(10)], name, { type });

describe('a camera photo made fit to travel', () => {
  it.each([
    [4000, 3000, 1600, 1200],
    [3000, 4000, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [10000, 1, 1600, 1],
  ])('fits %i×%i into %i×%i, never enlarging', (w, h, fw, fh) => {
    expect(fitWithin(w, h)).toEqual({ width: fw, height: fh });
  });

  it('shrinks a 12-megapixel photo to 1600 px on its long side and names it by its hash', async () => {
    const { env, drawn, images } = fakeEnv();
    const photo = await preparePhoto(file('IMG_4000x3000.jpg'), env);
    expect(photo.ref).toEqual({ hash: '300000'.padStart(64, '0'), type: 'image/jpeg', bytes: 300_000, width: 1600, height: 1200 });
    expect(drawn[0]).toEqual({ width: 1600, height: 1200, type: 'image/jpeg', quality: 0.8 });
    expect(images.every((i) => i.closed)).toBe(true);
  });

  it('keeps WebP where the browser makes it and it is smaller, JPEG otherwise', async () => {
    const smallerWebp = fakeEnv({ webp: true, sizeOf: (type) => (type === 'image/webp' ? 200_000 : 300_000) });
    expect((await preparePhoto(file('a_4000x3000.jpg'), smallerWebp.env)).ref).toMatchObject({ type: 'image/webp', bytes: 200_000 });
    const biggerWebp = fakeEnv({ webp: true, sizeOf: (type) => (type === 'image/webp' ? 400_000 : 300_000) });
    expect((await preparePhoto(file('a_4000x3000.jpg'), biggerWebp.env)).ref.type).toBe('image/jpeg');
    // No WebP encoder: the browser answers PNG, which is never kept even when smaller.
    const noWebp = fakeEnv({ sizeOf: (type) => (type === 'image/webp' ? 10 : 300_000) });
    expect((await preparePhoto(file('a_4000x3000.jpg'), noWebp.env)).ref.type).toBe('image/jpeg');
  });

  it('tries a lower quality before refusing a photo that is too large', async () => {
    const lower = fakeEnv({ sizeOf: (_t, q) => (q >= 0.8 ? PHOTO_LIMITS.maxBytes + 1 : 900_000) });
    const photo = await preparePhoto(file('noisy_4000x3000.jpg'), lower.env);
    expect(photo.ref.bytes).toBe(900_000);
    expect(lower.drawn.map((d) => d.quality)).toEqual([0.8, 0.8, 0.65, 0.65]);

    const never = fakeEnv({ sizeOf: () => PHOTO_LIMITS.maxBytes + 1 });
    await expect(preparePhoto(file('noise_4000x3000.jpg'), never.env)).rejects.toMatchObject({ problem: 'tooLarge', fileName: 'noise_4000x3000.jpg' });
    expect(never.images.every((i) => i.closed)).toBe(true);
  });

  it('refuses a file that is not an image, or cannot be decoded, naming it', async () => {
    await expect(preparePhoto(file('notes.pdf', 'application/pdf'), fakeEnv().env)).rejects.toEqual(new PhotoRefused('notImage', 'notes.pdf'));
    await expect(preparePhoto(file('broken_10x10.jpg'), fakeEnv({ undecodable: true }).env)).rejects.toMatchObject({ problem: 'undecodable' });
    // A camera that gives no type at all: decoding decides.
    expect((await preparePhoto(file('camera_800x600', ''), fakeEnv().env)).ref.width).toBe(800);
  });

  it('takes at most six photos for a note, counting those it has, and says which were left out', async () => {
    const { env } = fakeEnv();
    const files = ['1_10x10.jpg', 'bad.txt', '2_10x10.jpg', '3_10x10.jpg'].map((n) => file(n, n.endsWith('.txt') ? 'text/plain' : 'image/jpeg'));
    const { taken, refused } = await preparePhotos(files, PHOTO_LIMITS.maxPerNote - 2, env);
    expect(taken).toHaveLength(2);
    expect(refused.map((r) => [r.fileName, r.problem])).toEqual([
      ['bad.txt', 'notImage'],
      ['3_10x10.jpg', 'tooMany'],
    ]);
  });
});
