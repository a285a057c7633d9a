import type { AfterActionField } from '../events/afteraction';
import type { PersonKind } from '../events/people';
import type { IncidentPhase } from '../incident';
import type { ReportLabels, ReportLanguage } from './labels';
import type { PlaybookRun, PlaybookRunTexts } from './playbook-run';

/**
 * The after-action report as data: every section the plans ask for, already worded in the
 * report's language, with the times both as milliseconds and as printed text. The four
 * exports (HTML, Markdown, CSV, JSON) are renderings of this object and of the events.
 */

/** A correction that struck an entry out: the entry stays listed, marked, and leaves the totals. */
export interface Correction {
  readonly actor: string;
  readonly at: number;
  readonly when: string;
  readonly reason?: string;
  /** "Corrected: struck out by …, …; reason: …" in the report's language. */
  readonly text: string;
}

export interface ReportCommander {
  readonly person: string;
  readonly roleName?: string;
  readonly from: number;
  readonly fromText: string;
  /** When the next commander took over, or the end of the incident; null while it is open. */
  readonly until: number | null;
  readonly untilText: string;
  readonly recordedBy: string;
  readonly note?: string;
  /** The briefing the incoming commander was shown (ICS 201), as recorded with the handover. */
  readonly briefing?: ReportBriefing;
}

/** A handover briefing in the shape of an ICS 201, each part with its heading in the report's words. */
export interface ReportBriefing {
  /** "Briefing given to Leader Li, 2026-07-14 02:40:00 (ICS 201)". */
  readonly title: string;
  readonly parts: readonly { readonly label: string; readonly items: readonly string[] }[];
}

export interface ReportSummary {
  readonly incidentId: string;
  readonly title: string;
  readonly mode: 'real' | 'drill';
  readonly modeText: string;
  readonly place: string;
  /**
   * The playbook the incident ran on, as its declaration recorded it (the title is the plan
   * text's); `hash` is null for an incident declared before hashes were recorded.
   */
  readonly playbook: { readonly id: string; readonly version: string; readonly language: string; readonly title: string; readonly hash: string | null };
  /** That playbook against the document this report's plan text comes from. */
  readonly playbookRun: PlaybookRun;
  /** How the report words it: the playbook, its hash (or "not recorded"), and any notice that the plan text differs. */
  readonly playbookTexts: PlaybookRunTexts;
  readonly phase: IncidentPhase;
  readonly phaseText: string;
  readonly start: number;
  readonly startText: string;
  /** The approval of closure; null when the incident is not closed. */
  readonly end: number | null;
  readonly endText: string;
  readonly durationMs: number;
  readonly durationText: string;
  readonly commanders: readonly ReportCommander[];
}

export interface ReportTimelineEntry {
  readonly eventId: string;
  readonly at: number;
  readonly when: string;
  readonly activity: string;
  readonly person: string;
  /** The roles the person held at that moment, commander first (ICS 214 "position"). */
  readonly position: string;
  /** The device (its token's label) that delivered the event to the server; absent when not synced or not recorded. */
  readonly deliveredBy?: string;
  /** How the device that made the report received the event by hand (issue 21: "from phone X at 02:31, by QR scan"); absent for events it recorded or synced. */
  readonly receivedBy?: string;
  readonly struck?: Correction;
  readonly ignored?: string;
  /** The photos a note carries (their hashes are in the event, so the chain covers them). */
  readonly photos?: readonly ReportPhoto[];
}

type ReportStepStatus = 'done' | 'skipped' | 'not-done';

export interface ReportStep {
  readonly id: string;
  readonly text: string;
  readonly ownerName: string;
  readonly critical: boolean;
  readonly status: ReportStepStatus;
  readonly statusText: string;
  readonly reason?: string;
  readonly by?: string;
  readonly at?: number;
  readonly when?: string;
  /** When a step whose target counts from its own start was started. */
  readonly startedAt?: number;
  /** Minutes from the start of the target's clock (the incident's start, or the step's own) to the step being done. */
  readonly minutesTaken?: number;
  readonly targetMinutes?: number;
  /** Whether the target counts from the start of the incident or from the step's own start. */
  readonly targetFrom?: 'incident' | 'step';
  /** Done after its target, or not done by the target (counted at the end of the incident, or when the report was made). */
  readonly overdue: boolean;
  readonly takenText: string;
  readonly targetText: string;
  readonly items: readonly { readonly text: string; readonly checked: boolean }[];
}

interface ReportPhase {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly ReportStep[];
}

export interface ReportSteps {
  readonly phases: readonly ReportPhase[];
  readonly counts: { readonly total: number; readonly done: number; readonly skipped: number; readonly notDone: number; readonly overdue: number };
  readonly summaryText: string;
  readonly overdue: readonly ReportStep[];
}

