/**
 * How long each kind of text a person types into a record may be. The event validators refuse
 * anything longer (a record can come from a modified device or a forged push), and the forms
 * stop typing at the same length, so nobody writes something the record would then refuse.
 */
export const TEXT_LIMITS = {
  /** A person's name: who records, commands, approves, owns an action, takes over a shift. */
  name: 120,
  /** An incident's title and its place. */
  title: 200,
  /** What was lost or damaged and where; a supply item. */
  item: 300,
  /** Why a step was skipped or reopened or an entry struck; a headcount note; an open item. */
  reason: 1000,
  /** A note on a handover, an end or a closure; an improvement's issue and action. */
  note: 2000,
  /** A timeline note, a duty-log entry, a plan revision. */
  entry: 4000,
  /** One after-action text (causes, lessons, …). */
  afterAction: 20000,
  /** A unit of a quantity ("boxes", "台"); a quick tag. */
  unit: 40,
  tag: 40,
} as const;
