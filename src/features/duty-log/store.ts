import { dutyStreamId, reduceDutyLog, type DutyLogState } from '../../domain/duty-log';
import type { EventPayloads } from '../../domain/event';
import { record } from '../../ui/record';
import { StreamStore, useStreamView, type StreamView } from '../../ui/stream-store';

// The duty log is short-lived per screen and small: reducing it again on each entry is enough.
const dutyLogStore = new StreamStore<DutyLogState>({ reduce: reduceDutyLog, apply: () => null });

/** The live duty log of one site's book (值班日记), from the events on this device. */
export function useDutyLog(streamId: string): StreamView<DutyLogState> {
  return useStreamView(dutyLogStore, streamId);
}

/** Each duty-log intent is one event in the site's book; see `record` for what a failed write does. */
export const writeDutyEntry = (site: string, text: string, tags: string[] = []) =>
  record(dutyLogStore, dutyStreamId(site), 'duty.entry', { text, ...(tags.length ? { tags } : {}) });
export const handOverShift = (site: string, p: EventPayloads['shift.handedOver']) => record(dutyLogStore, dutyStreamId(site), 'shift.handedOver', p);
export const strikeDutyEntry = (site: string, targetId: string, reason?: string) =>
  record(dutyLogStore, dutyStreamId(site), 'entry.struck', { targetId, ...(reason ? { reason } : {}) });
