import { describe, expect, it } from 'vitest';
import { samplePlaybook } from '#fixtures/sample-playbook';
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
    en.buildings![1]!.floors[0]!.routes[0]!.legs![0]!.stairway = 'central-staircase';
    delete en.phases[0]!.steps[0]!.critical;
    expect(comparePlaybookTwins(zh, en)).toEqual([
      { path: 'phases[0].steps[0].critical', message: 'missing, but the zh-CN version has phases[0].steps[0].critical' },
      { path: 'phases[1].steps[0].owner', message: 'expected "fire-team" as in the zh-CN version, got "hq"' },
      { path: 'buildings[1].floors[0].routes[0].legs[0].stairway', message: 'expected "west-fire-escape" as in the zh-CN version, got "central-staircase"' },
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

  it('tells a Chinese reader which ids, owners, flags and orders differ, at the same paths', () => {
    const [zh, en] = twins();
    en.phases[0]!.steps[1]!.id = 'step.alarm.call-fire-service';
    en.phases[1]!.steps[0]!.owner = 'hq';
    delete en.phases[0]!.steps[0]!.critical;
    en.command.headquarters.duties = ['Command.', 'Coordinate.'];
    en.planDevelopment = { content: 'Written by the safety office.' };
    const english = comparePlaybookTwins(zh, en);
    const chinese = comparePlaybookTwins(zh, en, { language: 'zh-CN' });
    expect(chinese.map((i) => i.path)).toEqual(english.map((i) => i.path));
    expect(chinese).toEqual([
      { path: 'command.headquarters.duties', message: '应与 zh-CN 版本一样有 1 项，实际有 2 项' },
      { path: 'phases[0].steps', message: '缺少 id "step.alarm.call-119"；zh-CN 版本在 phases[0].steps[1] 有这个 id' },
      { path: 'phases[0].steps[1].id', message: 'zh-CN 版本中没有 id "step.alarm.call-fire-service"' },
      { path: 'phases[0].steps[0].critical', message: '缺少该字段，而 zh-CN 版本有 phases[0].steps[0].critical' },
      { path: 'phases[1].steps[0].owner', message: '应与 zh-CN 版本一样为 "fire-team"，实际为 "hq"' },
      { path: 'planDevelopment', message: 'zh-CN 版本中没有该字段；两种语言版本的字段必须相同' },
    ]);
  });

  it('tells a Chinese reader when the order, a number or a kind of value differs', () => {
    const [zh, en] = twins();
    en.phases[0]!.steps[0]!.target!.minutes = 9;
    (en.phases[0]!.steps[0]! as Record<string, unknown>).critical = 'yes';
    en.phases[0]!.steps.reverse();
    expect(comparePlaybookTwins(zh, en, { language: 'zh-CN' })).toEqual([
      { path: 'phases[0].steps', message: '顺序应与 zh-CN 版本一致："step.alarm.report"、"step.alarm.call-119"' },
      { path: 'phases[0].steps[1].critical', message: '应与 zh-CN 版本一样为布尔值，实际为文本' },
      { path: 'phases[0].steps[1].target.minutes', message: '应与 zh-CN 版本一样为 0，实际为 9' },
    ]);
  });

  it('refuses two files of the same language as twins', () => {
    const en = samplePlaybook();
    expect(comparePlaybookTwins(en, samplePlaybook())).toEqual([
      { path: 'language', message: 'expected a language other than "en": twins are two languages of one playbook' },
    ]);
  });

  it('refuses two files of the same language as twins, in Chinese too', () => {
    expect(comparePlaybookTwins(samplePlaybook(), samplePlaybook(), { language: 'zh-CN' })).toEqual([
      { path: 'language', message: '语言不应为 "en"：对照的两个文件应是同一预案的两种语言版本' },
    ]);
  });
});