interface ReportRoleAssignment {
  readonly roleId: string;
  readonly roleName: string;
  readonly person: string;
  readonly phone?: string;
  readonly recordedBy: string;
  readonly at: number;
  readonly when: string;
}

export interface ReportHeadcountRow {
  /** The person key: a roster id, or the name as typed. */
  readonly key: string;
  /** The person's name (never the roster id). */
  readonly person: string;
  readonly kind: PersonKind;
  readonly kindText: string;
  /** The floor they work on and their assembly point, as the roster gives them (the point by its playbook name). */
  readonly floor?: string;
  readonly team?: string;
  readonly assemblyPoint?: string;
  readonly status: 'safe' | 'injured' | 'missing' | 'unknown';
  readonly statusText: string;
  readonly at?: number;
  readonly when?: string;
  readonly recordedBy?: string;
  readonly note?: string;
  /** Where the latest report says they were last seen. */
  readonly lastSeen?: string;
  readonly via?: 'scan' | 'list';
  readonly viaText?: string;
  /** "3F · Scanned": where last seen and how the latest report was taken ('' with neither). */
  readonly seenText: string;
  /** "Leader Li, 2026-11-30 02:22:00": who made the latest report and when ('' with none). */
  readonly reportedText: string;
  /** How many reports there were of this person. */
  readonly reports: number;
  /** Set when two or more people or devices reported them safe or injured: who and when. */
  readonly reportedTwice?: string;
}

export interface ReportHeadcountGroup {
  /** "Floor 3F · assembly point Front square"; empty for people with neither. */
  readonly title: string;
  readonly floor?: string;
  readonly assemblyPoint?: string;
  readonly rows: readonly ReportHeadcountRow[];
  readonly summaryText: string;
}

interface ReportHeadcount {
  readonly rows: readonly ReportHeadcountRow[];
  /** The rows by floor and assembly point, in the roster's order. */
  readonly groups: readonly ReportHeadcountGroup[];
  readonly counts: { readonly total: number; readonly safe: number; readonly injured: number; readonly missing: number; readonly unknown: number };
  readonly summaryText: string;
  /** Names of the people not accounted for (no safe or injured report, or reported missing). */
  readonly notAccounted: readonly string[];
  /** How many people were reported safe or injured by two or more people or devices. */
  readonly reportedTwice: number;
}

/** One reading of a measurement, with the rise warning the app showed when it was entered. */
export interface ReportReading {
  readonly eventId: string;
  readonly at: number;
  readonly when: string;
  readonly value: number;
  readonly unit: string;
  /** "35 cm". */
  readonly valueText: string;
  /** Where it was read: the reading's own place, else the playbook's. */
  readonly place: string;
  readonly by: string;
  /** The rise warning reached at this reading (riseAlert over the readings up to it), in words. */
  readonly warning?: string;
  readonly struck?: Correction;
}

/** One playbook measurement (or one the playbook no longer names) with every reading. */
export interface ReportMeasurement {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly place?: string;
  readonly readings: readonly ReportReading[];
  /** "12 readings from … to …; lowest …, highest …, latest …". */
  readonly summaryText: string;
  /** The playbook's rise warning and how the report judged it, or that it sets none. */
  readonly ruleText: string;
  /** How many readings reached the rise warning, and when first; null when the playbook sets no warning. */
  readonly warningsText: string | null;
  readonly warnings: number;
  /** The trend as the app draws it (trendLine in a TREND_BOX box); null with no standing reading. */
  readonly trend: {
    readonly points: string;
    readonly minText: string;
    readonly maxText: string;
    readonly fromText: string;
    readonly toText: string;
    readonly alarm: boolean;
    /** The trend in words, for a reader who cannot see the picture. */
    readonly description: string;
  } | null;
}

/** A photo a note carries. */
export interface ReportPhoto {
  readonly hash: string;
  readonly type: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  /** "Photo 3" across the report, so a timeline line can point to it. */
  readonly number: number;
  readonly label: string;
  /** "JPEG · 1600 × 1200 px · 412 KB · SHA-256 …". */
  readonly detailText: string;
  /** The image as this device holds it; null when it is not on this device (said so, never left out). */
  readonly data: PhotoData | null;
}

/** A photo's bytes for the printable report, read at the edge (the device's photo store) and passed in. */
export interface PhotoData {
  readonly type: string;
  readonly base64: string;
}

export interface ReportPhotoNote {
  readonly eventId: string;
  readonly at: number;
  readonly when: string;
  readonly by: string;
  readonly text: string;
  readonly struck?: Correction;
  readonly photos: readonly ReportPhoto[];
}

/** The end confirmed although people were unaccounted for or critical steps were open. */
export interface ReportEndOverride {
  /** "Ended with 2 people unaccounted for and 1 critical step open — reason: …, by … at …". */
  readonly text: string;
  readonly reason: string;
  readonly by: string;
  readonly at: number;
  readonly when: string;
  /** Names, in full. */
  readonly unaccounted: readonly string[];
  readonly unaccountedText: string | null;
  /** The steps' texts, in full. */
  readonly openSteps: readonly string[];
  readonly openStepsText: string | null;
  readonly noHeadcount: boolean;
  readonly noHeadcountText: string | null;
}

