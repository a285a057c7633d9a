import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { readPlaybookBytes } from '../../domain/playbook/file';
import { IssueList, NotAPlaybook } from './ImportPlaybook';
import { checkImport } from './importPlaybook';

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
      'line 31, column 7 · principles[0].source · principle "principle.responsibility" | no screen of the app shows this "source", so nobody will read it (105 places like it in this file)',
    ]);
  });

  it('says it in Chinese to a Chinese user, and names a problem of the whole file as such', () => {
    expect(lines(wrongTypes, 'wrong-types.json', { language: 'zh-CN' })[0]).toBe(
      '第 113 行第 11 列 · phases[0].steps[0].critical · 阶段 "Raise the alarm"，步骤 "step.alarm.report"（"Report the fire."） | 应为 true 或 false，实际为文本 "yes"',
    );
    expect(lines(new Uint8Array(), 'empty.json', { language: 'zh-CN' })).toEqual(['（整个文件） | 文件是空的；应为一个以 JSON 对象写成的预案']);
  });
});

describe('a file that is not a playbook', () => {
  const reportFile = new TextEncoder().encode(
    JSON.stringify({ format: 'muster.incident-report', formatVersion: 2, incidentId: 'inc-1', events: [], chain: { links: [], finalHash: '' } }),
  );
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  it('an exported report is refused in one line that sends the person to the report viewer, not with a list of missing fields', async () => {
    const check = await checkImport(reportFile, 'muster-record-2026-07-14-inc-1.json', 'en');
    expect(check).toMatchObject({ kind: 'not-a-playbook', other: { kind: 'incident-report' } });
    if (check.kind !== 'not-a-playbook') return;
    const en = renderToStaticMarkup(<NotAPlaybook fileName={check.fileName} other={check.other} language="en" />);
    expect(text(en)).toBe(
      'muster-record-2026-07-14-inc-1.json is an exported incident report, not a playbook. Open it in the report viewer. Open the report viewer Nothing on this device was changed.',
    );
    expect(en).toContain('href="/reports/view"');
    const zh = renderToStaticMarkup(<NotAPlaybook fileName="记录.json" other={check.other} language="zh-CN" />);
    expect(text(zh)).toBe('记录.json 是导出的事件报告记录，不是预案。请在报告查看器中打开它。 打开报告查看器 本设备上的数据没有任何改动。');
  });

  it('anything else it recognises is named in "it looks like …", in the person’s language', () => {
    const say = (other: Parameters<typeof NotAPlaybook>[0]['other'], language: 'en' | 'zh-CN') =>
      text(renderToStaticMarkup(<NotAPlaybook fileName="f" other={other} language={language} />)).split(/(?<=[.。])\s/)[0];
    expect(say({ kind: 'events', duty: true }, 'en')).toBe('f is not a playbook: it looks like entries of a duty log.');
    expect(say({ kind: 'events', duty: true }, 'zh-CN')).toBe('f 不是预案：它看起来是值班日记的记录。');
    expect(say({ kind: 'csv' }, 'en')).toBe('f is not a playbook: it looks like a table (CSV), such as an ICS 214 export or a roster.');
    expect(say({ kind: 'muster-file', format: 'muster.bundle' }, 'zh-CN')).toBe('f 不是预案：它看起来是另一种 Muster 文件（muster.bundle）。');
  });
});
