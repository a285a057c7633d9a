import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAME_BYTES, FrameCollector, MAX_FRAMES, parseFrame, splitIntoFrames, type Collected } from './frames';

/** A repeatable stream of numbers in [0, 1) (Park–Miller), so every run drops the same frames. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

function bytes(n: number, seed = 7): Uint8Array {
  const next = seeded(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

/**
 * Shows `frames` round and round, as the sending phone does, to a camera that misses each
 * frame with probability `drop`; returns what completed and how many frames were shown.
 */
function showUntilComplete(frames: string[], drop: number, seed: number): { payload: Uint8Array; shown: number; results: Collected[] } {
  const collector = new FrameCollector();
  const missed = seeded(seed);
  const results: Collected[] = [];
  for (let shown = 1; shown <= frames.length * 50; shown++) {
    const text = frames[(shown - 1) % frames.length] ?? '';
    if (missed() < drop) continue;
    const r = collector.add(text);
    results.push(r);
    if (r.kind === 'complete') return { payload: r.payload, shown, results };
  }
  throw new Error('never completed');
}

describe('handover frames (QR)', () => {
  it('cuts a payload into numbered frames of at most 400 bytes, and puts it back together', () => {
    const payload = bytes(DEFAULT_FRAME_BYTES * 3 + 17);
    const frames = splitIntoFrames(payload, 'abcd1234');
    expect(frames).toHaveLength(4);
    expect(frames[0]).toMatch(/^MUSTER-F1\.abcd1234\.0\.4\.1217\.[0-9a-f]{16}\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    // Base64url of 400 bytes: 534 characters, each one a QR reader returns as it is.
    expect(frames[0]?.split('.').pop()).toHaveLength(534);
    const { payload: back, shown } = showUntilComplete(frames, 0, 1);
    expect(back).toEqual(payload);
    expect(shown).toBe(4);
  });

  it('completes with one frame in ten missed by the camera, without starting over', () => {
    const payload = bytes(40_000, 3);
    const frames = splitIntoFrames(payload, 'trip01');
    for (const seed of [11, 12, 13, 14, 15]) {
      const { payload: back, shown, results } = showUntilComplete(frames, 0.1, seed);
      expect(back).toEqual(payload);
      expect(results.some((r) => r.kind === 'restarted')).toBe(false);
      // Every frame read once is kept: it completes at the first frame shown by which each
      // frame has been read at least once (worked out here from the same misses).
      const missed = seeded(seed);
      const read = new Set<number>();
      let firstAll = 0;
      while (read.size < frames.length) {
        firstAll += 1;
        if (missed() >= 0.1) read.add((firstAll - 1) % frames.length);
      }
      expect(shown).toBe(firstAll);
      expect(results.filter((r) => r.kind === 'added' || r.kind === 'complete')).toHaveLength(frames.length);
    }
  });

  it('reads frames in any order and says how many it holds and which are missing', () => {
    const payload = bytes(2000, 5);
    const frames = splitIntoFrames(payload, 'order1', 300);
    const collector = new FrameCollector();
    expect(collector.progress()).toBeNull();
    expect(collector.add(frames[6] ?? '')).toEqual({ kind: 'added', have: 1, count: 7 });
    expect(collector.add(frames[2] ?? '')).toEqual({ kind: 'added', have: 2, count: 7 });
    expect(collector.add(frames[2] ?? '')).toEqual({ kind: 'ignored', reason: 'repeat' });
    expect(collector.progress()).toEqual({ have: 2, count: 7, transfer: 'order1' });
    expect(collector.missing()).toEqual([0, 1, 3, 4, 5]);
    for (const i of [5, 4, 3, 1]) collector.add(frames[i] ?? '');
    const last = collector.add(frames[0] ?? '');
    expect(last.kind === 'complete' && last.payload).toEqual(payload);
    // The sender keeps showing: its frames are repeats now, not a new transfer.
    expect(collector.add(frames[3] ?? '')).toEqual({ kind: 'ignored', reason: 'repeat' });
  });

  it('ignores other QR codes, a misread frame and the frames of another phone showing at the same time', () => {
    const mine = splitIntoFrames(bytes(900, 1), 'mine01', 300);
    const theirs = splitIntoFrames(bytes(900, 2), 'their1', 300);
    const collector = new FrameCollector();
    expect(collector.add('https://muster.example/enrol#mse_abc')).toEqual({ kind: 'ignored', reason: 'not-a-frame' });
    collector.add(mine[0] ?? '');
    expect(collector.add(theirs[1] ?? '')).toEqual({ kind: 'ignored', reason: 'other-transfer' });
    // One character of the data changed, as a camera misreads it: the frame's check fails.
    const frame = mine[1] ?? '';
    const misread = frame.slice(0, -3) + (frame.at(-3) === 'A' ? 'B' : 'A') + frame.slice(-2);
    expect(collector.add(misread)).toEqual({ kind: 'ignored', reason: 'damaged' });
    expect(collector.add(frame.slice(0, -10))).toEqual({ kind: 'ignored', reason: 'damaged' });
    expect(collector.add(mine[1] ?? '')).toEqual({ kind: 'added', have: 2, count: 3 });
    expect(collector.add(mine[2] ?? '').kind).toBe('complete');
  });

  it('never mixes two showings that reuse a name: the reassembled bytes must give the digest', () => {
    const a = splitIntoFrames(bytes(600, 1), 'same01', 300);
    const b = splitIntoFrames(bytes(600, 2), 'same01', 300);
    const collector = new FrameCollector();
    collector.add(a[0] ?? '');
    // Same name, same size, another payload: its digest differs, so its frames do not fit.
    expect(collector.add(b[1] ?? '')).toEqual({ kind: 'ignored', reason: 'inconsistent' });
    expect(collector.add(a[1] ?? '').kind).toBe('complete');
  });

  it('carries an empty payload, and refuses what it cannot carry', () => {
    const frames = splitIntoFrames(new Uint8Array(0), 'empty1');
    expect(frames).toHaveLength(1);
    const r = new FrameCollector().add(frames[0] ?? '');
    expect(r.kind === 'complete' && r.payload.length).toBe(0);
    expect(() => splitIntoFrames(bytes(10), 'NO')).toThrow(/transfer/);
    expect(() => splitIntoFrames(bytes(10), 'abcd', 0)).toThrow(/frameBytes/);
    expect(() => splitIntoFrames(new Uint8Array(MAX_FRAMES + 1), 'abcd', 1)).toThrow(/frames/);
  });

  it('reads a frame’s header back as written', () => {
    const [text = ''] = splitIntoFrames(bytes(10, 9), 'head01');
    const read = parseFrame(text);
    expect(read.ok && { ...read.frame, data: [...read.frame.data] }).toEqual({
      transfer: 'head01',
      index: 0,
      count: 1,
      length: 10,
      digest: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      data: [...bytes(10, 9)],
    });
  });
});