interface ReportDutyEntry {
  readonly eventId: string;
  readonly at: number;
  readonly when: string;
  readonly by: string;
  readonly text: string;
  readonly struck?: Correction;
}

interface ReportLoss {
  readonly eventId: string;
  readonly what: string;
  readonly where: string;
  readonly quantity: number;
  readonly unit?: string;
  readonly kind: 'lost' | 'damaged';
  readonly kindText: string;
  readonly estimatedValue?: number;
  readonly recordedBy: string;
  readonly at: number;
  readonly when: string;
  readonly struck?: Correction;
}

export interface ReportSupply {
  readonly eventId: string;
  readonly item: string;
  readonly quantity: number;
  readonly unit?: string;
  readonly recordedBy: string;
  readonly at: number;
  readonly when: string;
  readonly struck?: Correction;
}

export interface SupplyTotal {
  readonly item: string;
  readonly unit?: string;
  readonly quantity: number;
}

interface ReportImprovement {
  readonly eventId: string;
  readonly issue: string;
  readonly action: string;
  readonly area: 'planning' | 'organisation' | 'equipment' | 'training' | 'drills';
  readonly areaText: string;
  readonly owner: string;
  readonly start?: string;
  readonly due: string;
  readonly struck?: Correction;
}

interface ReportAfterActionField {
  readonly field: AfterActionField;
  readonly label: string;
  readonly text: string | null;
  readonly byText?: string;
}

export interface DrillStepComparison {
  readonly stepId: string;
  readonly text: string;
  /** Minutes from the start to done; null when the step was not done in that drill. */
  readonly now: number | null;
  readonly before: number | null;
  readonly changeText: string;
}

export interface ReportDrillComparison {
  readonly previous: { readonly incidentId: string; readonly title: string; readonly start: number; readonly startText: string } | null;
  readonly rows: readonly DrillStepComparison[];
  readonly missedNow: readonly string[];
  readonly missedBefore: readonly string[];
}

export interface Report {
  readonly language: ReportLanguage;
  readonly labels: ReportLabels;
  readonly timeZoneOffsetMinutes: number;
  readonly zone: string;
  readonly generatedAt: number;
  readonly generatedText: string;
  readonly title: string;
  readonly summary: ReportSummary;
  readonly timeline: readonly ReportTimelineEntry[];
  readonly steps: ReportSteps;
  readonly roles: { readonly assignments: readonly ReportRoleAssignment[]; readonly handovers: readonly ReportCommander[] };
  readonly headcount: ReportHeadcount;
  /** One per playbook measurement, and one per other measurement id with readings. */
  readonly measurements: readonly ReportMeasurement[];
  /** The notes that carry photos, in order; `count` photos in all, `missing` of them not on this device. */
  readonly photos: { readonly notes: readonly ReportPhotoNote[]; readonly count: number; readonly missing: number; readonly summaryText: string };
  readonly dutyLog: {
    readonly entries: readonly ReportDutyEntry[];
    readonly handovers: readonly { readonly at: number; readonly when: string; readonly by: string; readonly text: string }[];
  };
  readonly losses: { readonly entries: readonly ReportLoss[]; readonly totalValue: number; readonly counted: number; readonly totalText: string };
  readonly supplies: {
    readonly used: readonly ReportSupply[];
    readonly toReplenish: readonly ReportSupply[];
    readonly usedTotals: readonly SupplyTotal[];
    readonly toReplenishTotals: readonly SupplyTotal[];
  };
  readonly ending: {
    readonly confirmedText: string;
    readonly confirmedNote?: string;
    readonly approvedText: string;
    readonly approvedNote?: string;
    readonly approver: string | null;
    readonly commander: string | null;
    /** Present when the end was confirmed with people unaccounted for or critical steps open. */
    readonly override: ReportEndOverride | null;
  };
  readonly afterAction: readonly ReportAfterActionField[];
  readonly improvements: readonly ReportImprovement[];
  readonly planRevisions: readonly {
    readonly eventId: string;
    readonly text: string;
    readonly by: string;
    readonly when: string;
    readonly struck?: Correction;
  }[];
  /** Present for a drill only. */
  readonly drill: ReportDrillComparison | null;
  /**
   * What the paper carries to check the file against: the event count, the chain's final hash,
   * the report hash sealing the header (v2), and whether the server countersigned it (null: a
   * preview, which says nothing).
   */
  readonly integrity: {
    readonly finalHash: string;
    readonly eventCount: number;
    readonly text: string;
    readonly reportHash: string;
    readonly reportText: string;
    readonly countersignText: string | null;
  };
}
