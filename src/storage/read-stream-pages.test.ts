import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type MusterEvent } from '../domain/event';
import { formatStamp } from '../domain/hlc';
import { openDb, type MusterDb } from './db';
import { readStream, readStreamPages } from './events';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`pages-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function note(i: number, wall: number, counter: number, streamId = 'inc-1', deviceId = 'phone-a'): MusterEvent {
  return {
    id: `e-${String(i).padStart(5, '0')}`,
    streamId,
    deviceId,
    actor: '王值班',
    hlc: formatStamp({ wall, counter, deviceId }),
    type: 'note.added',
    payload: { text: `记录 ${i}`, tags: [] },
    v: EVENT_SCHEMA_VERSION,
  };
}

async function pagesOf(streamId: string, size: number): Promise<{ pages: (readonly MusterEvent[])[]; read: number }> {
  const pages: (readonly MusterEvent[])[] = [];
  const read = await readStreamPages(db, streamId, (p) => pages.push(p), size);
  return { pages, read };
}

describe('reading a big incident a page at a time', () => {
  it('hands over every event of the stream once, in the order readStream gives, in pages no bigger than asked', async () => {
    const events = Array.from({ length: 1234 }, (_, i) => note(i, T0 + Math.floor(i / 7), i % 7));
    await db.events.bulkAdd([...events, note(9999, T0, 0, 'inc-other')]);
    const { pages, read } = await pagesOf('inc-1', 100);
    expect(read).toBe(1234);
    // Each page after the first starts at the last stamp handed over (read again, not handed over again).
    expect(pages.every((p) => p.length <= 100)).toBe(true);
    expect(pages.length).toBe(13);
    expect(pages.flat()).toEqual(await readStream(db, 'inc-1'));
  });

  it('loses nothing and repeats nothing where events share a stamp across a page break', async () => {
    // The same stamp on several events (an imported copy from a broken clock): 5 share each stamp, pages of 3.
    const events = Array.from({ length: 40 }, (_, i) => note(i, T0 + Math.floor(i / 5), 0));
    await db.events.bulkAdd(events);
    const { pages, read } = await pagesOf('inc-1', 3);
    expect(read).toBe(40);
    expect(pages.flat().map((e) => e.id)).toEqual((await readStream(db, 'inc-1')).map((e) => e.id));
  });

  it('reads an empty stream as no page at all', async () => {
    expect(await pagesOf('inc-none', 50)).toEqual({ pages: [], read: 0 });
  });
});
