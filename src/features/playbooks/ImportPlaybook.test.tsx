import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readPlaybookBytes } from '../../domain/playbook/file';
import { IssueList } from './ImportPlaybook';

/** The list as a safety officer reads it on the import screen, one line per problem. */
function lines(...args: Parameters<typeof readPlaybookBytes>): string[] {
  const checked = readPlaybookBytes(...args);
  const issues = [...(checked.ok ? [] : checked.issues), ...checked.warnings];
  const html = renderToStaticMarkup(<IssueList issues={issues} language={args[2]?.language ?? 'en'} />);
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<br\/>/g, ' | ')
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"'),
  );
}

const wrongTypes = readFileSync(new URL('../../../test/playbooks/broken/wrong-types.json', import.meta.url));

describe('the import screen’s list of problems', () => {
  it('gives each problem its line and column, its path, its place in the file’s words and what is wrong', () => {
    expect(lines(wrongTypes, 'wrong-types.json', { language: 'en' })).toEqual([
      'line 113, column 11 · phases[0].steps[0].critical · phase "Raise the alarm", step "step.alarm.report" ("Report the fire.") | expected true or false, got the text "yes"',
      'line 187, column 11 · buildings[0].floors[0].level · building "Main building", floor "Floor 1" | expected a number, got the text "1"',
    ]);
  });

  it('lists a warning as it lists an error: line, column, path, place and what is wrong', () => {
    const fire = readFileSync(new URL('../../../scenarios/fire.en.json', import.meta.url));
    expect(lines(fire, 'fire.en.json', { language: 'en' })).toEqual([
      'line 31, column 7 · principles[0].source · principle "principle.responsibility" | no screen of the app shows this "source", so nobody will read it (69 places like it in this file)',
    ]);
  });

  it('says it in Chinese to a Chinese user, and names a problem of the whole file as such', () => {
    expect(lines(wrongTypes, 'wrong-types.json', { language: 'zh-CN' })[0]).toBe(
      '第 113 行第 11 列 · phases[0].steps[0].critical · 阶段 "Raise the alarm"，步骤 "step.alarm.report"（"Report the fire."） | 应为 true 或 false，实际为文本 "yes"',
    );
    expect(lines(new Uint8Array(), 'empty.json', { language: 'zh-CN' })).toEqual(['（整个文件） | 文件是空的；应为一个以 JSON 对象写成的预案']);
  });
});
