import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type MusterEvent } from '../event';
import type { PhotoRef } from '../events/photo';
import { formatStamp } from '../hlc';
import { reduceIncident } from '../incident';
import { reportLabels } from './labels';
import { reportPhotos, sizeText } from './photos';

const T0 = Date.UTC(2026, 10, 29, 18, 0);
let n = 0;
function ev<K extends 'incident.declared' | 'note.added'>(type: K, payload: EventPayloads[K], minute: number): MusterEvent {
  n += 1;
  return {
    id: `e${n}`,
    streamId: 'inc',
    deviceId: 'phone-a',
    actor: 'Wang',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}
const photo = (c: string, bytes = 400_000): PhotoRef => ({ hash: c.repeat(64), type: 'image/jpeg', bytes, width: 1600, height: 1200 });

describe('photos in the report', () => {
  it('numbers every photo across the notes, keeps each with its note, and counts those this device does not hold', () => {
    const events = [
      ev('incident.declared', { playbookId: 'p', playbookVersion: '1', mode: 'real', title: 'Flood', place: '' }, 0),
      ev('note.added', { text: 'East door', photos: [photo('a'), photo('b')] }, 5),
      ev('note.added', { text: 'No photo here' }, 6),
      ev('note.added', { text: 'Vault', photos: [photo('c', 1_250_000)] }, 7),
    ];
    const held = new Map([[photo('c').hash, { type: 'image/jpeg', base64: 'AAAA' }]]);
    const { photos, byEvent } = reportPhotos(reduceIncident('inc', events), held, reportLabels('en'), 480, () => ({}));
    expect(photos.notes.map((note) => [note.text, note.when, note.photos.map((p) => [p.label, p.data === null ? 'missing' : 'held'])])).toEqual([
      [
        'East door',
        '2026-11-30 02:05:00',
        [
          ['Photo 1', 'missing'],
          ['Photo 2', 'missing'],
        ],
      ],
      ['Vault', '2026-11-30 02:07:00', [['Photo 3', 'held']]],
    ]);
    expect(photos).toMatchObject({
      count: 3,
      missing: 2,
      summaryText: "Photos: 3, on notes: 2. Each photo is named by its SHA-256, which the record's hash chain covers.",
    });
    expect(photos.notes[1]?.photos[0]?.detailText).toBe('JPEG, 1600 × 1200 px, 1.25 MB');
    expect(byEvent.get(events[1]!.id)?.map((p) => p.number)).toEqual([1, 2]);
  });

  it('gives sizes as a reader thinks of them', () => {
    expect([sizeText(1), sizeText(412_345), sizeText(2_000_000)]).toEqual(['1 KB', '412 KB', '2 MB']);
  });
});
