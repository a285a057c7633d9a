import type { HandoverBriefing } from '../events/command';
import type { EndOverride } from '../events/incident';
import type { PersonKind } from '../events/people';
import type { PhotoType } from '../events/photo';
import { missingPeople, personName, type IncidentState } from '../incident';
import { readingsOf, type RiseAlert } from '../measurements';
import type { Measurement } from '../playbook/schema-plan';
import { riseWarnings } from './measurements';
import { doubleReports, lastSeenFloor } from './people';

/**
 * What the JSON export lists beside its events, for a reader of the file: the photos (hash,
 * type, size), every measurement reading with the rise warnings reached, the headcount by
 * person, an end confirmed over open items and the handover briefings. Facts only, no
 * wording, so any reader can check them: they are worked out from the events (which the hash
 * chain covers) and the playbook copy in the file, and `readReportFile` works them out again
 * and refuses a file whose list was edited.
 */
export interface ReportContents {
  readonly photos: readonly {
    readonly eventId: string;
    readonly at: string;
    readonly actor: string;
    readonly hash: string;
    readonly type: PhotoType;
    readonly bytes: number;
    readonly width: number;
    readonly height: number;
  }[];
  readonly measurements: readonly {
    readonly measureId: string;
    readonly label?: string;
    readonly unit: string;
    readonly place?: string;
    readonly riseWarning?: { readonly amount: number; readonly minutes: number };
    readonly readings: readonly {
      readonly eventId: string;
      readonly at: string;
      readonly value: number;
      readonly unit: string;
      readonly place?: string;
      readonly actor: string;
      /** Struck out by a correction: listed, not counted. */
      readonly struck?: true;
      /** The rise warning reached at this reading, as the app judged it then (riseAlert over the readings up to it). */
      readonly riseWarning?: { readonly rise: number; readonly fromEventId: string };
    }[];
  }[];
  readonly headcount: {
    readonly people: readonly {
      readonly key: string;
      readonly name: string;
      readonly kind: PersonKind;
      readonly floor?: string;
      readonly team?: string;
      readonly assemblyPoint?: string;
      readonly status: 'safe' | 'injured' | 'missing' | 'unknown';
      readonly at?: string;
      readonly actor?: string;
      readonly lastSeenFloor?: string;
      readonly via?: 'scan' | 'list';
      readonly note?: string;
      readonly reports: number;
      /** Reported safe or injured by two or more people or devices. */
      readonly reportedTwice?: true;
    }[];
    /** Names of the people not accounted for. */
    readonly notAccounted: readonly string[];
  };
  readonly endOverride: (EndOverride & { readonly at: string; readonly actor: string }) | null;
  readonly handovers: readonly {
    readonly eventId: string;
    readonly at: string;
    readonly actor: string;
    readonly to: string;
    readonly toRole?: string;
    readonly note?: string;
    readonly briefing?: HandoverBriefing;
  }[];
}

export const CONTENTS_PARTS = ['photos', 'measurements', 'headcount', 'endOverride', 'handovers'] as const satisfies readonly (keyof ReportContents)[];

/** ISO 8601 in UTC; an instant a Date cannot hold (a hand-edited stamp) as its number, never a throw. */
function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

const riseOf = (a: RiseAlert | undefined) => (a ? { riseWarning: { rise: a.rise, fromEventId: a.from.eventId } } : {});

/**
 * The contents of an incident's JSON export. Pure and deterministic: the same events and
 * measurement definitions give the same object on every device and in the verify script.
 */
export function reportContents(incident: IncidentState, definitions: readonly Measurement[] | null): ReportContents {
  const known = new Set((definitions ?? []).map((m) => m.id));
  const otherIds = [...new Set(incident.measurements.map((m) => m.measureId))].filter((id) => !known.has(id));
  const measures: Pick<Measurement, 'id' | 'label' | 'unit' | 'place' | 'riseWarning'>[] = [
    ...(definitions ?? []),
    ...otherIds.map((id) => ({ id, label: '', unit: incident.measurements.find((m) => m.measureId === id)?.unit ?? '' })),
  ];
  return {
    photos: incident.notes.flatMap((n) => n.photos.map((p) => ({ eventId: n.eventId, at: iso(n.at), actor: n.actor, ...p }))),
    measurements: measures.map((d) => {
      const warnings = riseWarnings(readingsOf(incident, d.id), d);
      return {
        measureId: d.id,
        ...(d.label ? { label: d.label } : {}),
        unit: d.unit,
        ...(d.place ? { place: d.place } : {}),
        ...(d.riseWarning ? { riseWarning: { amount: d.riseWarning.amount, minutes: d.riseWarning.minutes } } : {}),
        readings: incident.measurements
          .filter((m) => m.measureId === d.id)
          .map((m) => ({
            eventId: m.eventId,
            at: iso(m.at),
            value: m.value,
            unit: m.unit,
            ...(m.place ? { place: m.place } : {}),
            actor: m.actor,
            ...(incident.struck[m.eventId] ? { struck: true as const } : {}),
            ...riseOf(warnings.get(m.eventId)),
          })),
      };
    }),
    headcount: {
      people: incident.roster.map((key) => {
        const p = incident.people[key];
        const h = incident.headcount[key];
        const reports = incident.headcountReports[key] ?? [];
        return {
          key,
          name: personName(incident, key),
          kind: p?.kind ?? 'staff',
          ...(p?.floor ? { floor: p.floor } : {}),
          ...(p?.team ? { team: p.team } : {}),
          ...(p?.assemblyPoint ? { assemblyPoint: p.assemblyPoint } : {}),
          status: h?.status ?? 'unknown',
          ...(h
            ? {
                at: iso(h.at),
                actor: h.actor,
                ...(lastSeenFloor(reports) ? { lastSeenFloor: lastSeenFloor(reports) } : {}),
                ...(h.via ? { via: h.via } : {}),
                ...(h.note ? { note: h.note } : {}),
              }
            : {}),
          reports: reports.length,
          ...(doubleReports(reports) ? { reportedTwice: true as const } : {}),
        };
      }),
      notAccounted: missingPeople(incident).map((key) => personName(incident, key)),
    },
    endOverride: incident.endConfirmed?.override
      ? { ...incident.endConfirmed.override, at: iso(incident.endConfirmed.at), actor: incident.endConfirmed.actor }
      : null,
    handovers: incident.commanders.slice(1).map((c) => ({
      eventId: c.eventId,
      at: iso(c.at),
      actor: c.actor,
      to: c.person,
      ...(c.role ? { toRole: c.role } : {}),
      ...(c.note ? { note: c.note } : {}),
      ...(c.briefing ? { briefing: c.briefing } : {}),
    })),
  };
}
