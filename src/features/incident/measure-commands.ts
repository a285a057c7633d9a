import type { EventPayloads } from '../../domain/event';
import { record } from '../../ui/record';
import { incidentStore } from './incident-store';

/**
 * The readings' user intents, built like commands.ts: one event each, shown only once the write
 * is committed; null when the device could not store it (the typed value stays in the form).
 */

/** The officer records a reading of one of the playbook's measurements; the event's clock stamps it. */
export const recordReading = (incidentId: string, p: EventPayloads['measurement.recorded']) => record(incidentStore, incidentId, 'measurement.recorded', p);
