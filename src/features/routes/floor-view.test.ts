import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePlaybook } from '../../domain/playbook/check';
import type { Playbook } from '../../domain/playbook/schema';
import { samplePlaybook } from '#fixtures/sample-playbook';
import { floorView, ruleLines, type FloorView, type RouteLine } from './floor-view';

/** A file of scenarios/, checked and read as the app reads it (a version 1 file migrated). */
function scenario(name: string): Playbook {
  const checked = validatePlaybook(JSON.parse(readFileSync(new URL(`../../../scenarios/${name}`, import.meta.url), 'utf8')));
  if (!checked.ok) throw new Error(`${name}: ${checked.issues.map((i) => i.message).join('; ')}`);
  return checked.playbook;
}

function page(playbook: Playbook, buildingId: string, floorId: string): FloorView {
  const view = floorView(playbook, buildingId, floorId);
  if (!view) throw new Error(`no floor ${buildingId}/${floorId}`);
  return view;
}

function route(view: FloorView, id: string): RouteLine {
  const found = view.routes.find((r) => r.id === id);
  if (!found) throw new Error(`no route ${id} on ${view.floor}`);
  return found;
}

describe('a floor page', () => {
  it('shows what the plan says about the floor itself before its routes, in the plan’s language', () => {
    const playbook = samplePlaybook();
    const building = playbook.buildings?.[0];
    const floor = building?.floors[0];
    if (!building || !floor) throw new Error('the sample has no floor');
    floor.notes = 'Never take the car lift: it stops at the flooded ramp.';
    const view = floorView(playbook, building.id, floor.id);
    expect(view?.floorNotes).toEqual({ title: 'On this floor', text: 'Never take the car lift: it stops at the flooded ramp.' });

    const zh = floorView({ ...playbook, language: 'zh-CN' }, building.id, floor.id);
    expect(zh?.floorNotes?.title).toBe('本层须知');
  });

  it('has no floor notes section when the plan says nothing about the floor', () => {
    const playbook = samplePlaybook();
    const building = playbook.buildings?.[0];
    const floor = building?.floors[1];
    if (!building || !floor) throw new Error('the sample has no second floor');
    delete floor.notes;
    expect(floorView(playbook, building.id, floor.id)?.floorNotes).toBeUndefined();
  });
});

describe('the safety rules of a floor', () => {
  it('on B2 of the Riverside example: the building’s and the floor’s, the most severe first, each with its severity in words', () => {
    const b2 = page(scenario('examples/riverside.en.json'), 'main', 'floor-b2');
    expect(b2.safetyRulesTitle).toBe('Safety rules');
    expect(b2.safetyRules.map((r) => [r.severity, r.severityText, r.text])).toEqual([
      ['danger', 'Danger:', 'Never use a lift in a flood: lifts stop and trap people when basement power is cut.'],
      ['danger', 'Danger:', 'Never take the car lift, whatever the water level.'],
      ['warning', 'Warning:', 'Do not go back for a car.'],
    ]);
    const zh = page(scenario('examples/riverside.zh-CN.json'), 'main', 'floor-b2');
    expect(zh.safetyRulesTitle).toBe('安全规定');
    expect(zh.safetyRules.map((r) => `${r.severityText}${r.text}`)).toEqual([
      '危险：汛情中切勿乘坐电梯：地下室断电后电梯会停运并困住人。',
      '危险：无论水位高低，绝不能乘坐汽车电梯。',
      '警告：不要返回取车。',
    ]);
  });

  it('puts a caution after a warning and a danger, however the plan lists them', () => {
    const p = samplePlaybook();
    const building = p.buildings?.[0];
    const floor = building?.floors[0];
    if (!building || !floor) throw new Error('the sample has no floor');
    building.rules = [{ id: 'mind-the-step', severity: 'caution', text: 'Mind the step at the door.' }];
    floor.rules = [
      { id: 'fire-door', severity: 'warning', text: 'Keep the fire door shut.' },
      { id: 'no-lift', severity: 'danger', text: 'Never use the lift.' },
    ];
    expect(page(p, building.id, floor.id).safetyRules.map((r) => r.severity)).toEqual(['danger', 'warning', 'caution']);
    expect(ruleLines(floor.rules, 'zh-CN').map((r) => r.severityText)).toEqual(['危险：', '警告：']);
    expect(ruleLines(floor.rules, 'zh-CN', 'en').map((r) => r.severityText)).toEqual(['Danger:', 'Warning:']);
  });

  it('is empty where neither the building nor the floor has a rule', () => {
    expect(page(samplePlaybook(), 'main', 'floor-1').safetyRules).toEqual([]);
  });
});

