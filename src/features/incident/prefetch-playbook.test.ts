import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { openDb, type MusterDb } from '../../storage/db';
import { appendEvent, type WriteEnv } from '../../storage/events';
import { incidentDeclaration } from '../../storage/incident-list';
import { prefetchDeclaredPlaybook } from './prefetch-playbook';

const T0 = Date.UTC(2026, 6, 14, 2, 0, 0);
let seed = 11;
const env: WriteEnv = { now: () => T0, random: (bytes) => bytes.map(() => (seed = (seed * 48271) % 2147483647) & 0xff) };

let db: MusterDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  db = openDb(`prefetch-playbook-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function declare(streamId: string, playbookId: string, playbookLanguage: string | undefined, title: string): Promise<void> {
  await appendEvent(
    db,
    {
      streamId,
      actor: '王值班',
      type: 'incident.declared',
      payload: { playbookId, playbookVersion: '1.2.0', ...(playbookLanguage ? { playbookLanguage } : {}), mode: 'real', title, place: 'B1' },
    },
    env,
  );
}

describe('opening an incident: its playbook is loaded while its events are read', () => {
  it('loads the playbook and language the incident was declared with, not another incident’s', async () => {
    await declare('inc-flood', 'flood-emergency', 'en', 'Basement flooding');
    await declare('inc-fire', 'fire-evacuation', 'zh-CN', '七楼起火');

    const flood = await prefetchDeclaredPlaybook('inc-flood', db);
    expect(flood?.source).toBe('shipped');
    expect([flood?.playbook.id, flood?.playbook.language]).toEqual(['flood-emergency', 'en']);
    const fire = await prefetchDeclaredPlaybook('inc-fire', db);
    expect([fire?.playbook.id, fire?.playbook.language]).toEqual(['fire-evacuation', 'zh-CN']);
  });

  it('loads nothing, and fails nothing, for an incident not on this phone, a playbook it lacks, or a declaration without its language', async () => {
    await declare('inc-old', 'flood-emergency', undefined, 'Declared by an older app');
    await declare('inc-elsewhere', 'playbook-of-another-branch', 'en', 'Their own playbook');

    expect(await prefetchDeclaredPlaybook('inc-not-here', db)).toBeNull();
    expect(await prefetchDeclaredPlaybook('inc-old', db)).toBeNull();
    expect(await prefetchDeclaredPlaybook('inc-elsewhere', db)).toBeNull();
  });
});

describe('an incident’s declaration, read from the type index', () => {
  it('is the first by merge order when two phones declared the same incident, as the incident’s state takes it', async () => {
    const declaration = (id: string, wall: number, deviceId: string, title: string): MusterEvent => ({
      id,
      streamId: 'inc-twice',
      deviceId,
      actor: deviceId,
      hlc: formatStamp({ wall, counter: 0, deviceId }),
      type: 'incident.declared',
      payload: { playbookId: 'flood-emergency', playbookVersion: '1.2.0', playbookLanguage: 'en', mode: 'real', title, place: '' },
      v: 1,
    });
    // The later declaration has the lower id, so the index gives it first: the merge order must put it second.
    await db.events.add(declaration('ev-a', T0 + 60_000, 'd-leader', 'Second'));
    await db.events.add(declaration('ev-b', T0, 'd-duty', 'First'));
    await declare('inc-other', 'fire-evacuation', 'en', 'Another incident');

    expect((await incidentDeclaration(db, 'inc-twice'))?.payload.title).toBe('First');
    expect((await incidentDeclaration(db, 'inc-other'))?.payload.playbookId).toBe('fire-evacuation');
    expect(await incidentDeclaration(db, 'inc-none')).toBeUndefined();
  });
});
