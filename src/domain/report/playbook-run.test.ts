import { samplePlaybook } from '#fixtures/sample-playbook';
import { describe, expect, it } from 'vitest';
import type { IncidentDeclared } from '../events/incident';
import { playbookContentHash } from '../playbook/content-hash';
import { reportLabels } from './labels';
import { comparePlaybookRun, playbookRunTexts, type PlaybookRunStatus } from './playbook-run';

const ran = samplePlaybook();
const ranHash = playbookContentHash(ran);
const newer = { ...samplePlaybook(), version: '1.1.0' };
const reworded = { ...samplePlaybook(), title: 'Sample fire plan (revised)' };
const twin = { ...samplePlaybook(), language: 'zh-CN', title: '示例火灾预案' };

const declared = (extra: Partial<IncidentDeclared> = {}): IncidentDeclared => ({
  playbookId: 'sample-fire',
  playbookVersion: '1.0.0',
  playbookLanguage: 'en',
  mode: 'drill',
  title: 'Fire drill',
  place: 'B1',
  ...extra,
});

describe('which playbook the incident ran on, against the copy the report is worded from', () => {
  it.each<[string, IncidentDeclared, typeof ran, PlaybookRunStatus]>([
    ['the copy the incident ran on', declared({ playbookHash: ranHash }), ran, 'same'],
    ['a newer version imported since', declared({ playbookHash: ranHash }), newer, 'changed'],
    ['the same version with a changed word', declared({ playbookHash: ranHash }), reworded, 'changed'],
    ['the twin in the report’s language', declared({ playbookHash: ranHash }), twin, 'translated'],
    ['no hash recorded, same version', declared(), ran, 'unrecorded'],
    ['no hash recorded, a newer version', declared(), newer, 'changed'],
    ['no hash and no language recorded (the first app versions)', declared({ playbookLanguage: undefined }), ran, 'unrecorded'],
  ])('%s: %s', (_, d, playbook, status) => {
    expect(comparePlaybookRun(d, playbook).status).toBe(status);
  });

  it('keeps what the incident recorded apart from the copy: version, language and the hash, whole', () => {
    const run = comparePlaybookRun(declared({ playbookHash: ranHash }), newer);
    expect(run.ranOn).toEqual({ id: 'sample-fire', version: '1.0.0', language: 'en', hash: ranHash });
    expect(run.planText).toEqual({ id: 'sample-fire', version: '1.1.0', language: 'en', title: 'Sample fire plan', hash: playbookContentHash(newer) });
    expect(run.ranOn.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the copy as the start screen does: key order does not matter, a changed word does', () => {
    const reordered = Object.fromEntries(Object.entries(samplePlaybook()).reverse()) as typeof ran;
    expect(comparePlaybookRun(declared({ playbookHash: ranHash }), reordered).status).toBe('same');
  });
});

describe('how the report words it', () => {
  const hashOfNewer = playbookContentHash(newer);

  it('in English: the playbook, its whole hash, and the change said plainly', () => {
    const texts = playbookRunTexts(comparePlaybookRun(declared({ playbookHash: ranHash }), newer), reportLabels('en'));
    expect(texts).toEqual({
      playbook: 'Sample fire plan (sample-fire, version 1.0.0, en)',
      hash: ranHash,
      notice:
        `The playbook on this device has changed since this incident began: the incident ran on version 1.0.0 (hash ${ranHash}); ` +
        `this report's plan text is version 1.1.0 (hash ${hashOfNewer}).`,
    });
  });

  it('in Chinese: the same', () => {
    const texts = playbookRunTexts(comparePlaybookRun(declared({ playbookHash: ranHash }), newer), reportLabels('zh-CN'));
    expect(texts).toEqual({
      playbook: 'Sample fire plan（sample-fire，版本 1.0.0，en）',
      hash: ranHash,
      notice: `本设备上的预案在本事件开始后已更改：本事件执行的是版本 1.0.0（哈希值 ${ranHash}）；本报告中的预案内容是版本 1.1.0（哈希值 ${hashOfNewer}）。`,
    });
  });

  it('says nothing more when the copy is the one the incident ran on', () => {
    expect(playbookRunTexts(comparePlaybookRun(declared({ playbookHash: ranHash }), ran), reportLabels('en')).notice).toBeNull();
  });

  it('says "not recorded" for an older incident, and gives the copy’s hash to compare by hand', () => {
    const en = playbookRunTexts(comparePlaybookRun(declared(), ran), reportLabels('en'));
    expect(en.hash).toBe('not recorded');
    expect(en.notice).toContain(`this report's plan text is version 1.0.0 (hash ${ranHash})`);
    const zh = playbookRunTexts(comparePlaybookRun(declared(), newer), reportLabels('zh-CN'));
    expect(zh.hash).toBe('未记录');
    expect(zh.notice).toContain('本事件执行的是版本 1.0.0（哈希值 未记录）');
  });

  it('names the twin’s language rather than calling a translation a change', () => {
    const texts = playbookRunTexts(comparePlaybookRun(declared({ playbookHash: ranHash }), twin), reportLabels('en'));
    expect(texts.hash).toBe(ranHash);
    expect(texts.notice).toBe(
      `This report's plan text is the playbook's zh-CN text, version 1.0.0 (hash ${playbookContentHash(twin)}); the hash above is of the en text the incident ran on.`,
    );
  });
});
