/**
 * The fields whose value is an id of something else in the playbook, and what they point at.
 * The reference checks (references.ts) and the twin comparison (twins.ts) both read this list,
 * so a new reference field is declared once, here.
 */
export const REFERENCE_FIELDS = {
  owner: 'person',
  support: 'person',
  role: 'person',
  stairway: 'stairway',
  assemblyPoint: 'assemblyPoint',
  emergencyNumber: 'emergencyNumber',
} as const;
export type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];
