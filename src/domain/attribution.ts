import type { MusterEvent } from './event';
import { stampTime } from './hlc';

/** Who did what and when: the person as entered on the device, the device, the clock stamp. */
export interface Attribution {
  readonly eventId: string;
  readonly actor: string;
  readonly deviceId: string;
  readonly hlc: string;
  /** Wall time of the stamp, in ms since the epoch. */
  readonly at: number;
}

/** The attribution every entry built from `e` carries, in an incident and in the duty log alike. */
export function attribution(e: MusterEvent): Attribution {
  return { eventId: e.id, actor: e.actor, deviceId: e.deviceId, hlc: e.hlc, at: stampTime(e.hlc) };
}
