import { describe, expect, it } from 'vitest';
import { readReportFile, type ReportInput } from '../../src/domain/report';
import type { HeldEvent } from '../../src/domain/merge-order';
import { CHINA, FLOOD_ID, FLOOD_START, floodStory } from './stories';
import { exportAll, htmlSection, markdownSection } from './support';

// After a stolen token, the record must say which device put each event on the server: the
// report names, for every event, the device (its token's label) that delivered it.

function input(): { input: ReportInput; labels: Map<string, string> } {
  const story = floodStory('en');
  const labels = new Map<string, string>();
  // As the device holds them after sync: the server's receipt kept beside each event; the last
  // event was recorded here and never synced, so it has none.
  const held: HeldEvent[] = story.events.map((e, i) => {
    if (i === story.events.length - 1) return e;
    const label = i % 2 === 0 ? "Commander's tablet" : 'Lobby phone';
    labels.set(e.id, label);
    return { ...e, receivedAt: new Date(FLOOD_START + 3 * 3_600_000).toISOString(), deliveredBy: label };
  });
  return {
    input: {
      incidentId: FLOOD_ID,
      events: held,
      dutyEvents: story.dutyEvents,
      playbook: story.playbook,
      language: 'en',
      timeZoneOffsetMinutes: CHINA,
      generatedAt: FLOOD_START + 4 * 3_600_000,
    },
    labels,
  };
}

describe('the report names the device that delivered each event', () => {
  it('gives every synced event of the timeline its delivering device, and none to the one not synced', () => {
    const { input: reportInput, labels } = input();
    const { report } = exportAll(reportInput);
    const incidentRows = report.timeline.filter((t) => t.eventId !== undefined);
    expect(incidentRows.length).toBeGreaterThan(3);
    for (const t of incidentRows) expect(t.deliveredBy).toBe(labels.get(t.eventId));
    expect(incidentRows.filter((t) => t.deliveredBy === undefined)).toHaveLength(1);
  });

  it('prints a "Delivered by (device)" column in the printable report and the Markdown', () => {
    const { html, markdown } = exportAll(input().input);
    const timeline = htmlSection(html, 'timeline');
    expect(timeline).toContain('Delivered by (device)');
    expect(timeline).toContain("Commander's tablet");
    expect(timeline).toContain('Lobby phone');
    const md = markdownSection(markdown, 'Timeline');
    expect(md).toMatch(/\| Delivered by \(device\) \|/);
    expect(md).toContain('Lobby phone');
  });

  it('keeps the JSON record to the envelopes, so it still verifies and the chain is unchanged', () => {
    const { input: reportInput } = input();
    const { json } = exportAll(reportInput);
    expect(json).not.toContain('deliveredBy');
    const plain = exportAll({ ...reportInput, events: floodStory('en').events });
    expect(readReportFile(json).ok).toBe(true);
    const finalHash = (text: string): string => (JSON.parse(text) as { chain: { finalHash: string } }).chain.finalHash;
    expect(finalHash(json)).toBe(finalHash(plain.json));
  });
});