describe('the routes of a floor', () => {
  it('B2: the way out in two numbered legs, each with its stairway or door and where it ends', () => {
    const b2 = page(scenario('examples/riverside.en.json'), 'main', 'floor-b2');
    expect(b2.routes.map((r) => [r.kind, r.heading])).toEqual([
      ['primary', 'Your way out'],
      ['alternate', 'If that way is blocked'],
      ['step-free', 'If you cannot use stairs'],
    ]);
    const primary = route(b2, 'primary');
    expect(primary.when).toBeUndefined();
    expect(primary.legs).toEqual([
      { text: 'Go up the ramp stairs to 1F.', detail: 'Go up · Ramp stairs (beside the car ramp) · to 1F' },
      { text: 'Leave by the main door onto Binhe Road.', detail: 'Go out · to the main door' },
    ]);
    expect(primary.exit).toBe('Leave the building by: Main door');
    expect(primary.assembly).toBe('Assemble at: Library plaza — Across Binhe Road, by the bus stop');
  });

  it('B2: the alternate says when to take it, and the step-free way carries its own danger rule', () => {
    const b2 = page(scenario('examples/riverside.en.json'), 'main', 'floor-b2');
    expect(route(b2, 'alternate').when).toBe('Condition: when the ramp is flooded');
    const stepFree = route(b2, 'step-free');
    expect(stepFree.when).toBe('Condition: only while the car ramp is dry');
    expect(stepFree.legs.map((l) => l.detail)).toEqual(['Go along · to the car ramp', 'Go up · to street level']);
    expect(stepFree.rulesTitle).toBe('On this route');
    expect(stepFree.rules).toEqual([
      {
        id: 'ramp-water',
        severity: 'danger',
        severityText: 'Danger:',
        text: 'Never walk through water on the ramp: turn back and call the security desk.',
      },
    ]);
    const zh = page(scenario('examples/riverside.zh-CN.json'), 'main', 'floor-b2');
    expect(route(zh, 'alternate').when).toBe('适用情况：坡道被水淹时');
    expect(route(zh, 'primary').legs[0]?.detail).toBe('向上 · 坡道旁楼梯 · 到一楼');
    expect(route(zh, 'step-free').rules[0]?.severityText).toBe('危险：');
  });

  it('2F: someone who cannot use the stairs is told not to go down, where to wait, what to do and whom to call', () => {
    const stay = route(page(scenario('examples/riverside.en.json'), 'main', 'floor-2'), 'stay');
    expect(stay.heading).toBe('If you cannot use stairs');
    expect(stay.legs).toEqual([]);
    expect(stay.assembly).toBeUndefined();
    expect(stay.stay).toEqual({
      refuge: 'Do not go down. Wait at: The refuge area on 2F, behind the green fire door by the north stairs',
      actionsTitle: 'While you wait',
      actions: [
        'Stay behind the fire door and keep it closed.',
        'Call and say where you are and who is with you.',
        'Wait for the evacuation chair; do not try the stairs alone.',
      ],
      callsTitle: 'Call to say where you are',
      calls: [
        { label: 'Call Security desk (evacuation chair):', number: '0316 555 0110', why: 'for the evacuation chair' },
        // The evacuation team has no phone in the plan: the page says so instead of showing no number.
        { label: 'Call Evacuation team:', missing: 'number not set in the plan', why: 'to say who is waiting' },
      ],
    });
  });

  it('2M in Chinese: the same refuge, worded in Chinese, the missing number said plainly', () => {
    const stay = route(page(scenario('examples/riverside.zh-CN.json'), 'main', 'floor-2m'), 'stay');
    expect(stay.stay?.refuge).toBe('不要下楼，到此等候：二层夹层档案室外平台（绿色标示的避难区）');
    expect(stay.stay?.calls).toEqual([
      { label: '打电话给安保值班台（疏散椅）：', number: '0316 555 0110', why: '请求送来疏散椅' },
      { label: '打电话给疏散引导组：', missing: '预案中未填写号码', why: '报告在此等待的人员' },
    ]);
  });

  it('a shipped version 1 fire plan still shows the stairway and the direction of every route, in both languages', () => {
    const zh = page(scenario('fire.zh-CN.json'), 'west-main', 'floor-7');
    const primary = route(zh, 'primary');
    expect(primary.instruction).toContain('中央楼梯');
    // The one leg repeats the instruction: only what it adds is shown, the way and the stairway.
    expect(primary.legs).toEqual([{ detail: '向下 · 中央楼梯' }]);
    const en = page(scenario('fire.en.json'), 'west-main', 'floor-6');
    expect(route(en, 'primary').legs).toEqual([{ detail: 'Go down · West rear fire escape' }]);
    const ground = page(scenario('fire.en.json'), 'west-main', 'floor-1');
    expect(route(ground, 'primary').legs).toEqual([{ detail: 'Go out · the nearest exit' }]);
    const second = page(scenario('fire.en.json'), 'west-main', 'floor-2');
    expect(route(second, 'alternate').legs).toEqual([{ detail: 'Go down · the nearest stairs' }]);
    expect(en.safetyRules).toEqual([]);
    expect(en.rules.join(' ')).toMatch(/Never use the elevator/i);
  });
});
