import type { AfterActionField } from '../events/afteraction';
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
  readonly struck?: Correction;
  readonly ignored?: string;
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
  readonly person: string;
  readonly status: 'safe' | 'injured' | 'missing' | 'unknown';
  readonly statusText: string;
  readonly at?: number;
  readonly when?: string;
  readonly recordedBy?: string;
  readonly note?: string;
}

interface ReportHeadcount {
  readonly rows: readonly ReportHeadcountRow[];
  readonly counts: { readonly total: number; readonly safe: number; readonly injured: number; readonly missing: number; readonly unknown: number };
  readonly summaryText: string;
  readonly notAccounted: readonly string[];
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
  readonly dutyLog: {
    readonly entries: readonly ReportDutyEntry[];
    readonly handovers: readonly { readonly at: number; readonly when: string; readonly text: string }[];
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
