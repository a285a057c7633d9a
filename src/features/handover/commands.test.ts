import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes as utf8 } from '@noble/hashes/utils.js';
import { FrameCollector, MAX_FRAMES } from '../../domain/handover/frames';
import { handoverFrames, unpackScanned, type PreparedHandover } from './commands';

// The codes' side of the handover: the bundle deflated (CompressionStream) and cut into frames,
// and back; an incident too big for codes is said to be so, not cut into thousands of them.

const prepared = (text: string): PreparedHandover => ({
  bundleId: 'hb-0190a1b2-c3d4-7e5f-8a9b-00000000abcd',
  title: '负一层进水',
  text,
  events: 1,
  photos: 0,
  left: 0,
});

describe('the handover’s codes', () => {
  it('carry the bundle deflated, and a camera that reads every code in any order gets the very text back', async () => {
    const text = `MUSTER-BUNDLE/1 …\n${JSON.stringify({ notes: Array.from({ length: 400 }, (_, i) => `B1 水位 ${i} cm，沙袋已到位`) })}`;
    const frames = await handoverFrames(prepared(text));
    if (!Array.isArray(frames)) throw new Error('too many frames');
    // Deflated: far fewer bytes than the text (400 bytes a frame).
    expect(frames.length).toBeLessThan(new TextEncoder().encode(text).length / 400 / 3);
    const collector = new FrameCollector();
    let payload: Uint8Array | null = null;
    for (const f of [...frames].reverse()) {
      const got = collector.add(f);
      if (got.kind === 'complete') payload = got.payload;
    }
    if (!payload) throw new Error('not complete');
    expect(await unpackScanned(payload)).toBe(text);
    expect(await unpackScanned(Uint8Array.from([1, 2, 3, 4]))).toBeNull();
  });

  it('says an incident is too big for codes rather than making more than the most a showing may have', async () => {
    // Hex of SHA-256 chained from a fixed seed hardly compresses: 3.4 MB of it deflate to over 4,096 frames of 400 bytes.
    const parts: string[] = [];
    let block = sha256(utf8('muster'));
    for (let i = 0; i < 3_400_000 / 64; i++) {
      block = sha256(block);
      parts.push(bytesToHex(block));
    }
    const digits = parts.join('');
    const frames = await handoverFrames(prepared(digits));
    expect(frames).toEqual({ tooMany: expect.any(Number) as unknown });
    expect((frames as { tooMany: number }).tooMany).toBeGreaterThan(MAX_FRAMES);
  });
});
