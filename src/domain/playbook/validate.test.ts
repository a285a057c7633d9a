import { describe, expect, it } from 'vitest';
import type { Issue } from '../validation';
import { BROKEN_SAMPLES, put, remove } from '#fixtures/broken-samples';
import { BROKEN_SAMPLES_V2 } from '#fixtures/broken-samples-v2';
import { samplePlaybook, samplePlaybookV1 } from '#fixtures/sample-playbook';
import { type PlaybookIssue, validatePlaybook } from './validate';

function errorsOf(result: ReturnType<typeof validatePlaybook>): PlaybookIssue[] {
  return result.ok ? [] : result.issues;
}

/** Path and message of each error: what the older tests below look at. */
function issuesOf(result: ReturnType<typeof validatePlaybook>): Issue[] {
  return errorsOf(result).map(({ path, message }) => ({ path, message }));
}

/** What the sample playbook is warned about, in either version: nothing, since a screen shows every field it has. */
const SAMPLE_WARNINGS: PlaybookIssue[] = [];

describe('validatePlaybook', () => {
  it('accepts the sample playbook as it is', () => {
    const result = validatePlaybook(samplePlaybook());
    expect(result).toEqual({ ok: true, playbook: samplePlaybook(), warnings: SAMPLE_WARNINGS });
  });

  it('reads a version 1 file and gives it back as version 2, word for word', () => {
    expect(validatePlaybook(samplePlaybookV1())).toEqual({ ok: true, playbook: samplePlaybook(), warnings: SAMPLE_WARNINGS });
    expect(validatePlaybook({ ...samplePlaybookV1(), schemaVersion: 1 })).toEqual({ ok: true, playbook: samplePlaybook(), warnings: SAMPLE_WARNINGS });
  });

  it('refuses a schema version it does not know, in both languages', () => {
    expect(validatePlaybook({ ...samplePlaybook(), schemaVersion: 3 })).toEqual({
      ok: false,
      issues: [{ path: 'schemaVersion', severity: 'error', message: 'expected schema version 2 (or 1, or none, for older files), got 3' }],
      warnings: [],
    });
    expect(issuesOf(validatePlaybook({ ...samplePlaybook(), schemaVersion: '2' }, { language: 'zh-CN' }))).toEqual([
      { path: 'schemaVersion', message: '应为模式版本 2（旧文件可为 1 或不写），实际为 "2"' },
    ]);
  });

  it('accepts the same floor id in two buildings, and buildings left out altogether', () => {
    const p = samplePlaybook();
    expect(p.buildings![0]!.floors[0]!.id).toBe(p.buildings![1]!.floors[0]!.id);
    expect(validatePlaybook(p).ok).toBe(true);
    remove(p, 'buildings');
    expect(validatePlaybook(p).ok).toBe(true);
  });

  // Each broken playbook is the valid sample with one thing a safety officer might get wrong.
  it.each(BROKEN_SAMPLES)('names the field at fault: $name', ({ change, issues }) => {
    const p = samplePlaybookV1();
    change(p);
    expect(issuesOf(validatePlaybook(p))).toEqual(issues);
  });

  it.each(BROKEN_SAMPLES)('tells a Chinese-speaking safety officer the same, at the same path: $name', ({ change, issues, zh }) => {
    const p = samplePlaybookV1();
    change(p);
    expect(issuesOf(validatePlaybook(p, { language: 'zh-CN' }))).toEqual(issues.map((issue, i) => ({ path: issue.path, message: zh[i] })));
  });

  // The same for version 2: the sample written as version 2, with one mistake of the new rules.
  it.each(BROKEN_SAMPLES_V2)('names the field at fault in a version 2 file: $name', ({ change, issues }) => {
    const p = samplePlaybook();
    change(p);
    expect(issuesOf(validatePlaybook(p))).toEqual(issues);
  });

  it.each(BROKEN_SAMPLES_V2)('tells it in Chinese at the same path: $name', ({ change, issues, zh }) => {
    const p = samplePlaybook();
    change(p);
    expect(issuesOf(validatePlaybook(p, { language: 'zh-CN' }))).toEqual(issues.map((issue, i) => ({ path: issue.path, message: zh[i] })));
  });

  it('marks every error an error, and keeps a file with errors from coming back as a playbook', () => {
    const p = samplePlaybook();
    put(p, 'kind', 'earthquake');
    put(p.phases[0]!.steps[0]!, 'source', '三、1');
    put(p.buildings![0]!.floors[1]!, 'order', 1);
    const result = validatePlaybook(p);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('playbook');
    expect(errorsOf(result).map((i) => i.severity)).toEqual(['error']);
    expect(result.warnings.map((i) => i.severity)).toEqual(['warning', 'warning']);
  });

  it('speaks English when asked to, as when no language is given', () => {
    const p = samplePlaybook();
    put(p, 'kind', 'earthquake');
    expect(validatePlaybook(p, { language: 'en' })).toEqual(validatePlaybook(p));
  });

  it('has at least twenty broken playbooks to refuse', () => {
    expect(BROKEN_SAMPLES.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses a list, null or a text where a playbook belongs', () => {
    expect(issuesOf(validatePlaybook([]))).toEqual([{ path: '', message: 'expected an object, got a list' }]);
    expect(issuesOf(validatePlaybook(null))).toEqual([{ path: '', message: 'expected an object, got null' }]);
    expect(issuesOf(validatePlaybook('fire'))).toEqual([{ path: '', message: 'expected an object, got the text "fire"' }]);
    const zh = { language: 'zh-CN' } as const;
    expect(issuesOf(validatePlaybook([], zh))).toEqual([{ path: '', message: '应为对象，实际为列表' }]);
    expect(issuesOf(validatePlaybook(null, zh))).toEqual([{ path: '', message: '应为对象，实际为 null' }]);
    expect(issuesOf(validatePlaybook('fire', zh))).toEqual([{ path: '', message: '应为对象，实际为文本 "fire"' }]);
  });

  it('quotes a Chinese floor label exactly as the file has it', () => {
    const p = samplePlaybook();
    put(p.buildings![0]!.floors[0]!, 'label', '7楼');
    put(p.buildings![0]!.floors[1]!, 'label', '7楼');
    expect(errorsOf(validatePlaybook(p, { language: 'zh-CN' }))).toEqual([
      {
        path: 'buildings[0].floors[1].label',
        severity: 'error',
        place: '建筑 "Main building"，楼层 "7楼"',
        message: '楼层标签 "7楼" 重复，已在 buildings[0].floors[0].label 用过；员工要靠它选出自己所在的楼层',
      },
    ]);
  });

  it('says in Chinese what is too long, too large or missing', () => {
    const p = samplePlaybookV1();
    put(p, 'title', 'x'.repeat(2001));
    put(p, 'dutyPhone', '1'.repeat(31));
    put(p, 'id', 'a'.repeat(81));
    remove(p, 'kind');
    put(p.buildings![0]!.floors[0]!, 'level', 500);
    put(p.preparation!.keyAreas!, 'areas', []);
    expect(issuesOf(validatePlaybook(p, { language: 'zh-CN' }))).toEqual([
      { path: 'id', message: 'id 最多只能有 80 个字符' },
      { path: 'kind', message: '应为 "flood"、"fire"、"campaign"、"other" 之一，但未填写' },
      { path: 'title', message: '应最多有 2000 个字符，实际有 2001 个' },
      { path: 'dutyPhone', message: '应最多有 30 个字符，实际有 31 个' },
      { path: 'buildings[0].floors[0].level', message: '应为不大于 200 的数值，实际为 500' },
      { path: 'preparation.keyAreas.areas', message: '请至少列出一个重点防火部位，此处一个也没有' },
    ]);
  });

  it('reports every problem of a badly broken file at once, not only the first', () => {
    const p = samplePlaybook();
    remove(p, 'id');
    put(p, 'kind', 'earthquake');
    put(p.phases[0]!.steps[0]!, 'critical', 'yes');
    expect(issuesOf(validatePlaybook(p)).map((i) => i.path)).toEqual(['id', 'kind', 'phases[0].steps[0].critical']);
  });
});
