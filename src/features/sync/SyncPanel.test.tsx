import type { Language } from '../../domain/text';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../sync/controller';
import { engineShowing } from './engine-double';
import { clockDifference } from './clock-words';
import { SyncPanel } from './SyncPanel';

const render = (language: Language, status: Partial<SyncStatus>) => renderToStaticMarkup(<SyncPanel language={language} engine={engineShowing(status)} />);

describe('the sync panel', () => {
  it('tells the duty leader how many records wait, that the server is unreachable, and offers "Sync now"', () => {
    const html = render('en', { waiting: 12, lastError: { kind: 'offline', message: 'fetch failed', at: 0 } });
    expect(html).toContain('12 records waiting to be sent');
    expect(html).toContain('Cannot reach the server');
    expect(html).toContain('Sync now');
    expect(html).toContain('Not synced yet');
  });

  it('says the same in Chinese', () => {
    const html = render('zh-CN', { waiting: 12, lastError: { kind: 'offline', message: 'fetch failed', at: 0 } });
    expect(html).toContain('12 条记录等待发送');
    expect(html).toContain('无法连接服务器');
    expect(html).toContain('立即同步');
  });

  it('says in words whether the live connection is up and when the server was last heard', () => {
    const heard = new Date(2026, 6, 14, 4, 5, 9).getTime(); // the device's own time zone, as the panel shows it
    const live = render('en', { stream: 'open', live: true, lastHeardAt: heard, lastSuccessAt: heard });
    expect(live).toContain('Live: the server tells this device as soon as another device records something.');
    expect(live).toContain('Last heard from the server 14 Jul, 04:05:09');
    const down = render('zh-CN', { stream: 'down', lastHeardAt: heard, lastSuccessAt: heard });
    expect(down).toContain('没有实时连接：本设备定时向服务器查询新记录');
    expect(down).toContain('上次收到服务器应答：7月14日 04:05:09');
    expect(render('en', { stream: 'connecting' })).toContain('Opening the live connection… Not heard from the server since the app was opened');
  });

  it('warns the owner of a phone whose clock is a day ahead', () => {
    expect(render('en', { clockOffsetMs: 24 * 3600_000 })).toContain('clock is 24 h ahead of the server');
    expect(render('zh-CN', { clockOffsetMs: -3 * 24 * 3600_000 })).toContain('本设备时钟比服务器慢 3 天');
    expect(render('en', { clockOffsetMs: 60_000 })).not.toContain('clock');
  });

  it('asks an unenrolled device to open its enrolment link, without a sync button', () => {
    const html = render('en', { enrolled: false });
    expect(html).toContain('has not joined an organisation');
    expect(html).not.toContain('Sync now');
  });

  it('has no heading of its own: the /sync screen’s one h1 names it, so "Sync" is not said twice', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const html of [render(language, {}), render(language, { enrolled: false })]) {
        expect(html).not.toMatch(/<h[1-6]/);
        expect(html).toContain('aria-labelledby="sync-title"');
      }
    }
  });

  it('falls back to a general message for an error kind it does not know', () => {
    expect(render('en', { lastError: { kind: 'from-a-future-version', message: '', at: 0 } })).toContain('Sync failed unexpectedly');
  });
});

describe('clock difference', () => {
  it('say a clock difference in a unit a person reads at a glance', () => {
    expect(clockDifference('en', 7 * 60_000)).toBe('7 min');
    expect(clockDifference('en', 30 * 3600_000)).toBe('30 h');
    expect(clockDifference('zh-CN', 3 * 24 * 3600_000)).toBe('3 天');
  });
});
