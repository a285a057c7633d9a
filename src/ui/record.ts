import type { EventPayloads, EventType, MusterEvent } from '../domain/event';
import { speaker } from '../domain/text';
import { appDb } from '../storage';
import { recordEvent, type AlongsideWrite } from '../storage/events';
import { messages } from './messages';
import { useSession } from './session';
import type { StreamStore } from './stream-store';

/**
 * Records one user intent as one event in `store`'s stream: the event is committed to
 * IndexedDB (with its outbox row) first, and only then shown. A failed write (quota exceeded,
 * database blocked) is never silently dropped: the error is shown in the top bar and the
 * function resolves to null, so the form keeps what was typed. `alongside` (a note's photos)
 * is written in the event's own transaction: both are stored, or neither.
 */
export async function record<S, K extends EventType>(
  store: StreamStore<S>,
  streamId: string,
  type: K,
  payload: EventPayloads[K],
  alongside?: AlongsideWrite,
): Promise<MusterEvent | null> {
  const session = useSession.getState();
  const t = speaker(session.language, messages);
  const actor = session.actorName || t('record.actor.unknown');
  try {
    const { event, rev } = await recordEvent(appDb(), { streamId, actor, type, payload }, undefined, alongside);
    store.committed(event, rev);
    return event;
  } catch (err) {
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    session.setWriteError(t('record.writeFailed', { detail }));
    return null;
  }
}
