import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, type EventPayloads, type EventType, type MusterEvent } from '../../domain/event';
import { formatStamp } from '../../domain/hlc';
import { reduceIncident } from '../../domain/incident';
import { validatePlaybook } from '../../domain/playbook/check';
import type { Playbook } from '../../domain/playbook/schema';
import { callList } from './call-list';

function playbook(file: string): Playbook {
  const checked = validatePlaybook(JSON.parse(readFileSync(new URL(`../../../scenarios/${file}`, import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`${file} does not validate`);
  return checked.playbook;
}

const T0 = Date.UTC(2026, 10, 30, 2, 0);
let seq = 0;
function ev<K extends EventType>(type: K, payload: EventPayloads[K], minute: number): MusterEvent {
  seq += 1;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    streamId: 'inc-1',
    deviceId: 'phone-a',
    actor: 'Wang on duty',
    hlc: formatStamp({ wall: T0 + minute * 60_000, counter: 0, deviceId: 'phone-a' }),
    type,
    payload,
    v: EVENT_SCHEMA_VERSION,
  } as MusterEvent;
}

const riverside = playbook('examples/riverside.en.json');
const declared = ev(
  'incident.declared',
  { playbookId: 'riverside-flood', playbookVersion: '1.0.0', mode: 'real', title: 'Ramp flooding', place: 'B1', commanderRole: 'duty-officer' },
  0,
);

describe('the call bar of the Riverside flood at 02:00', () => {
  it('119, 110 and 120 first, then the on-duty commander on the duty-officer post’s phone, then the plan’s other numbers; no number twice, no blank one', () => {
    const calls = callList(reduceIncident('inc-1', [declared]), riverside);
    expect(calls).toEqual([
      { kind: 'fire', number: '119' },
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '120' },
      // The duty officer's post has the duty phone's number: listed once, as the commander.
      { kind: 'commander', person: 'Wang on duty', number: '0316 555 0100' },
      { kind: 'emergency', label: 'Security desk (evacuation chair)', number: '0316 555 0110' },
    ]);
  });

  it('the branch president takes over: the commander is called on the phone recorded with the post, and post holders follow in chart order', () => {
    const state = reduceIncident('inc-1', [
      declared,
      ev('role.assigned', { roleId: 'facilities.electrician', person: 'Zhou', phone: '138 0000 0001' }, 2),
      ev('role.assigned', { roleId: 'hq.leader', person: 'President Li', phone: '139 0000 0002' }, 3),
      ev('role.assigned', { roleId: 'vault-team', person: 'Chen' }, 4), // no phone: not a call
      ev('command.handedOver', { to: 'President Li', toRole: 'hq.leader' }, 5),
    ]);
    const calls = callList(state, riverside);
    expect(calls.slice(3)).toEqual([
      { kind: 'commander', person: 'President Li', number: '139 0000 0002' },
      { kind: 'duty', number: '0316 555 0100' },
      { kind: 'emergency', label: 'Security desk (evacuation chair)', number: '0316 555 0110' },
      { kind: 'post', person: 'Zhou', roleId: 'facilities.electrician', number: '138 0000 0001' },
    ]);
  });

  it('a commander with no phone recorded falls back to the plan’s phone for the post', () => {
    const state = reduceIncident('inc-1', [declared, ev('command.handedOver', { to: 'President Li', toRole: 'hq.leader' }, 5)]);
    expect(callList(state, riverside)).toContainEqual({ kind: 'commander', person: 'President Li', number: '0316 555 0101' });
  });

  it('someone else recorded in the commander’s post is not called as the commander', () => {
    const state = reduceIncident('inc-1', [declared, ev('role.assigned', { roleId: 'duty-officer', person: 'Zhao', phone: '137 0000 0003' }, 1)]);
    const calls = callList(state, riverside);
    expect(calls).toContainEqual({ kind: 'commander', person: 'Wang on duty', number: '0316 555 0100' });
    expect(calls).toContainEqual({ kind: 'post', person: 'Zhao', roleId: 'duty-officer', number: '137 0000 0003' });
  });
});

describe('the shipped flood plan, which leaves its numbers blank', () => {
  it('still offers 119, 110 and 120', () => {
    const flood = playbook('flood.zh-CN.json');
    const state = reduceIncident('inc-1', [{ ...declared, payload: { ...declared.payload, playbookId: flood.id, commanderRole: undefined } } as MusterEvent]);
    expect(callList(state, flood).map((c) => c.number)).toEqual(['119', '110', '120']);
  });
});
