import type { Playbook } from '../playbook/schema';
import type { CampaignState } from './state';

/** What the campaign still lacks before its report can be handed in (seed plan part 2, 四 and 五). */
export interface MissingBeforeDeadline {
  readonly today: string;
  readonly deadline: string;
  /** Whole calendar days from today to the deadline: 0 on the day itself, negative once it has passed. */
  readonly daysLeft: number;
  /** The deadline has passed and the report has not been handed in. */
  readonly overdue: boolean;
  readonly submitted: boolean;
  /** Units that have not said they checked everything (status "open"), in the campaign's order. */
  readonly unitsNotReported: readonly { readonly unitId: string; readonly name: string; readonly owner?: string }[];
  /**
   * Loan categories with no entry from any unit, while some unit has not reported. Once every
   * unit has reported, an empty category means the units found nothing in it, and it is not
   * missing (a report is a unit's word that it has nothing more to enter).
   */
  readonly categoriesWithoutEntry: readonly { readonly categoryId: string; readonly text: string }[];
  /** Risk dimensions with no entry, by the same rule. */
  readonly dimensionsWithoutEntry: readonly { readonly dimensionId: string; readonly title: string }[];
  /** The report must name near-term and long-term trigger points and the transmission paths (四、(三)); units reporting does not excuse these. */
  readonly noNearTrigger: boolean;
  readonly noLongTrigger: boolean;
  readonly noPath: boolean;
  /** Sections of the written report (the playbook's `campaign.reportContents`) with no text yet. */
  readonly emptySections: readonly { readonly sectionId: string; readonly text: string }[];
  /** Nothing is missing: the report can be handed in. */
  readonly complete: boolean;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar days from `from` to `to`, both "YYYY-MM-DD" (a date, no time zone involved); throws on anything else. */
export function daysBetween(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / 86_400_000;
}

function dayNumber(ymd: string): number {
  const m = YMD.exec(ymd);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== ymd) throw new RangeError(`expected a calendar date "YYYY-MM-DD", got ${JSON.stringify(ymd)}`);
  return ms;
}

/**
 * What is still missing, and how many days are left until the campaign's deadline, as of
 * `todayYmd` (today in the branch's time zone, which the caller works out). Pure: the same
 * state and day give the same answer on every device, offline or after sync.
 */
export function missingBeforeDeadline(state: CampaignState, playbook: Playbook, todayYmd: string): MissingBeforeDeadline {
  const campaign = playbook.campaign;
  const deadline = state.started.deadline;
  const daysLeft = daysBetween(todayYmd, deadline);
  const submitted = state.submitted !== null;
  const unitsNotReported = state.units
    .filter((u) => u.status !== 'reported')
    .map((u) => ({ unitId: u.unitId, name: u.name, ...(u.owner !== undefined ? { owner: u.owner } : {}) }));
  const allReported = unitsNotReported.length === 0;
  const loanCategories = new Set(state.loans.map((l) => l.categoryId));
  const riskDimensions = new Set(state.risks.map((r) => r.dimensionId));
  const categoriesWithoutEntry = allReported
    ? []
    : (campaign?.loanCategories ?? []).filter((c) => !loanCategories.has(c.id)).map((c) => ({ categoryId: c.id, text: c.text }));
  const dimensionsWithoutEntry = allReported
    ? []
    : (campaign?.riskDimensions ?? []).filter((d) => !riskDimensions.has(d.id)).map((d) => ({ dimensionId: d.id, title: d.title }));
  const noNearTrigger = !state.triggers.some((t) => t.horizon === 'near');
  const noLongTrigger = !state.triggers.some((t) => t.horizon === 'long');
  const noPath = state.paths.length === 0;
  const emptySections = (campaign?.reportContents ?? [])
    .filter((s) => (state.findings[s.id]?.text ?? '').trim() === '')
    .map((s) => ({ sectionId: s.id, text: s.title ?? s.text }));
  const complete =
    allReported &&
    categoriesWithoutEntry.length === 0 &&
    dimensionsWithoutEntry.length === 0 &&
    !noNearTrigger &&
    !noLongTrigger &&
    !noPath &&
    emptySections.length === 0;
  return {
    today: todayYmd,
    deadline,
    daysLeft,
    overdue: daysLeft < 0 && !submitted,
    submitted,
    unitsNotReported,
    categoriesWithoutEntry,
    dimensionsWithoutEntry,
    noNearTrigger,
    noLongTrigger,
    noPath,
    emptySections,
    complete,
  };
}
