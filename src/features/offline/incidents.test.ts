import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../domain/event';
import { openDb, type MusterDb } from '../../storage/db';
import { appendEvent, type WriteEnv } from '../../storage/events';
import { CLOSURE_APPROVED, hasOpenIncident } from './incidents';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seed = 7;
const env: WriteEnv = { now: () => T0, random: (bytes) => bytes.map(() => (seed = (seed * 48271) % 2147483647) & 0xff) };

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`pwa-incidents-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function declare(streamId: string): Promise<void> {
  await appendEvent(
    db,
    {
      streamId,
      actor: '王值班',
      type: 'incident.declared',
      payload: { playbookId: 'flood-emergency', playbookVersion: '1.0.0', mode: 'drill', title: '地下室进水', place: 'B1' },
    },
    env,
  );
}

/** Stored as the incident screens will store it; the payload shape does not matter here. */
async function approveClosure(streamId: string): Promise<void> {
  const declared = await db.events.where('streamId').equals(streamId).first();
  const closure = { ...declared, id: `${streamId}-closed`, type: CLOSURE_APPROVED, payload: {} } as unknown as MusterEvent;
  await db.events.add(closure);
}

describe('is an incident open on this device (the update waits if so)', () => {
  it('a device with no incident has none open', async () => {
    expect(await hasOpenIncident(db)).toBe(false);
  });

  it('a declared incident is open until its closure is approved', async () => {
    await declare('inc-flood');
    await appendEvent(db, { streamId: 'inc-flood', actor: '王值班', type: 'note.added', payload: { text: '水位 20 cm' } }, env);
    expect(await hasOpenIncident(db)).toBe(true);
    await approveClosure('inc-flood');
    expect(await hasOpenIncident(db)).toBe(false);
  });

  it('one closed incident does not hide another still open', async () => {
    await declare('inc-1');
    await declare('inc-2');
    await approveClosure('inc-1');
    expect(await hasOpenIncident(db)).toBe(true);
    await approveClosure('inc-2');
    expect(await hasOpenIncident(db)).toBe(false);
  });
});
