import { describe, expect, it } from 'vitest';
import { samplePlaybook } from './sample-playbook';
import type { Playbook } from './schema';
import { comparePlaybookTwins } from './validate';

describe('comparePlaybookTwins', () => {
  function twins(): [Playbook, Playbook] {
    const zh = samplePlaybook();
    zh.language = 'zh-CN';
    zh.title = '示例灭火预案';
    zh.phases[0]!.steps[0]!.text = '报告火情。';
    return [zh, samplePlaybook()];
  }

  it('finds nothing wrong when only the words differ', () => {
    const [zh, en] = twins();
    expect(comparePlaybookTwins(zh, en)).toEqual([]);
  });

  it('names a step whose id differs between the languages', () => {
    const [zh, en] = twins();
    en.phases[0]!.steps[1]!.id = 'step.alarm.call-fire-service';
    expect(comparePlaybookTwins(zh, en)).toEqual([
      { path: 'phases[0].steps', message: 'missing id "step.alarm.call-119", which the zh-CN version has at phases[0].steps[1]' },
      { path: 'phases[0].steps[1].id', message: 'id "step.alarm.call-fire-service" is not in the zh-CN version' },
    ]);
  });

  it('names an owner, a route and a flag that differ', () => {
    const [zh, en] = twins();
    en.phases[1]!.steps[0]!.owner = 'hq';
    en.buildings![1]!.floors[0]!.routes[0]!.stairway = 'central-staircase';
    delete en.phases[0]!.steps[0]!.critical;
    expect(comparePlaybookTwins(zh, en)).toEqual([
      { path: 'phases[0].steps[0].critical', message: 'missing, but the zh-CN version has phases[0].steps[0].critical' },
      { path: 'phases[1].steps[0].owner', message: 'expected "fire-team" as in the zh-CN version, got "hq"' },
      { path: 'buildings[1].floors[0].routes[0].stairway', message: 'expected "west-fire-escape" as in the zh-CN version, got "central-staircase"' },
    ]);
  });

  it('names steps in a different order and a duty list of a different length', () => {
    const [zh, en] = twins();
    en.phases[0]!.steps.reverse();
    en.command.headquarters.duties = ['Command.', 'Coordinate.'];
    expect(comparePlaybookTwins(zh, en)).toEqual([
      { path: 'command.headquarters.duties', message: 'expected 1 item as in the zh-CN version, got 2' },
      { path: 'phases[0].steps', message: 'expected the order "step.alarm.report", "step.alarm.call-119" as in the zh-CN version' },
    ]);
  });

  it('refuses two files of the same language as twins', () => {
    const en = samplePlaybook();
    expect(comparePlaybookTwins(en, samplePlaybook())).toEqual([
      { path: 'language', message: 'expected a language other than "en": twins are two languages of one playbook' },
    ]);
  });
});
