import { samplePlaybook } from '#fixtures/sample-playbook';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { playbookContentHash } from '../../domain/playbook/content-hash';
import { comparePlaybookRun } from '../../domain/report';
import { PlaybookRunSummary } from './PlaybookRunSummary';

const ran = samplePlaybook();
const hash = playbookContentHash(ran);
const newer = { ...samplePlaybook(), version: '1.1.0' };
const declared = { playbookId: 'sample-fire', playbookVersion: '1.0.0', playbookLanguage: 'en', mode: 'drill', title: 'Fire drill', place: 'B1' } as const;

/** What the report tab shows, as text, with the test ids of its parts. */
function shown(html: string): Record<string, string> {
  const parts = [...html.matchAll(/data-testid="([^"]+)">(.*?)<\/(?:p|span)>/g)].map((m): [string, string] => [
    m[1] ?? '',
    (m[2] ?? '').replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'"),
  ]);
  return Object.fromEntries(parts);
}

describe('the report tab names the playbook the incident ran on', () => {
  it('with its whole hash, and nothing more when the device still has that text', () => {
    const html = renderToStaticMarkup(<PlaybookRunSummary run={comparePlaybookRun({ ...declared, playbookHash: hash }, ran)} language="en" />);
    expect(shown(html)).toEqual({
      'report-playbook': 'Playbook: Sample fire plan (sample-fire, version 1.0.0, en)',
      'report-playbook-hash': hash,
    });
  });

  it('warns, in the app’s language, when the device’s copy changed since the incident began', () => {
    const html = renderToStaticMarkup(<PlaybookRunSummary run={comparePlaybookRun({ ...declared, playbookHash: hash }, newer)} language="zh-CN" />);
    expect(html).toContain('role="alert"');
    expect(shown(html)['report-playbook-notice']).toBe(
      `本设备上的预案在本事件开始后已更改：本事件执行的是版本 1.0.0（哈希值 ${hash}）；本报告中的预案内容是版本 1.1.0（哈希值 ${playbookContentHash(newer)}）。`,
    );
  });

  it('says "not recorded" for an incident started before hashes were recorded', () => {
    const html = renderToStaticMarkup(<PlaybookRunSummary run={comparePlaybookRun(declared, ran)} language="en" />);
    expect(shown(html)['report-playbook-hash']).toBe('not recorded');
    expect(html).not.toContain('role="alert"');
  });
});
